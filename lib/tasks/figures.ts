import "server-only";
import { and, asc, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicators, type TaskStatus } from "@/db/schema";
import { indicatorProgress, type Light, type PaceRules } from "@/lib/progress";
import { latestReading, taskFiguresSql, type TaskFiguresRow } from "@/lib/progress/figures-sql";

/** What the progress rules need to know about a task. */
export interface TaskForFigures {
  id: number;
  status: TaskStatus;
  completedOn: string | null;
  startDate: string;
  dueDate: string;
}

export interface IndicatorFigure {
  id: number;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: "increase" | "decrease";
  decimals: number;
  weight: number;
  version: number;
  current: number | null;
  progress: number;
}

export interface TaskFigures {
  progress: number;
  timeProgress: number;
  light: Light;
  /** Completed by `asOf`: a task completed later is still open in an earlier picture. */
  completed: boolean;
  /** Past its due date and not completed by `asOf`. */
  overdue: boolean;
  /** 未填报: the latest reporting deadline passed with no entry since its month began (`reportingWindow`). */
  notReported: boolean;
  /** The latest reported percent (tasks without indicators). */
  percent: number | null;
  indicators: IndicatorFigure[];
}

/**
 * Progress, time progress and light of tasks as of a date, from what was recorded on or before it:
 * the task-level figures from `taskFiguresSql` (the query the dashboard aggregates, so the two
 * agree), the indicators' from one more query, for any number of tasks.
 */
export function computeTaskFigures(
  taskList: readonly Pick<TaskForFigures, "id">[],
  asOf: string,
  rules: PaceRules,
  /** False for lists that show no indicator: their figures then cost one query. */
  options: { indicators?: boolean } = {},
): Map<number, TaskFigures> {
  const result = new Map<number, TaskFigures>();
  if (taskList.length === 0) return result;
  const db = getDb();
  const ids = taskList.map((t) => t.id);

  // The latest counting reading on or before `asOf`, found as the figures query finds it.
  const current = sql<number | null>`${latestReading('"indicators"', asOf)}`;
  const indicatorRows =
    options.indicators === false
      ? []
      : db
          .select({
            id: indicators.id,
            taskId: indicators.taskId,
            name: indicators.name,
            unit: indicators.measureUnit,
            baseline: indicators.baseline,
            target: indicators.target,
            direction: indicators.direction,
            decimals: indicators.decimals,
            weight: indicators.weight,
            version: indicators.version,
            current,
          })
          .from(indicators)
          .where(and(inArray(indicators.taskId, ids), isNull(indicators.archivedAt)))
          .orderBy(asc(indicators.position), asc(indicators.id))
          .all();
  const indicatorsByTask = new Map<number, IndicatorFigure[]>();
  for (const { taskId, ...row } of indicatorRows) {
    const figure = { ...row, progress: indicatorProgress(row, row.current) };
    indicatorsByTask.set(taskId, [...(indicatorsByTask.get(taskId) ?? []), figure]);
  }

  const scope = sql`t.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const rows = db.all<TaskFiguresRow>(taskFiguresSql(scope, asOf, rules));
  for (const row of rows) {
    result.set(row.task_id, {
      progress: row.progress,
      timeProgress: row.time_progress,
      light: row.light,
      completed: row.completed === 1,
      overdue: row.overdue === 1,
      notReported: row.not_reported === 1,
      percent: row.percent,
      indicators: indicatorsByTask.get(row.task_id) ?? [],
    });
  }
  return result;
}

/** Whether every indicator of a task has reached its target (used when completing a task). */
export function indicatorsBelowTarget(figures: TaskFigures | undefined): IndicatorFigure[] {
  return (figures?.indicators ?? []).filter((indicator) => indicator.progress < 1);
}

/** Whether a task has an indicator short of its target as of a date. */
export function hasIndicatorsBelowTarget(
  task: TaskForFigures,
  asOf: string,
  rules: PaceRules,
): boolean {
  return indicatorsBelowTarget(computeTaskFigures([task], asOf, rules).get(task.id)).length > 0;
}
