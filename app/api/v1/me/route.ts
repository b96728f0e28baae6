import { apiRoute } from "@/lib/api/route";

/**
 * GET /api/v1/me → the signed-in user; open while they must change their password, so a client
 * can tell why everything else answers 403 `password_change_required`.
 */
export const GET = apiRoute(
  async ({ user }) => ({
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
  }),
  { allowPasswordChange: true },
);
