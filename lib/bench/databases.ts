/**
 * The benchmark's databases: a generated one per size, kept between runs and never written to, and
 * throwaway working copies of it for one run (the write measures add entries).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, constants, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export interface DataSize {
  tasks: number;
  indicators: number;
  entries: number;
}

export const FULL_SIZE: DataSize = { tasks: 5000, indicators: 20000, entries: 1_000_000 };
export const QUICK_SIZE: DataSize = { tasks: 1000, indicators: 4000, entries: 100_000 };

export const FULL_DATABASE = "./data/bench/district.db";
export const QUICK_DATABASE = "./data/bench/quick.db";

/** Generates the database with `npm run bench:data` when the file is not there yet. */
export function ensureGenerated(file: string, size: DataSize): void {
  if (existsSync(file)) return;
  console.log(`Generating ${file} (${size.tasks} tasks, ${size.entries} entries)…`);
  const tsx = require.resolve("tsx/cli");
  const generated = spawnSync(
    process.execPath,
    [
      tsx,
      "lib/cli/bench-data.ts",
      "--tasks",
      String(size.tasks),
      "--indicators",
      String(size.indicators),
      "--entries",
      String(size.entries),
      "--out",
      file,
    ],
    { stdio: "inherit" },
  );
  if (generated.status !== 0) throw new Error(`bench:data failed for ${file}`);
}

/** A folder for the run's working copies, removed by `remove`. */
export function workFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "street-goals-bench-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Copies the generated database (cheaply where the file system shares blocks) and brings the copy
 * up to the committed migrations, so a new index is measured on data generated before it.
 */
export function workingCopy(source: string, target: string): string {
  // The generator checkpoints and truncates its WAL, so the main file is the whole database.
  copyFileSync(source, target, constants.COPYFILE_FICLONE);
  const { db, sqlite } = openDatabase(target);
  try {
    migrateDatabase(db);
  } finally {
    sqlite.close();
  }
  return target;
}
