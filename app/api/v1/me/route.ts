import { apiRoute } from "@/lib/api/route";

/** GET /api/v1/me → the signed-in user. */
export const GET = apiRoute(async ({ user }) => ({
  id: user.id,
  username: user.username,
  name: user.name,
  role: user.role,
  unitId: user.unitId,
}));
