import type Database from "better-sqlite3";
import { getSqlite } from "./client";

/**
 * Counts the SQL statements a piece of code runs on a connection (the N+1 tests of #9).
 *
 * What is counted is each EXECUTION, not each prepare: every `run` / `get` / `all` / `iterate` of a
 * statement and every `exec`. That covers drizzle (which prepares and runs a statement per query),
 * raw `$client.prepare(…)`, statements prepared once and run in a loop, `pragma(…)` (which
 * better-sqlite3 runs as a statement) and a transaction's BEGIN / COMMIT. An `exec` counts once
 * however many statements its text holds.
 *
 * Off by default: the methods are wrapped only while a `countStatements` call is running, and put
 * back when the last one ends, so nothing else pays for it.
 */

type Method = (...args: unknown[]) => unknown;
type Methods = Record<string, Method>;

const STATEMENT_METHODS = ["run", "get", "all", "iterate"] as const;

interface Recorder {
  sqlite: Database.Database;
  statements: string[];
}

const recorders = new Set<Recorder>();
let restore: (() => void) | undefined;

function record(sqlite: unknown, source: string): void {
  for (const recorder of recorders) {
    if (recorder.sqlite === sqlite) recorder.statements.push(source);
  }
}

/** Wraps a method on a prototype so that each call is recorded; returns the undo. */
function wrap(
  prototype: Methods,
  name: string,
  describe: (self: unknown, args: unknown[]) => [connection: unknown, source: string],
): () => void {
  const original = prototype[name]!;
  prototype[name] = function (this: unknown, ...args: unknown[]) {
    record(...describe(this, args));
    return original.apply(this, args);
  };
  return () => {
    prototype[name] = original;
  };
}

// Statements of every connection share better-sqlite3's native prototype; each statement knows
// its connection (`database`), so a recorder sees only its own.
function install(sqlite: Database.Database): () => void {
  const statementPrototype = Object.getPrototypeOf(sqlite.prepare("SELECT 1")) as Methods;
  const databasePrototype = Object.getPrototypeOf(sqlite) as Methods;
  const undo = [
    ...STATEMENT_METHODS.map((name) =>
      wrap(statementPrototype, name, (self) => {
        const statement = self as Database.Statement;
        return [statement.database, statement.source];
      }),
    ),
    wrap(databasePrototype, "exec", (self, args) => [self, String(args[0])]),
  ];
  return () => undo.forEach((undoOne) => undoOne());
}

export interface StatementCount<T> {
  result: T;
  /** Statements run on the connection while `fn` ran (awaited). */
  count: number;
  /** Their SQL, in order: to see which one repeats when a count grows. */
  statements: string[];
}

/**
 * Runs `fn` (awaiting it) and counts the statements it runs on `sqlite` (by default the
 * process's connection). Calls may nest; each counts everything run on its connection meanwhile.
 */
export async function countStatements<T>(
  fn: () => T | Promise<T>,
  sqlite: Database.Database = getSqlite(),
): Promise<StatementCount<Awaited<T>>> {
  const recorder: Recorder = { sqlite, statements: [] };
  restore ??= install(sqlite);
  recorders.add(recorder);
  try {
    const result = await fn();
    return { result, count: recorder.statements.length, statements: recorder.statements };
  } finally {
    recorders.delete(recorder);
    if (recorders.size === 0) {
      restore?.();
      restore = undefined;
    }
  }
}
