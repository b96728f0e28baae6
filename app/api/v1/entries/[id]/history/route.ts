import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { listHistory } from "@/lib/audit/history";
import { authorize } from "@/lib/auth/policy";
import { getEntry } from "@/lib/entries/queries";

/** GET /api/v1/entries/:id/history → `{ items }`: the entry's versions, newest change first. */
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const id = pathId(params.id);
  await getEntry(id); // 404 for an entry that does not exist
  return { items: await listHistory("entry", id) };
});
