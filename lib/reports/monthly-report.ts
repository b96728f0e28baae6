import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { monthSnapshots, units } from "@/db/schema";
import type { Reader } from "@/db/transaction";
import { memoized } from "@/lib/cache/memo";
import { validationFailed } from "@/lib/errors";
import { defaultAsOf, planToday } from "@/lib/plans/as-of";
import { resolvePlan, type Plan } from "@/lib/plans/queries";
import { monthLabel, monthOf, monthsBetween, reportAsOf } from "./month";
import { reportRows } from "./rows";
import {
  filterReport,
  narrativeOf,
  notReportedOwners,
  projectFigures,
  summarize,
} from "./summarize";
import type { MonthlyReport, ReportFilters } from "./types";

/** "白杨街道2023年11月重点工作推进情况": the office named as in the plan's title, before its year. */
export function reportTitle(plan: Pick<Plan, "title" | "year">, month: string): string {
  const office = plan.title.includes(`${plan.year}年`) ? plan.title.split(`${plan.year}年`)[0] : "";
  return `${office}${monthLabel(month)}重点工作推进情况`;
}

/** The months a plan has reports for: from its first month to this one (or its last), in order. */
export function reportMonths(plan: Plan, today: string = planToday(plan)): string[] {
  const last = today < plan.endDate ? today : plan.endDate;
  return last < plan.startDate ? [] : monthsBetween(plan.startDate, last);
}

/** 400 on `month` unless the plan has a report for it (begun, within the plan's period). */
export function assertReportMonth(plan: Plan, month: string, today: string): void {
  if (!reportMonths(plan, today).includes(month)) {
    throw validationFailed({ month: "validation.reportMonth" });
  }
}

/**
 * The month a report opens on when none is asked for: that of the dashboard's default date, or
 * the plan's first month while it has not begun (which has no report yet: a 400 on `month`).
 */
export async function defaultReportMonth(plan: Plan): Promise<string> {
  const asOf = await defaultAsOf(plan);
  return monthOf(asOf < plan.startDate ? plan.startDate : asOf);
}

/** A month's report made now from the database, whole (not filtered, not published). */
export function buildMonthlyReport(plan: Plan, month: string, today: string): MonthlyReport {
  const { asOf, complete } = reportAsOf(month, plan, today);
  const { projects, rows } = reportRows(plan, month, asOf);
  const summary = summarize(rows);
  const notReported = notReportedOwners(rows);
  return {
    planId: plan.id,
    planTitle: plan.title,
    timeZone: plan.timeZone,
    month,
    asOf,
    complete,
    title: reportTitle(plan, month),
    filters: {},
    summary,
    narrative: narrativeOf({ month, asOf, summary, notReported }),
    projects: projectFigures(projects, rows),
    rows,
    notReported,
  };
}

/** The published report of a month as it was stored (with who published it, named as then). */
export function publishedReport(
  tx: Reader,
  planId: number,
  month: string,
): MonthlyReport | undefined {
  const row = tx
    .select({ content: monthSnapshots.content, narrative: monthSnapshots.narrative })
    .from(monthSnapshots)
    .where(and(eq(monthSnapshots.planId, planId), eq(monthSnapshots.month, month)))
    .get();
  return row && { ...(row.content as MonthlyReport), narrative: row.narrative };
}

/** The filters' names for the documents, or 400 for a project of another plan or no such unit. */
function namedFilters(report: MonthlyReport, filters: ReportFilters): ReportFilters {
  const project = report.projects.find((p) => p.id === filters.projectId);
  if (filters.projectId !== undefined && !project) {
    throw validationFailed({ projectId: "validation.unknownProject" });
  }
  const unit =
    filters.unitId === undefined
      ? undefined
      : getDb().select({ name: units.name }).from(units).where(eq(units.id, filters.unitId)).get();
  if (filters.unitId !== undefined && !unit) {
    throw validationFailed({ unitId: "validation.unknownUnit" });
  }
  return {
    ...(project && { projectId: project.id, projectTitle: project.title }),
    ...(unit && { unitId: filters.unitId, unitName: unit.name }),
  };
}

/**
 * 月报 of a plan (the current one by default) for a month (by default the dashboard's), filtered
 * by project and unit: the published snapshot when the month is published (定稿), else made now as
 * of the month's last day. A month outside the plan or not yet begun is a 400 on `month`; a
 * project of another plan a 400 on `projectId`, a unit that does not exist one on `unitId`.
 */
export async function getMonthlyReport(
  query: { planId?: number; month?: string } & ReportFilters,
): Promise<MonthlyReport> {
  const plan = await resolvePlan(query.planId);
  const today = planToday(plan);
  const month = query.month ?? (await defaultReportMonth(plan));
  assertReportMonth(plan, month, today);
  // Kept until the database changes (a published month is read from its snapshot anyway).
  const report = memoized(
    `report:${plan.id}:${month}:${today}`,
    () => publishedReport(getDb(), plan.id, month) ?? buildMonthlyReport(plan, month, today),
  );
  return filterReport(report, namedFilters(report, query));
}
