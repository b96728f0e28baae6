/** For tests: a migrated database file of the app's schema in a temp folder, and its units. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** A new data folder with a migrated `street-goals.db` holding the named units. */
export function dataFolderWith(unitNames: string[]): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "street-goals-backup-test-"));
  const file = path.join(dir, "street-goals.db");
  const { db, sqlite } = openDatabase(file);
  migrateDatabase(db);
  addUnits(sqlite, unitNames);
  sqlite.close();
  return { dir, file };
}

export function addUnits(sqlite: Database.Database, names: string[]): void {
  const insert = sqlite.prepare(
    "INSERT INTO units (name, type, created_at, updated_at) VALUES (?, 'department', 0, 0)",
  );
  for (const name of names) insert.run(name);
}

/** The unit names in a database file, in order of id. */
export function unitNamesIn(file: string): string[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare("SELECT name FROM units ORDER BY id").all() as { name: string }[]).map(
      (row) => row.name,
    );
  } finally {
    sqlite.close();
  }
}
