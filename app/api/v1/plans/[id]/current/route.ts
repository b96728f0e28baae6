import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { setCurrentPlan } from "@/lib/plans/set-current";

type Params = { id: string };

/** POST /api/v1/plans/:id/current → the plan, now the current one (admins). */
export const POST = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "admin:manage");
  return setCurrentPlan(user, pathId(params.id));
});
