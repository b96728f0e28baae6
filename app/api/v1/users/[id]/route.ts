import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { updateUser } from "@/lib/users/admin";
import { userPatchSchema } from "@/lib/users/schemas";

type Params = { id: string };

/** PATCH /api/v1/users/:id `{ displayName?, title?, unitId?, role?, active? }` → the user (admins). */
export const PATCH = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "admin:manage");
  const id = pathId(params.id);
  return updateUser(user, id, await parseBody(userPatchSchema, req));
});
