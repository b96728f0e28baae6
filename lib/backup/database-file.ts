import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

const SQLITE_HEADER = "SQLite format 3\0";

/** What a database file holds, or why it cannot be used. */
export type DatabaseFileCheck =
  { ok: true; migrations: number; upToDate: boolean } | { ok: false; problem: string };

/** The `when` of each committed migration (drizzle stores it as `created_at`), oldest first. */
export function committedMigrations(): number[] {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"),
  ) as { entries: { when: number }[] };
  return journal.entries.map((entry) => entry.when);
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.toString("latin1") === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a file that is ours to change (a fresh backup, or a copy of one about to be restored):
 * a SQLite database that passes `PRAGMA integrity_check` and, for a restore, has this app's schema
 * at a migration this code knows. Leaves it a single self-contained file (rollback journal, not
 * WAL), so it can be copied or moved alone.
 */
export function checkDatabaseFile(
  file: string,
  options: { schema: boolean } = { schema: true },
): DatabaseFileCheck {
  if (!hasSqliteHeader(file)) return { ok: false, problem: "it is not a SQLite database" };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma("journal_mode = DELETE");
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return { ok: false, problem: `integrity_check failed: ${integrity}` };
    if (!options.schema) return { ok: true, migrations: 0, upToDate: true };
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get();
    if (!table)
      return { ok: false, problem: "it has no migrations table: not a Street Goals database" };
    const applied = (
      db.prepare("SELECT created_at AS at FROM __drizzle_migrations").all() as { at: number }[]
    ).map((row) => Number(row.at));
    const known = committedMigrations();
    const unknown = applied.filter((at) => !known.includes(at));
    if (applied.length === 0) return { ok: false, problem: "no migration was ever applied to it" };
    if (unknown.length > 0) {
      return {
        ok: false,
        problem:
          "it comes from a newer version of Street Goals (migrations this code does not know)",
      };
    }
    return { ok: true, migrations: applied.length, upToDate: applied.length === known.length };
  } catch (error) {
    return { ok: false, problem: `SQLite could not read it: ${(error as Error).message}` };
  } finally {
    db?.close();
  }
}
