import { authorize, can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listTaskEntries } from "@/lib/entries/queries";
import { listTaskInstructions } from "@/lib/instructions/queries";
import { listTaskUrges } from "@/lib/urges/urges";
import { taskOr404 } from "./task-or-404";
import { TaskView } from "./task-view";

/** A task: facts, indicators, status, instructions and urges, progress timeline and history. */
export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const task = await taskOr404(params);
  const [entries, instructions, urges] = await Promise.all([
    listTaskEntries(task.id, user),
    listTaskInstructions(task.id, user),
    listTaskUrges(task.id),
  ]);
  return (
    <TaskView
      initialTask={task}
      entries={entries}
      instructions={instructions}
      urges={urges}
      permissions={{
        report: can(user, "task:report", task),
        reopen: can(user, "task:reopen"),
        edit: can(user, "plan:edit"),
        instruct: can(user, "task:instruct"),
        urge: can(user, "task:urge"),
        review: can(user, "entry:review"),
      }}
    />
  );
}
