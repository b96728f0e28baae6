import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { resetPassword } from "@/lib/users/admin";

type Params = { id: string };

/** POST /api/v1/users/:id/reset-password → `{ temporaryPassword }`, shown once (admins). */
export const POST = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "admin:manage");
  return resetPassword(user, pathId(params.id));
});
