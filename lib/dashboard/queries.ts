import "server-only";
import type { UnitType } from "@/db/schema";
import { defaultAsOf, paceRulesOf } from "@/lib/plans/as-of";
import { memoized } from "@/lib/cache/memo";
import { resolvePlan, type Plan } from "@/lib/plans/queries";
import { timeProgress, type LightThresholds } from "@/lib/progress";
import {
  planAggregate,
  planProgress,
  projectAggregates,
  unitAggregates,
  withFigures,
  type FiguresScope,
  type LightCounts,
} from "./aggregates";
import {
  dueSoonTasks,
  notReportedTasks,
  overdueTasks,
  redTasks,
  type DashboardListItem,
} from "./lists";
import { assertAsOfWithinPlan } from "./as-of-bounds";
import { trendDates } from "./months";
import { onTimeByLeadUnit, type OnTime } from "./on-time";

export type { DashboardListItem } from "./lists";
export type { LightCounts } from "./aggregates";
export type { OnTime } from "./on-time";

export interface DashboardPlan {
  id: number;
  title: string;
  startDate: string;
  endDate: string;
  reportingDay: number;
  thresholds: LightThresholds;
  /** Weighted mean of the tasks' progress (任务过半). */
  progress: number;
  /** Weighted mean of the tasks' time progress. */
  timeProgress: number;
  /** Share of the plan's own period elapsed (时间过半). */
  periodProgress: number;
  taskCount: number;
  lights: LightCounts;
  overdue: number;
  notReported: number;
  dueSoon: number;
}

export interface DashboardProject {
  id: number;
  title: string;
  leadLeaderName: string | null;
  taskCount: number;
  progress: number;
  timeProgress: number;
  lights: LightCounts;
  notReported: number;
  overdue: number;
}

/** A unit's own tasks: those it leads (co-units are not counted; see `getDashboard`). */
export interface DashboardUnit {
  id: number;
  name: string;
  type: UnitType;
  taskCount: number;
  progress: number;
  timeProgress: number;
  lights: LightCounts;
  notReported: number;
  onTime: OnTime;
}

export interface TrendPoint {
  date: string;
  progress: number;
  timeProgress: number;
}

export interface DashboardList {
  /** Every task in the list; `items` holds at most the first 50. */
  total: number;
  items: DashboardListItem[];
}

export interface Dashboard {
  planId: number;
  asOf: string;
  plan: DashboardPlan;
  projects: DashboardProject[];
  units: DashboardUnit[];
  trend: TrendPoint[];
  lists: {
    red: DashboardList;
    overdue: DashboardList;
    dueSoon: DashboardList;
    notReported: DashboardList;
  };
}

/**
 * 领导驾驶舱: a plan (the current one by default) as of a date (by default today, or the last
 * reported day once the plan is over). Every figure is a SQL aggregate over `taskFiguresSql`, the
 * query behind the task list, for the plan's live tasks, so the counts agree with the task list
 * filtered the same way (`light`, `overdue`, `notReported`, `dueWithin=30`, `projectId`).
 *
 * Progress and time progress of the plan, a project or a unit are the weighted means of their
 * tasks' (by task weight; none → 0). Units are by LEAD unit: a unit's row counts the tasks it
 * leads, not those it only works on as a co-unit (the task list's `unitId` filter includes
 * co-units, so its totals can be larger). Only units leading a live task are listed.
 *
 * An `asOf` outside the plan's period is refused (400 on `asOf`); the default one is not checked
 * (it never runs past the plan's end, and before the plan starts the trend is empty).
 */
export async function getDashboard(query: { planId?: number; asOf?: string }): Promise<Dashboard> {
  const plan = await resolvePlan(query.planId);
  if (query.asOf !== undefined) assertAsOfWithinPlan(plan, query.asOf);
  const asOf = query.asOf ?? (await defaultAsOf(plan));
  // Kept until the database changes: a dashboard is read far more often than the plan is written.
  return memoized(`dashboard:${plan.id}:${asOf}`, () => buildDashboard(plan, asOf));
}

function buildDashboard(plan: Plan, asOf: string): Dashboard {
  const scope: FiguresScope = { planId: plan.id, asOf, rules: paceRulesOf(plan) };
  // The figures as of `asOf` are computed once; the aggregates and lists below all read them.
  return withFigures(scope, () => assembleDashboard(plan, scope));
}

function assembleDashboard(plan: Plan, scope: FiguresScope): Dashboard {
  const { asOf, rules } = scope;
  const totals = planAggregate(scope);
  const onTime = onTimeByLeadUnit({
    id: plan.id,
    startDate: plan.startDate,
    reportingDay: plan.reportingDay,
    asOf,
  });

  return {
    planId: plan.id,
    asOf,
    plan: {
      id: plan.id,
      title: plan.title,
      startDate: plan.startDate,
      endDate: plan.endDate,
      reportingDay: plan.reportingDay,
      thresholds: { greenMaxGap: rules.greenMaxGap, yellowMaxGap: rules.yellowMaxGap },
      progress: totals.progress,
      timeProgress: totals.timeProgress,
      periodProgress: timeProgress(plan.startDate, plan.endDate, asOf),
      taskCount: totals.taskCount,
      lights: totals.lights,
      overdue: totals.overdue,
      notReported: totals.notReported,
      dueSoon: totals.dueSoon,
    },
    projects: projectAggregates(scope).map((p) => ({
      id: p.id,
      title: p.title,
      leadLeaderName: p.leadLeaderName,
      taskCount: p.taskCount,
      progress: p.progress,
      timeProgress: p.timeProgress,
      lights: p.lights,
      notReported: p.notReported,
      overdue: p.overdue,
    })),
    units: unitAggregates(scope).map((u) => ({
      id: u.id,
      name: u.name,
      type: u.type,
      taskCount: u.taskCount,
      progress: u.progress,
      timeProgress: u.timeProgress,
      lights: u.lights,
      notReported: u.notReported,
      onTime: onTime.get(u.id) ?? { expected: 0, reported: 0, share: null },
    })),
    trend: trendDates(plan.startDate, asOf).map((date) => ({
      date,
      ...planProgress({ ...scope, asOf: date }),
    })),
    lists: {
      red: { total: totals.lights.red, items: redTasks(scope) },
      overdue: { total: totals.overdue, items: overdueTasks(scope) },
      dueSoon: { total: totals.dueSoon, items: dueSoonTasks(scope) },
      notReported: { total: totals.notReported, items: notReportedTasks(scope) },
    },
  };
}
