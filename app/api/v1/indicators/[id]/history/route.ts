import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { listHistory } from "@/lib/audit/history";
import { authorize } from "@/lib/auth/policy";

/** GET /api/v1/indicators/:id/history → `{ items }` (removed indicators keep their history). */
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  authorize(user, "plan:read");
  return { items: await listHistory("indicator", pathId(params.id)) };
});
