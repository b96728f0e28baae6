import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { taskPlanId } from "@/lib/tasks/queries";
import { urgeCreateSchema } from "@/lib/urges/schemas";
import { listTaskUrges, urgeTask } from "@/lib/urges/urges";

type Params = { id: string };

/** GET /api/v1/tasks/:id/urges → `{ items }`: the task's urges (催办), newest first. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const id = pathId(params.id);
  await taskPlanId(id); // 404 for a task that does not exist
  return { items: await listTaskUrges(id) };
});

/** POST /api/v1/tasks/:id/urges `{ message? }` → 201 `{ id, taskId, message, count }` (leaders). */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "task:urge"); // 403 before a word of the body is read
  const id = pathId(params.id);
  const input = await parseBody(urgeCreateSchema, req);
  return NextResponse.json(await urgeTask(user, id, input), { status: 201 });
});
