import "server-only";
import { and, asc, desc, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicators, progressEntries, type TaskStatus } from "@/db/schema";
import {
  indicatorProgress,
  taskLight,
  taskProgress,
  timeProgress,
  type Light,
  type LightThresholds,
} from "@/lib/progress";

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
  /** The latest reported percent (tasks without indicators). */
  percent: number | null;
  indicators: IndicatorFigure[];
}

// An entry counts from its date on, unless it was withdrawn or returned.
const countingEntry = (asOf: string) =>
  and(
    sql`${progressEntries.entryDate} <= ${asOf}`,
    isNull(progressEntries.withdrawnAt),
    sql`${progressEntries.reviewStatus} <> 'returned'`,
  );

/**
 * Progress, time progress and light of tasks as of a date, from what was recorded on or before it:
 * two queries for any number of tasks.
 */
export function computeTaskFigures(
  taskList: readonly TaskForFigures[],
  asOf: string,
  thresholds: LightThresholds,
): Map<number, TaskFigures> {
  const result = new Map<number, TaskFigures>();
  if (taskList.length === 0) return result;
  const db = getDb();
  const ids = taskList.map((t) => t.id);

  // The latest counting reading on or before `asOf`. Written out with aliases: drizzle leaves a
  // single-table query's columns unqualified, which a correlated subquery cannot tell apart.
  const current = sql<number | null>`(
    SELECT r.value FROM indicator_readings r
    INNER JOIN progress_entries e ON e.id = r.entry_id
    WHERE r.indicator_id = "indicators"."id" AND e.entry_date <= ${asOf}
      AND e.withdrawn_at IS NULL AND e.review_status <> 'returned'
    ORDER BY e.entry_date DESC, e.id DESC LIMIT 1
  )`;
  const indicatorRows = db
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

  // Newest first, so the first row seen for a task is its latest percent.
  const percentRows = db
    .select({ taskId: progressEntries.taskId, percent: progressEntries.percent })
    .from(progressEntries)
    .where(
      and(
        inArray(progressEntries.taskId, ids),
        isNotNull(progressEntries.percent),
        countingEntry(asOf),
      ),
    )
    .orderBy(desc(progressEntries.entryDate), desc(progressEntries.id))
    .all();
  const percentByTask = new Map<number, number>();
  for (const row of percentRows) {
    if (row.percent !== null && !percentByTask.has(row.taskId)) {
      percentByTask.set(row.taskId, row.percent);
    }
  }

  const indicatorsByTask = new Map<number, IndicatorFigure[]>();
  for (const { taskId, ...row } of indicatorRows) {
    const figure = { ...row, progress: indicatorProgress(row, row.current) };
    indicatorsByTask.set(taskId, [...(indicatorsByTask.get(taskId) ?? []), figure]);
  }

  for (const task of taskList) {
    const completed =
      task.status === "completed" && (task.completedOn === null || task.completedOn <= asOf);
    // A task completed after `asOf` was still being worked on then.
    const status: TaskStatus =
      task.status === "completed" && !completed ? "in_progress" : task.status;
    const taskIndicators = indicatorsByTask.get(task.id) ?? [];
    const percent = percentByTask.get(task.id) ?? null;
    const progress = taskProgress({ status, indicators: taskIndicators, percent });
    const time = timeProgress(task.startDate, task.dueDate, asOf);
    result.set(task.id, {
      progress,
      timeProgress: time,
      light: taskLight({
        status,
        progress,
        timeProgress: time,
        dueDate: task.dueDate,
        asOf,
        thresholds,
      }),
      completed,
      overdue: !completed && task.dueDate < asOf,
      percent,
      indicators: taskIndicators,
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
  thresholds: LightThresholds,
): boolean {
  return (
    indicatorsBelowTarget(computeTaskFigures([task], asOf, thresholds).get(task.id)).length > 0
  );
}
