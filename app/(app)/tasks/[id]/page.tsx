import { authorize, can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listTaskEntries } from "@/lib/entries/queries";
import { taskOr404 } from "./task-or-404";
import { TaskView } from "./task-view";

/** A task: facts, indicators, status, progress timeline and history. */
export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const task = await taskOr404(params);
  const entries = await listTaskEntries(task.id, user);
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
