import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { authorizeTaskChange } from "@/lib/tasks/authorize-task";
import { getTask } from "@/lib/tasks/queries";
import { taskAsOfQuerySchema, taskPatchSchema } from "@/lib/tasks/schemas";
import { updateTask } from "@/lib/tasks/update-task";

type Params = { id: string };

/** GET /api/v1/tasks/:id?asOf → the task with its indicators and figures. */
export const GET = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "plan:read");
  const { asOf } = await parseSearchParams(taskAsOfQuerySchema, req.nextUrl);
  return getTask(pathId(params.id), asOf);
});

/** PATCH /api/v1/tasks/:id `{ version, … }` → the task with its new version, or 409. */
export const PATCH = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  authorizeTaskChange(user, id); // 403 before the body, for whoever may change nothing of it
  return updateTask(user, id, await parseBody(taskPatchSchema, req));
});
