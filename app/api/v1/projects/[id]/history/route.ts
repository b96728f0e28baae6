import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { listHistory } from "@/lib/audit/history";
import { authorize } from "@/lib/auth/policy";
import { getProject } from "@/lib/projects/queries";

/** GET /api/v1/projects/:id/history → `{ items }`: every change, newest first. */
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const id = pathId(params.id);
  await getProject(id); // 404 for a project that does not exist
  return { items: await listHistory("project", id) };
});
