/**
 * The write measure's requests and its check afterwards: each request logs an entry with readings
 * on one of the writer's tasks, with a note no other request has; afterwards every acknowledged
 * entry must be in the database exactly once, with all its readings and its audit row.
 */
import Database from "better-sqlite3";
import type { WriteTarget } from "./fixtures";

/** December 2023: inside the plan, after every month the data reports on, never published. */
const DATES = Array.from({ length: 31 }, (_, i) => `2023-12-${String(i + 1).padStart(2, "0")}`);

export interface EntryWorkload {
  /** The next request: another task and date, a unique note. */
  next: () => { path: string; body: string };
  /** Records an answer: a 201 acknowledges the entry its body names. */
  onBody: (status: number, body: string) => void;
  /** The notes sent so far, with the readings each entry carries. */
  readonly expected: Map<string, number>;
  /** Acknowledged entries: id → note. */
  readonly acknowledged: Map<number, string>;
  /** The notes' common prefix. */
  readonly tag: string;
}

export function entryWorkload(targets: readonly WriteTarget[], tag: string): EntryWorkload {
  const expected = new Map<string, number>();
  const acknowledged = new Map<number, string>();
  let sent = 0;
  return {
    tag,
    expected,
    acknowledged,
    next: () => {
      const i = sent++;
      const target = targets[i % targets.length]!;
      const note = `${tag} #${i}`;
      expected.set(note, target.readings.length);
      return {
        path: `/api/v1/tasks/${target.taskId}/entries`,
        body: JSON.stringify({
          date: DATES[Math.floor(i / targets.length) % DATES.length],
          note,
          readings: target.readings,
        }),
      };
    },
    onBody: (status, body) => {
      if (status !== 201) return;
      try {
        const { id, note } = JSON.parse(body) as { id: number; note: string };
        acknowledged.set(id, note);
      } catch {
        // Counted as lost below: an acknowledgement must name its entry.
        acknowledged.set(-acknowledged.size - 1, "");
      }
    },
  };
}

export interface WriteCheck {
  acknowledged: number;
  /** Entries of the run in the database, acknowledged or not (a request cut off at the end). */
  stored: number;
  missing: number;
  duplicated: number;
  /** Entries (acknowledged or not) without all their readings or without their audit row. */
  halfWritten: number;
}

export const lostOf = (check: WriteCheck) => check.missing + check.duplicated + check.halfWritten;

/** Reads back the run's entries from the database file and compares them with what was sent. */
export function checkWrites(file: string, workload: EntryWorkload): WriteCheck {
  const sqlite = new Database(file, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        `SELECT e.id, e.note,
           (SELECT COUNT(*) FROM indicator_readings r WHERE r.entry_id = e.id) AS readings,
           (SELECT COUNT(*) FROM audit_log a
             WHERE a.entity_type = 'entry' AND a.entity_id = e.id AND a.action = 'create') AS audits
         FROM progress_entries e WHERE e.note >= ? AND e.note < ?`,
      )
      .all(`${workload.tag} #`, `${workload.tag} $`) as {
      id: number;
      note: string;
      readings: number;
      audits: number;
    }[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const perNote = new Map<string, number>();
    for (const row of rows) perNote.set(row.note, (perNote.get(row.note) ?? 0) + 1);

    let missing = 0;
    for (const [id, note] of workload.acknowledged) {
      if (byId.get(id)?.note !== note) missing++;
    }
    return {
      acknowledged: workload.acknowledged.size,
      stored: rows.length,
      missing,
      duplicated: [...perNote.values()].filter((n) => n > 1).length,
      halfWritten: rows.filter(
        (row) => row.audits !== 1 || row.readings !== workload.expected.get(row.note),
      ).length,
    };
  } finally {
    sqlite.close();
  }
}
