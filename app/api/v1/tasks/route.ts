import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { createTask } from "@/lib/tasks/create-task";
import { listTasks } from "@/lib/tasks/queries";
import { taskCreateSchema, taskListQuerySchema } from "@/lib/tasks/schemas";

/** GET /api/v1/tasks → `{ items, total, asOf }`: the plan's tasks, filtered, with their figures. */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:read");
  return listTasks(user, await parseSearchParams(taskListQuerySchema, req.nextUrl));
});

/** POST /api/v1/tasks → 201 with the new task (leaders and admins). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:edit"); // 403 before a word of the body is read
  const task = await createTask(user, await parseBody(taskCreateSchema, req));
  return NextResponse.json(task, { status: 201 });
});
