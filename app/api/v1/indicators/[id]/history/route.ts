import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { listHistory } from "@/lib/audit/history";
import { authorize } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";

/** GET /api/v1/indicators/:id/history → `{ items }` (removed indicators keep their history). */
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const items = await listHistory("indicator", pathId(params.id));
  // A deleted indicator keeps its history; an id that never was is a 404.
  if (items.length === 0) throw notFound();
  return { items };
});
