import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { liveTasksOf } from "./aggregates";
import { reportingMonths } from "./months";

/** 按时填报 of one unit: task-months that needed an entry, and how many had one in time. */
export interface OnTime {
  expected: number;
  reported: number;
  /** reported / expected; null when nothing was expected. */
  share: number | null;
}

/**
 * On-time reporting of the plan's live tasks by lead unit, over every month from the plan's start
 * month whose reporting deadline (`reportingDay` of the month) has come by `asOf`.
 *
 * A task is expected to report in month m (deadline d) when it has started by d and was not
 * already completed before m began (completed with no date counts as completed all along); it
 * reported on time when a counting entry (not withdrawn, not returned) is dated from m's first day
 * to d. Units with nothing expected are absent from the map.
 */
export function onTimeByLeadUnit(plan: {
  id: number;
  startDate: string;
  reportingDay: number;
  asOf: string;
}): Map<number, OnTime> {
  const result = new Map<number, OnTime>();
  const months = reportingMonths(plan.startDate, plan.asOf, plan.reportingDay);
  if (months.length === 0) return result;
  const deadlines = sql.join(
    months.map(({ monthStart, deadline }) => sql`(${monthStart}, ${deadline})`),
    sql`, `,
  );
  const rows = getDb().all<{ unit_id: number; expected: number; reported: number }>(sql`
    WITH deadlines(month_start, deadline) AS (VALUES ${deadlines})
    SELECT t.lead_unit_id AS unit_id, COUNT(*) AS expected,
      SUM(CASE WHEN EXISTS (
        SELECT 1 FROM progress_entries e
        WHERE e.task_id = t.id AND e.entry_date BETWEEN dl.month_start AND dl.deadline
          AND e.withdrawn_at IS NULL AND e.review_status <> 'returned'
      ) THEN 1 ELSE 0 END) AS reported
    FROM tasks t
    INNER JOIN projects p ON p.id = t.project_id
    INNER JOIN deadlines dl ON t.start_date <= dl.deadline
      AND NOT (t.status = 'completed'
        AND (t.completed_on IS NULL OR t.completed_on < dl.month_start))
    WHERE ${liveTasksOf(plan.id)}
    GROUP BY t.lead_unit_id`);
  for (const row of rows) {
    result.set(row.unit_id, {
      expected: row.expected,
      reported: row.reported,
      share: row.expected === 0 ? null : row.reported / row.expected,
    });
  }
  return result;
}
