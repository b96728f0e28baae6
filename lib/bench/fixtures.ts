/**
 * Who and what the benchmark uses, read from the database before it is served: the leader whose
 * views are measured, tasks to open, and a cadre with the tasks they may report on and valid
 * readings for each.
 */
import Database from "better-sqlite3";
import type { Actor } from "@/lib/auth/policy";
import { readingIssue, type ReadingIndicator } from "@/lib/entries/rules";

export const READER = "leader1";

export interface WriteTarget {
  taskId: number;
  readings: { indicatorId: number; value: number }[];
}

export interface Fixtures {
  reader: Actor & { username: string };
  writer: Actor & { username: string };
  /** Live tasks with indicators, spread over the plan, for task detail. */
  detailTaskIds: number[];
  /** The writer's live tasks (owned, led or co-led by their unit), each with a reading per live indicator. */
  writeTargets: WriteTarget[];
}

type UserRow = Actor & { username: string };

const LIVE_TASKS = `
  FROM tasks t JOIN projects p ON p.id = t.project_id
  WHERE t.archived_at IS NULL AND p.archived_at IS NULL
    AND EXISTS (SELECT 1 FROM indicators i WHERE i.task_id = t.id AND i.archived_at IS NULL)`;

/** A value the entry rules accept for the indicator: its target, else its baseline. */
function validValue(indicator: ReadingIndicator): number | null {
  for (const value of [indicator.target, indicator.baseline]) {
    if (readingIssue(indicator, value) === null) return value;
  }
  return null;
}

export function readFixtures(file: string, detailTasks = 50): Fixtures {
  const sqlite = new Database(file, { readonly: true });
  try {
    const user = (username: string) =>
      sqlite
        .prepare("SELECT id, role, unit_id AS unitId, username FROM users WHERE username = ?")
        .get(username) as UserRow | undefined;
    const reader = user(READER);
    if (!reader) throw new Error(`no ${READER} in ${file}: is it a bench:data database?`);

    const taskIds = (
      sqlite.prepare(`SELECT t.id ${LIVE_TASKS} ORDER BY t.id`).all() as { id: number }[]
    ).map((row) => row.id);
    const step = Math.max(1, Math.floor(taskIds.length / detailTasks));
    const detailTaskIds = taskIds.filter((_, i) => i % step === 0).slice(0, detailTasks);

    // A cadre owning a task in the unit that leads the most live tasks: the widest spread of
    // tasks one writer may report on.
    const writer = sqlite
      .prepare(
        `SELECT u.id, u.role, u.unit_id AS unitId, u.username
         FROM users u JOIN tasks t ON t.owner_id = u.id AND t.lead_unit_id = u.unit_id
         WHERE u.role = 'cadre' AND u.active = 1 AND u.must_change_password = 0
           AND u.unit_id = (SELECT t.lead_unit_id ${LIVE_TASKS}
                            GROUP BY t.lead_unit_id ORDER BY COUNT(*) DESC, t.lead_unit_id LIMIT 1)
         GROUP BY u.id ORDER BY COUNT(*) DESC, u.id LIMIT 1`,
      )
      .get() as UserRow | undefined;
    if (!writer) throw new Error(`no cadre owns a live task in ${file}`);

    const writable = sqlite
      .prepare(
        `SELECT t.id ${LIVE_TASKS}
           AND (t.owner_id = @id OR t.lead_unit_id = @unitId OR EXISTS (
             SELECT 1 FROM task_co_units c WHERE c.task_id = t.id AND c.unit_id = @unitId))
         ORDER BY t.id`,
      )
      .all({ id: writer.id, unitId: writer.unitId }) as { id: number }[];
    const indicatorsOf = sqlite.prepare(
      `SELECT id, measure_unit AS unit, baseline, target, direction, decimals
       FROM indicators WHERE task_id = ? AND archived_at IS NULL ORDER BY id`,
    );
    const writeTargets = writable
      .map(({ id }) => ({
        taskId: id,
        readings: (indicatorsOf.all(id) as (ReadingIndicator & { id: number })[]).flatMap(
          (indicator) => {
            const value = validValue(indicator);
            return value === null ? [] : [{ indicatorId: indicator.id, value }];
          },
        ),
      }))
      .filter((target) => target.readings.length > 0);
    if (writeTargets.length === 0) throw new Error(`${writer.username} may report on no task`);
    return { reader, writer, detailTaskIds, writeTargets };
  } finally {
    sqlite.close();
  }
}
