import "server-only";
import type Database from "better-sqlite3";
import { getSqlite } from "@/db/client";

const connectionIds = new WeakMap<Database.Database, number>();
let connections = 0;
/** Row changes made to this connection's own scratch (TEMP) tables: not changes of the data. */
let scratchChanges = 0;

const totalChanges = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n;

/** Runs `fn`, which writes only TEMP tables, without it counting as a change of the data. */
export function scratchWork<T>(fn: () => T): T {
  const sqlite = getSqlite();
  const before = totalChanges(sqlite);
  try {
    return fn();
  } finally {
    scratchChanges += totalChanges(sqlite) - before;
  }
}

/**
 * What the database holds, as a token that changes whenever it changes: which connection this is
 * (a reopened file starts its counters again), the rows it has changed (`total_changes()`, less
 * its scratch tables'), and
 * commits by any other connection (PRAGMA data_version, e.g. a restore or a script).
 */
export function dataVersion(): string {
  const sqlite = getSqlite();
  let id = connectionIds.get(sqlite);
  if (id === undefined) connectionIds.set(sqlite, (id = ++connections));
  const changes = totalChanges(sqlite) - scratchChanges;
  const external = sqlite.pragma("data_version", { simple: true }) as number;
  return `${id}:${changes}:${external}`;
}
