import "server-only";
import { and, eq, isNull, max, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { progressEntries, projects, tasks } from "@/db/schema";
import { calendarDateIn } from "@/lib/dates/calendar";
import type { PaceRules } from "@/lib/progress";
import type { Plan } from "./queries";

/** Today on the office's calendar. */
export function planToday(plan: Pick<Plan, "timeZone">, now: Date = new Date()): string {
  return calendarDateIn(plan.timeZone, now);
}

/**
 * The date figures are shown as of when none is asked for: today, or, once the plan's period is
 * over, the last day anything was reported on it (its end date if nothing was), so a past year
 * opens on its final picture rather than on a wall of overdue reds.
 */
export async function defaultAsOf(plan: Plan, now: Date = new Date()): Promise<string> {
  const today = planToday(plan, now);
  if (today <= plan.endDate) return today;
  const row = getDb()
    .select({ last: max(progressEntries.entryDate) })
    .from(progressEntries)
    .innerJoin(tasks, eq(tasks.id, progressEntries.taskId))
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(
      and(
        eq(projects.planId, plan.id),
        isNull(projects.archivedAt),
        isNull(tasks.archivedAt),
        isNull(progressEntries.withdrawnAt),
        ne(progressEntries.reviewStatus, "returned"),
      ),
    )
    .get();
  const last = row?.last ?? null;
  return last !== null && last <= plan.endDate ? last : plan.endDate;
}

/** The plan's settings the pace rules use: light thresholds and the monthly reporting day. */
export const paceRulesOf = (plan: Plan): PaceRules => ({
  greenMaxGap: plan.greenMaxGap,
  yellowMaxGap: plan.yellowMaxGap,
  reportingDay: plan.reportingDay,
});
