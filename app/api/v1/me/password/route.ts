import { apiRoute } from "@/lib/api/route";
import { parseBody } from "@/lib/api/parse";
import { changeOwnPassword } from "@/lib/users/change-password";
import { passwordChangeSchema } from "@/lib/users/schemas";

/**
 * POST /api/v1/me/password `{ currentPassword, newPassword }` → `{ mustChangePassword: false }`.
 * Anyone, for themselves; open while they must change their password (the one write that is).
 */
export const POST = apiRoute(
  async ({ req, user }) => changeOwnPassword(user.id, await parseBody(passwordChangeSchema, req)),
  { allowPasswordChange: true },
);
