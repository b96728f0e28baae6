import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { scratchWork } from "@/lib/cache/data-version";
import type { Light, PaceRules } from "@/lib/progress";
import { taskFiguresSql } from "@/lib/progress/figures-sql";
import { addDays } from "./months";

/** What every dashboard figure is computed over: a plan's live tasks as of a date. */
export interface FiguresScope {
  planId: number;
  asOf: string;
  rules: PaceRules;
}

/** The "due soon" window in days: the same as the task list's `dueWithin=30`. */
export const DUE_SOON_DAYS = 30;

/** The plan's live tasks (neither they nor their project archived), as a `taskFiguresSql` scope. */
export const liveTasksOf = (planId: number) =>
  sql`p.plan_id = ${planId} AND p.archived_at IS NULL AND t.archived_at IS NULL`;

const sameScope = (a: FiguresScope, b: FiguresScope) =>
  a.planId === b.planId && a.asOf === b.asOf && JSON.stringify(a.rules) === JSON.stringify(b.rules);

/** The scope whose figures sit in the TEMP table `dashboard_figures` while `withFigures` runs. */
let materialized: FiguresScope | null = null;

/**
 * Runs `fn` (synchronously) with the scope's per-task figures computed once into a TEMP table:
 * the dashboard's aggregates and lists all read them, where each would otherwise run the figures
 * query again. The table is this connection's scratch, dropped afterwards.
 */
export function withFigures<T>(scope: FiguresScope, fn: () => T): T {
  const db = getDb();
  scratchWork(() => {
    db.run(sql`DROP TABLE IF EXISTS temp.dashboard_figures`);
    db.run(sql`CREATE TEMP TABLE dashboard_figures AS
      ${taskFiguresSql(liveTasksOf(scope.planId), scope.asOf, scope.rules)}`);
  });
  materialized = scope;
  try {
    return fn();
  } finally {
    materialized = null;
    scratchWork(() => db.run(sql`DROP TABLE IF EXISTS temp.dashboard_figures`));
  }
}

/** The per-task figures of the scope as a table `f` (one row per task). */
export const figuresTable = (scope: FiguresScope) =>
  materialized && sameScope(materialized, scope)
    ? sql`temp.dashboard_figures f`
    : sql`(${taskFiguresSql(liveTasksOf(scope.planId), scope.asOf, scope.rules)}) f`;

/**
 * Not completed and due from `asOf` to `DUE_SOON_DAYS` days after it, over `f`: the task list's
 * `dueWithin` filter (see `isDueWithin` in lib/tasks/queries.ts).
 */
export const dueSoonSql = (asOf: string): SQL =>
  sql`(NOT f.completed AND f.due_date >= ${asOf} AND f.due_date <= ${addDays(asOf, DUE_SOON_DAYS)})`;

/**
 * Weighted mean of a per-task column over `f`: tasks with no positive weight are ignored, no task
 * gives 0, clamped to [0, 1] — `aggregateProgress` of lib/progress, in SQL.
 */
const weightedMean = (column: "progress" | "time_progress") =>
  sql.raw(
    `COALESCE(MIN(1.0, MAX(0.0, ` +
      `SUM(CASE WHEN f.weight > 0 THEN f.weight * f.${column} ELSE 0.0 END)` +
      ` / NULLIF(SUM(CASE WHEN f.weight > 0 THEN f.weight ELSE 0.0 END), 0))), 0.0)`,
  );

const countWhere = (condition: SQL) =>
  sql`COALESCE(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/** The aggregate columns of a group of `f` rows (a group may be empty: a LEFT JOIN's NULL row). */
const aggregateColumns = (asOf: string) => sql`
  COUNT(f.task_id) AS task_count,
  ${weightedMean("progress")} AS progress,
  ${weightedMean("time_progress")} AS time_progress,
  ${countWhere(sql`f.light = 'green'`)} AS green,
  ${countWhere(sql`f.light = 'yellow'`)} AS yellow,
  ${countWhere(sql`f.light = 'red'`)} AS red,
  ${countWhere(sql`f.light = 'blue'`)} AS blue,
  ${countWhere(sql`f.overdue = 1`)} AS overdue,
  ${countWhere(sql`f.not_reported = 1`)} AS not_reported,
  ${countWhere(dueSoonSql(asOf))} AS due_soon`;

interface AggregateRow {
  task_count: number;
  progress: number;
  time_progress: number;
  green: number;
  yellow: number;
  red: number;
  blue: number;
  overdue: number;
  not_reported: number;
  due_soon: number;
}

export type LightCounts = Record<Light, number>;

export interface Aggregate {
  taskCount: number;
  progress: number;
  timeProgress: number;
  lights: LightCounts;
  overdue: number;
  notReported: number;
  dueSoon: number;
}

const toAggregate = (row: AggregateRow | undefined): Aggregate => ({
  taskCount: row?.task_count ?? 0,
  progress: row?.progress ?? 0,
  timeProgress: row?.time_progress ?? 0,
  lights: {
    green: row?.green ?? 0,
    yellow: row?.yellow ?? 0,
    red: row?.red ?? 0,
    blue: row?.blue ?? 0,
  },
  overdue: row?.overdue ?? 0,
  notReported: row?.not_reported ?? 0,
  dueSoon: row?.due_soon ?? 0,
});

/** The whole plan's figures: one row. */
export function planAggregate(scope: FiguresScope): Aggregate {
  const [row] = getDb().all<AggregateRow>(
    sql`SELECT ${aggregateColumns(scope.asOf)} FROM ${figuresTable(scope)}`,
  );
  return toAggregate(row);
}

/** The plan's progress and time progress only (a trend point). */
export function planProgress(scope: FiguresScope): { progress: number; timeProgress: number } {
  const [row] = getDb().all<{ progress: number; time_progress: number }>(
    sql`SELECT ${weightedMean("progress")} AS progress,
      ${weightedMean("time_progress")} AS time_progress
      FROM ${figuresTable(scope)}`,
  );
  return { progress: row?.progress ?? 0, timeProgress: row?.time_progress ?? 0 };
}

/** Each live project of the plan in plan order, tasks or not, with its figures. */
export function projectAggregates(scope: FiguresScope) {
  const rows = getDb().all<
    AggregateRow & { id: number; title: string; lead_leader_name: string | null }
  >(sql`
    SELECT pr.id, pr.title, leader.display_name AS lead_leader_name, ${aggregateColumns(scope.asOf)}
    FROM projects pr
    LEFT JOIN users leader ON leader.id = pr.lead_leader_id
    LEFT JOIN ${figuresTable(scope)} ON f.project_id = pr.id
    WHERE pr.plan_id = ${scope.planId} AND pr.archived_at IS NULL
    GROUP BY pr.id, pr.title, leader.display_name, pr.position
    ORDER BY pr.position, pr.id`);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    leadLeaderName: row.lead_leader_name,
    ...toAggregate(row),
  }));
}

/** Each unit that leads at least one live task of the plan, in unit order, with its figures. */
export function unitAggregates(scope: FiguresScope) {
  const rows = getDb().all<
    AggregateRow & { id: number; name: string; type: "department" | "community" | "other" }
  >(sql`
    SELECT un.id, un.name, un.type, ${aggregateColumns(scope.asOf)}
    FROM ${figuresTable(scope)}
    INNER JOIN units un ON un.id = f.lead_unit_id
    GROUP BY un.id, un.name, un.type, un.position
    ORDER BY un.position, un.id`);
  return rows.map((row) => ({ id: row.id, name: row.name, type: row.type, ...toAggregate(row) }));
}
