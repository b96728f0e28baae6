import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBodyWithFiles, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { createEntry } from "@/lib/entries/create-entry";
import { authorizeTaskReport } from "@/lib/tasks/authorize-task";
import { listTaskEntries } from "@/lib/entries/queries";
import { entryCreateSchema } from "@/lib/entries/schemas";
import { taskPlanId } from "@/lib/tasks/queries";

type Params = { id: string };

/** GET /api/v1/tasks/:id/entries → `{ items }`: the task's progress entries, newest first. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:read");
  const id = pathId(params.id);
  await taskPlanId(id); // 404 for a task that does not exist
  return { items: await listTaskEntries(id, user) };
});

/**
 * POST /api/v1/tasks/:id/entries → 201 with the entry. JSON, or multipart with the JSON in `data`
 * and evidence in `files`, saved together.
 */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  authorizeTaskReport(user, id); // 403 before a byte of the body (or its files) is read
  const { data, files } = await parseBodyWithFiles(entryCreateSchema, req);
  return NextResponse.json(await createEntry(user, id, data, files), { status: 201 });
});
