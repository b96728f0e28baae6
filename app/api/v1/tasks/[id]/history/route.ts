import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { listHistory } from "@/lib/audit/history";
import { authorize } from "@/lib/auth/policy";
import { taskPlanId } from "@/lib/tasks/queries";

/** GET /api/v1/tasks/:id/history → `{ items }`: every change, newest first. */
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const id = pathId(params.id);
  await taskPlanId(id); // 404 for a task that does not exist
  return { items: await listHistory("task", id) };
});
