import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { listTaskEntries } from "@/lib/entries/queries";
import { planToday } from "@/lib/plans/as-of";
import { resolvePlan } from "@/lib/plans/queries";
import type { TaskDetail } from "@/lib/tasks/queries";

/** What the entry form needs besides the task: its timeline, the plan's dates and today. */
export async function entryFormData(task: TaskDetail, user: Actor) {
  const [plan, entries] = await Promise.all([
    resolvePlan(task.planId),
    listTaskEntries(task.id, user),
  ]);
  return {
    entries,
    plan: { startDate: plan.startDate, endDate: plan.endDate },
    today: planToday(plan),
    canReopen: can(user, "task:reopen"),
  };
}
