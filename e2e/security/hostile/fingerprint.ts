/**
 * What a refused request must leave as it found: every table of the server's SQLite file, read
 * through a connection of our own that only reads. `PRAGMA data_version` changes when any other
 * connection commits anything (an UPDATE too, which row counts miss); the counts and highest
 * rowids say which table it was.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

export interface Fingerprint {
  dataVersion: number;
  tables: Record<string, string>;
}

export function openFingerprinter(databaseFile: string) {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  /**
   * Every table but `except`, by a hash of its rows: for a refusal allowed to write one table
   * (e.g. a wrong password counted toward the lock), where data_version cannot say which it was.
   */
  const takeExcept = (except: readonly string[]): Fingerprint => {
    const tables: Record<string, string> = {};
    for (const name of tableNames()) {
      if (except.includes(name)) continue;
      const rows = db
        .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
        .raw()
        .all();
      const hash = createHash("sha1").update(JSON.stringify(rows)).digest("hex");
      tables[name] = `${rows.length} rows, content ${hash.slice(0, 12)}`;
    }
    return { dataVersion: 0, tables };
  };
  const tableNames = () =>
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
  const take = (): Fingerprint => {
    const names = tableNames();
    const tables: Record<string, string> = {};
    for (const name of names) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      // WITHOUT ROWID tables have no rowid: their count is all there is.
      let row: { n: number; max: number | null };
      try {
        row = db
          .prepare(`SELECT COUNT(*) AS n, MAX(rowid) AS max FROM ${quoted}`)
          .get() as typeof row;
      } catch {
        row = {
          ...(db.prepare(`SELECT COUNT(*) AS n FROM ${quoted}`).get() as { n: number }),
          max: null,
        };
      }
      tables[name] = `${row.n} rows, max rowid ${row.max}`;
    }
    const dataVersion = db.pragma("data_version", { simple: true }) as number;
    return { dataVersion, tables };
  };
  return { take, takeExcept, close: () => db.close() };
}

/** What changed between two fingerprints, for a failure message ("" when nothing did). */
export function fingerprintChange(before: Fingerprint, after: Fingerprint): string {
  const tables = Object.keys({ ...before.tables, ...after.tables })
    .filter((name) => before.tables[name] !== after.tables[name])
    .map((name) => `${name}: ${before.tables[name]} → ${after.tables[name]}`);
  if (tables.length > 0) return tables.join("; ");
  if (before.dataVersion !== after.dataVersion)
    return "a commit changed rows in place (data_version)";
  return "";
}
