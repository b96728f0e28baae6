import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { unlockUser } from "@/lib/users/admin";

type Params = { id: string };

/** POST /api/v1/users/:id/unlock → the user, no longer locked (admins). */
export const POST = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "user:unlock");
  return unlockUser(user, pathId(params.id));
});
