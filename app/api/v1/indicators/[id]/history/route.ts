import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { listHistory } from "@/lib/audit/history";
import { authorize } from "@/lib/auth/policy";
import { getIndicator } from "@/lib/indicators/queries";

/** GET /api/v1/indicators/:id/history → `{ items }` (removed indicators keep their history). */
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const id = pathId(params.id);
  const items = await listHistory("indicator", id);
  // A deleted indicator keeps its history; otherwise the indicator must exist (404).
  if (items.length === 0) await getIndicator(id);
  return { items };
});
