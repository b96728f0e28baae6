import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { listTaskInstructions } from "@/lib/instructions/queries";
import { instructionCreateSchema } from "@/lib/instructions/schemas";
import { createInstruction } from "@/lib/instructions/write";
import { taskPlanId } from "@/lib/tasks/queries";

type Params = { id: string };

/** GET /api/v1/tasks/:id/instructions → `{ items }`: the task's instructions, newest first. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const id = pathId(params.id);
  await taskPlanId(id); // 404 for a task that does not exist
  return { items: await listTaskInstructions(id, user) };
});

/** POST /api/v1/tasks/:id/instructions `{ text }` → 201 with the instruction (leaders). */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "task:instruct"); // 403 before a word of the body is read
  const id = pathId(params.id);
  const input = await parseBody(instructionCreateSchema, req);
  return NextResponse.json(await createInstruction(user, id, input), { status: 201 });
});
