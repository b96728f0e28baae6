import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { reportingWindow, type PaceRules } from "./index";

/**
 * The rules of `./index.ts` written as one SQL query, so the dashboard can aggregate lights and
 * progress inside the database and the task list reads the very same per-task figures: both ask
 * this query, so their counts agree by construction. `figures-sql.test.ts` holds it to the pure
 * functions at every boundary.
 *
 * `scope` filters `tasks t` joined with `projects p`. 未填报 follows `reportingWindow`. Each row is
 * one task:
 * task_id, project_id, lead_unit_id, owner_id, weight, start_date, due_date, completed (0/1),
 * percent, progress, time_progress, light, overdue (0/1), not_reported (0/1).
 */
export function taskFiguresSql(scope: SQL, asOf: string, rules: PaceRules): SQL {
  const window = reportingWindow(asOf, rules.reportingDay);
  // An entry counts from its date on, unless it was withdrawn or returned.
  const counting = (e: string) =>
    sql.raw(`${e}.withdrawn_at IS NULL AND ${e}.review_status <> 'returned'`);

  return sql`
    SELECT b.*,
      CASE
        WHEN b.completed THEN 'blue'
        WHEN b.due_date < ${asOf} THEN 'red'
        WHEN ROUND((b.time_progress - b.progress) * 100, 9) <= ${rules.greenMaxGap} THEN 'green'
        WHEN ROUND((b.time_progress - b.progress) * 100, 9) <= ${rules.yellowMaxGap} THEN 'yellow'
        ELSE 'red'
      END AS light,
      (NOT b.completed AND b.due_date < ${asOf}) AS overdue,
      (NOT b.completed AND b.start_date <= ${window.deadline} AND NOT b.reported) AS not_reported
    FROM (
      SELECT a.task_id, a.project_id, a.lead_unit_id, a.owner_id, a.weight, a.start_date,
        a.due_date, a.completed, a.percent, a.reported,
        CASE
          WHEN a.completed THEN 1.0
          WHEN a.indicator_count > 0 THEN
            CASE WHEN a.weight_sum > 0 THEN MIN(1.0, MAX(0.0, a.weighted_sum / a.weight_sum)) ELSE 0.0 END
          WHEN a.percent IS NULL THEN 0.0
          ELSE MIN(1.0, MAX(0.0, a.percent / 100.0))
        END AS progress,
        CASE
          WHEN julianday(a.due_date) - julianday(a.start_date) <= 0 THEN
            CASE WHEN a.start_date <= ${asOf} THEN 1.0 ELSE 0.0 END
          ELSE MIN(1.0, MAX(0.0, (julianday(${asOf}) - julianday(a.start_date))
            / (julianday(a.due_date) - julianday(a.start_date))))
        END AS time_progress
      FROM (
        SELECT t.id AS task_id, t.project_id, t.lead_unit_id, t.owner_id, t.weight, t.start_date,
          t.due_date,
          (t.status = 'completed' AND (t.completed_on IS NULL OR t.completed_on <= ${asOf})) AS completed,
          COALESCE(ind.n, 0) AS indicator_count,
          ind.weighted_sum,
          ind.weight_sum,
          (SELECT e.percent FROM progress_entries e
            WHERE e.task_id = t.id AND e.percent IS NOT NULL AND e.entry_date <= ${asOf}
              AND ${counting("e")}
            ORDER BY e.entry_date DESC, e.id DESC LIMIT 1) AS percent,
          EXISTS (SELECT 1 FROM progress_entries e
            WHERE e.task_id = t.id AND e.entry_date BETWEEN ${window.start} AND ${asOf}
              AND ${counting("e")}) AS reported
        FROM tasks t
        INNER JOIN projects p ON p.id = t.project_id
        LEFT JOIN (
          SELECT ip.task_id, COUNT(*) AS n,
            SUM(CASE WHEN ip.weight > 0 THEN ip.weight * ip.progress ELSE 0.0 END) AS weighted_sum,
            SUM(CASE WHEN ip.weight > 0 THEN ip.weight ELSE 0.0 END) AS weight_sum
          FROM (
            SELECT iv.task_id, iv.weight,
              CASE
                WHEN iv.value IS NULL THEN 0.0
                WHEN iv.target = iv.baseline THEN CASE WHEN iv.value = iv.target THEN 1.0 ELSE 0.0 END
                WHEN iv.direction = 'increase' THEN
                  MIN(1.0, MAX(0.0, (iv.value - iv.baseline) * 1.0 / (iv.target - iv.baseline)))
                ELSE MIN(1.0, MAX(0.0, (iv.baseline - iv.value) * 1.0 / (iv.baseline - iv.target)))
              END AS progress
            FROM (
              SELECT i.task_id, i.weight, i.baseline, i.target, i.direction,
                ${latestReading("i", asOf)} AS value
              FROM indicators i
              WHERE i.archived_at IS NULL
                AND i.task_id IN (SELECT t.id FROM tasks t INNER JOIN projects p ON p.id = t.project_id WHERE ${scope})
            ) iv
          ) ip
          GROUP BY ip.task_id
        ) ind ON ind.task_id = t.id
        WHERE ${scope}
      ) a
    ) b`;
}

/**
 * The latest counting reading of indicator `i` on or before `asOf`, as a scalar subquery. It walks
 * the task's entries newest first (index on task and date) and stops at the first with a reading
 * of the indicator (unique index on entry and indicator): a few index seeks per indicator, where
 * starting from the indicator's readings would look up every one of its entries to learn its date.
 * CROSS JOIN keeps SQLite to that order.
 */
export function latestReading(indicator: string, asOf: string): SQL {
  const i = sql.raw(indicator);
  return sql`(SELECT r.value FROM progress_entries e
    CROSS JOIN indicator_readings r
    WHERE e.task_id = ${i}.task_id AND e.entry_date <= ${asOf}
      AND e.withdrawn_at IS NULL AND e.review_status <> 'returned'
      AND r.entry_id = e.id AND r.indicator_id = ${i}.id
    ORDER BY e.entry_date DESC, e.id DESC LIMIT 1)`;
}

/** One row of `taskFiguresSql`, as SQLite returns it. */
export interface TaskFiguresRow {
  task_id: number;
  project_id: number;
  lead_unit_id: number;
  owner_id: number;
  weight: number;
  start_date: string;
  due_date: string;
  completed: 0 | 1;
  percent: number | null;
  progress: number;
  time_progress: number;
  light: "green" | "yellow" | "red" | "blue";
  overdue: 0 | 1;
  not_reported: 0 | 1;
}
