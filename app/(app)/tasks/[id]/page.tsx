import { notFound } from "next/navigation";
import { authorize, can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listTaskEntries } from "@/lib/entries/queries";
import { getTask } from "@/lib/tasks/queries";
import { idParam } from "@/lib/validation";
import { TaskView } from "./task-view";

/** A task: facts, indicators, status, progress timeline and history. */
export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const task = await getTask(id.data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const entries = await listTaskEntries(task.id);
  return (
    <TaskView
      initialTask={task}
      entries={entries}
      permissions={{
        report: can(user, "task:report", task),
        reopen: can(user, "task:reopen"),
        edit: can(user, "plan:edit"),
      }}
    />
  );
}
