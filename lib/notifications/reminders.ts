import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/policy";
import { defaultAsOf } from "@/lib/plans/as-of";
import { findPlan } from "@/lib/plans/queries";
import { isDueWithin, listTasks } from "@/lib/tasks/queries";
import { notify } from "./notify";

/** How many days before its due date a task's owner is reminded. */
export const DUE_SOON_DAYS = 7;

/**
 * Raises the reminders that have come due for the tasks a person owns in the current plan, as of
 * the plan's "today" (its last reported day once the year is over): a task due within 7 days, and
 * no entry this month after the plan's reporting day. Each is raised once (a dedupe key per task
 * and due date or month), so reading the bell again adds nothing.
 */
export async function raiseReminders(actor: Actor): Promise<void> {
  const plan = await findPlan();
  if (!plan) return;
  const today = await defaultAsOf(plan);
  const { items } = await listTasks(actor, {
    planId: plan.id,
    ownerId: actor.id,
    asOf: today,
    limit: 10_000,
    offset: 0,
  });
  const pastReportingDay = Number(today.slice(8, 10)) > plan.reportingDay;
  const month = today.slice(0, 7);
  const deadline = `${month}-${String(plan.reportingDay).padStart(2, "0")}`;
  getDb().transaction((tx) => {
    for (const task of items) {
      if (task.light === "blue") continue;
      if (isDueWithin(task.dueDate, today, DUE_SOON_DAYS)) {
        notify(tx, {
          userId: actor.id,
          kind: "task_due_soon",
          taskId: task.id,
          body: task.dueDate,
          dedupeKey: `due:${task.id}:${task.dueDate}`,
        });
      }
      // A task that began after this month's reporting day owes its first entry next month.
      if (pastReportingDay && task.notReported && task.startDate <= deadline) {
        notify(tx, {
          userId: actor.id,
          kind: "entry_missing",
          taskId: task.id,
          body: month,
          dedupeKey: `missing:${task.id}:${month}`,
        });
      }
    }
  });
}
