import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/policy";
import { defaultAsOf } from "@/lib/plans/as-of";
import { findPlan } from "@/lib/plans/queries";
import { reportingWindow } from "@/lib/progress";
import { isDueWithin, listTasks } from "@/lib/tasks/queries";
import { notify } from "./notify";

/** How many days before its due date a task's owner is reminded. */
export const DUE_SOON_DAYS = 7;

// Who was reminded for which plan day in this process: the bell is polled every minute, and the
// reminders of a day are raised once. A restart raises them again, and the dedupe keys keep
// that from adding anything.
const raised = new Set<string>();

/**
 * Raises the reminders that have come due for the tasks a person owns in the current plan, as of
 * the plan's "today" (its last reported day once the year is over): a task due within 7 days, and
 * 未填报 — the latest reporting deadline passed with no entry (`reportingWindow`). Each is raised
 * once (a dedupe key per task and due date or deadline month), so reading the bell again adds
 * nothing.
 */
export async function raiseReminders(actor: Actor): Promise<void> {
  const plan = await findPlan();
  if (!plan) return;
  const today = await defaultAsOf(plan);
  const key = `${actor.id}:${plan.id}:${plan.version}:${today}`;
  if (raised.has(key)) return;
  const { items } = await listTasks(actor, {
    planId: plan.id,
    ownerId: actor.id,
    asOf: today,
    limit: 10_000,
    offset: 0,
  });
  const { month } = reportingWindow(today, plan.reportingDay);
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
      if (task.notReported) {
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
  raised.add(key);
}
