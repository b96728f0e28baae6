import path from "node:path";
import { mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { cacheStatements } from "./statement-cache";

export type Db = BetterSQLite3Database<typeof schema>;

export const DEFAULT_DATABASE_PATH = "./data/street-goals.db";

/** The database file: `DATABASE_PATH`, or `./data/street-goals.db`, resolved from the working directory. */
export function databasePath(): string {
  // The file is chosen at run time; keep Next from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens a SQLite file with the settings every connection needs: WAL, foreign keys, busy timeout. */
export function openDatabase(file: string = databasePath()): { db: Db; sqlite: Database.Database } {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  cacheStatements(sqlite);
  const db = drizzle({ client: sqlite, schema });
  // Transactions take the write lock as they begin (BEGIN IMMEDIATE), where the busy timeout waits
  // out another process's write (a script, a CLI); a deferred one that read first would fail
  // at its first write, without waiting, if another process wrote in between (SQLITE_BUSY_SNAPSHOT).
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) =>
    transaction(run, { behavior: "immediate", ...config })) as Db["transaction"];
  return { db, sqlite };
}

// One connection per process; kept on globalThis so dev-mode reloads do not open more.
const globalForDb = globalThis as unknown as {
  streetGoalsDb?: { db: Db; sqlite: Database.Database };
};

export function getDb(): Db {
  globalForDb.streetGoalsDb ??= openDatabase();
  return globalForDb.streetGoalsDb.db;
}

/** The process's raw better-sqlite3 connection (pragmas, statement-level measurements). */
export function getSqlite(): Database.Database {
  getDb();
  return globalForDb.streetGoalsDb!.sqlite;
}

/** Closes the process's connection (tests and scripts). */
export function closeDb(): void {
  globalForDb.streetGoalsDb?.sqlite.close();
  globalForDb.streetGoalsDb = undefined;
}
