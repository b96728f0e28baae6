/**
 * Many clients writing progress entries at once, for the durability and concurrency specs: what
 * the server acknowledged (201 with an id), and every other answer it gave.
 */
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { signInByApi } from "../fixtures";
import { createTask, me } from "./api";

/** Entries are dated inside the demo's 2023 plan, before its last reported day (2023-11-24). */
export const ENTRY_DATE = "2023-11-20";

/** A task made for the test, owned by `username`, with one count indicator. */
export interface Target {
  username: string;
  request: APIRequestContext;
  taskId: number;
  indicatorId: number;
}

/** An entry the server acknowledged: 201 with its id. */
export interface Acked {
  id: number;
  taskId: number;
  note: string;
  value: number;
  /** When the request was sent and when its answer arrived (ms since the epoch). */
  sent: number;
  at: number;
}

/** A client signed in on a server of the test's choosing (its own or the shared one). */
export async function signedIn(baseURL: string, username: string): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL });
  await signInByApi(request, username);
  return request;
}

/** For each user: a task the leader creates for them, led by their unit, with one indicator. */
export async function targetsFor(
  baseURL: string,
  leader: APIRequestContext,
  usernames: string[],
  title: string,
): Promise<Target[]> {
  return Promise.all(
    usernames.map(async (username) => {
      const request = await signedIn(baseURL, username);
      const user = await me(request);
      const task = (await createTask(leader, {
        title: `${title} ${username} ${Date.now()}`,
        ownerId: user.id,
        leadUnitId: user.unitId,
        indicators: [{ name: "并发写入", unit: "条", target: 100000 }],
      })) as unknown as { id: number; indicators: { id: number }[] };
      return { username, request, taskId: task.id, indicatorId: task.indicators[0]!.id };
    }),
  );
}

export interface WriteLoad {
  acked: Acked[];
  /** How many answers of each status, and how many requests got no answer at all. */
  statuses: Record<string, number>;
  /** The bodies of answers other than 201, to show when a test fails. */
  refusals: string[];
  /** Lets each client finish the request it is on, then stop; resolves when all have. */
  stop: () => Promise<void>;
  /** Resolves when every client has written `perClient` entries (or stopped). */
  done: Promise<void>;
}

/**
 * `clients` concurrent clients, client i writing on `targets[i % targets.length]` in a loop: each
 * entry with a unique note (`<label>-<client>-<n>`) and one reading. A client whose request gets no
 * answer (the server is gone) stops.
 */
export function writeEntries(options: {
  clients: number;
  targets: Target[];
  label: string;
  perClient?: number;
}): WriteLoad {
  const { clients, targets, label, perClient = Infinity } = options;
  const acked: Acked[] = [];
  const statuses: Record<string, number> = {};
  const refusals: string[] = [];
  let stopped = false;
  const count = (key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);

  async function client(index: number) {
    const target = targets[index % targets.length]!;
    for (let n = 0; !stopped && n < perClient; n++) {
      const note = `${label}-${index}-${n}`;
      const value = index * 1000 + n;
      let response;
      const sent = Date.now();
      try {
        response = await target.request.post(`/api/v1/tasks/${target.taskId}/entries`, {
          data: {
            date: ENTRY_DATE,
            note,
            readings: [{ indicatorId: target.indicatorId, value }],
          },
          timeout: 60_000,
        });
      } catch {
        count("no answer");
        return;
      }
      count(String(response.status()));
      if (response.status() === 201) {
        const { id } = (await response.json()) as { id: number };
        acked.push({ id, taskId: target.taskId, note, value, sent, at: Date.now() });
      } else {
        refusals.push(`${response.status()} ${await response.text()}`);
      }
    }
  }

  const done = Promise.all(Array.from({ length: clients }, (_, i) => client(i))).then(() => {});
  return {
    acked,
    statuses,
    refusals,
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}

/** Resolves once at least `count` entries have been acknowledged. */
export async function untilAcked(load: WriteLoad, count: number): Promise<void> {
  await expect
    .poll(() => load.acked.length, { timeout: 30_000, intervals: [50] })
    .toBeGreaterThanOrEqual(count);
}

interface StoredEntry {
  id: number;
  taskId: number;
  note: string;
  readings: { indicatorId: number; value: number }[];
  audits: number;
}

/**
 * What the database file holds for the entries with these notes, read with a connection of the
 * test's own (read-only; a server may be running on it): each with its readings and audit rows.
 */
export function storedEntries(databaseFile: string, notePrefix: string): StoredEntry[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const entries = db
      .prepare(
        `SELECT id, task_id AS taskId, note FROM progress_entries WHERE note LIKE ? ORDER BY id`,
      )
      .all(`${notePrefix}%`) as Omit<StoredEntry, "readings" | "audits">[];
    const readings = db.prepare(
      "SELECT indicator_id AS indicatorId, value FROM indicator_readings WHERE entry_id = ?",
    );
    const audits = db.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE entity_type = 'entry' AND entity_id = ?",
    );
    return entries.map((entry) => ({
      ...entry,
      readings: readings.all(entry.id) as StoredEntry["readings"],
      audits: (audits.get(entry.id) as { n: number }).n,
    }));
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` and `foreign_key_check` of a database file: "ok" and no rows. */
export function checkDatabase(databaseFile: string): {
  integrity: string;
  foreignKeyErrors: number;
} {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: String(db.pragma("integrity_check", { simple: true })),
      foreignKeyErrors: (db.pragma("foreign_key_check") as unknown[]).length,
    };
  } finally {
    db.close();
  }
}

/** Expects every acknowledged entry stored exactly once, whole: its reading and its audit row. */
export function expectStoredOnce(stored: StoredEntry[], acked: Acked[]): void {
  const byNote = new Map<string, StoredEntry[]>();
  for (const entry of stored) byNote.set(entry.note, [...(byNote.get(entry.note) ?? []), entry]);
  const problems = acked.flatMap((write) => {
    const found = byNote.get(write.note) ?? [];
    if (found.length !== 1) return [`${write.note}: stored ${found.length} times`];
    const [entry] = found;
    const whole =
      entry!.id === write.id &&
      entry!.taskId === write.taskId &&
      entry!.readings.length === 1 &&
      entry!.readings[0]!.value === write.value &&
      entry!.audits === 1;
    return whole ? [] : [`${write.note}: stored as ${JSON.stringify(entry)}`];
  });
  expect(problems, `${problems.length} of ${acked.length} acknowledged entries`).toEqual([]);
}
