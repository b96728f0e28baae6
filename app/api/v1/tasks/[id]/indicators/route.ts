import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { parseBody, pathId } from "@/lib/api/parse";
import { createIndicator } from "@/lib/indicators/create-indicator";
import { indicatorCreateSchema } from "@/lib/indicators/schemas";

/** POST /api/v1/tasks/:id/indicators → 201 with the new indicator (leaders and admins). */
export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  authorize(user, "plan:edit"); // 403 before a word of the body is read
  const taskId = pathId(params.id);
  const indicator = await createIndicator(
    user,
    taskId,
    await parseBody(indicatorCreateSchema, req),
  );
  return NextResponse.json(indicator, { status: 201 });
});
