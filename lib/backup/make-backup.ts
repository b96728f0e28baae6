import { randomUUID } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { checkDatabaseFile } from "./database-file";
import { backupFileName, backupsFolder } from "./names";
import { pruneBackups } from "./retention";

/** Copy every page in one step (SQLite caps a step at the database's size). */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  file: string;
  bytes: number;
  /** How many times SQLite asked how many pages to copy next (1: all of them in one step). */
  steps: number;
  /** Older backups deleted to keep the newest `keep`. */
  removed: string[];
}

export class BackupFailed extends Error {}

/** Makes a directory entry durable: a rename or link survives a power cut once this returns. */
export function syncFolder(folder: string): void {
  const fd = openSync(folder, "r");
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a directory; the rename itself is still atomic.
  } finally {
    closeSync(fd);
  }
}

/**
 * Gives the checked copy its final name without ever replacing another backup: a hard link fails
 * if the name is taken (by a backup made in the same second), and the next sequence is tried.
 */
function publish(partial: string, folder: string, at: Date): string {
  for (let sequence = 1; ; sequence++) {
    const file = path.join(folder, backupFileName(at, sequence));
    try {
      linkSync(partial, file);
      rmSync(partial);
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * An online backup of a live database: SQLite's backup API copies a consistent snapshot while the
 * server keeps writing. It is checked (`integrity_check`) before it gets its name in `backups/`;
 * then only the newest `keep` backups are kept.
 */
export async function makeBackup(options: {
  databaseFile: string;
  keep: number;
  now?: Date;
}): Promise<BackupResult> {
  const { databaseFile, keep } = options;
  if (!existsSync(databaseFile)) throw new BackupFailed(`there is no database at ${databaseFile}`);
  const folder = backupsFolder(databaseFile);
  mkdirSync(folder, { recursive: true });
  const at = options.now ?? new Date();
  // Not a backup's name until it has been checked: pruning and restoring never see it.
  const partial = path.join(folder, `.partial-${process.pid}-${randomUUID()}.db`);
  try {
    let steps = 0;
    const source = new Database(databaseFile, { fileMustExist: true });
    try {
      source.pragma("busy_timeout = 5000");
      // One step, under one read snapshot: in small steps every write by the server restarts the
      // copy, which under steady writes may never finish. In WAL mode the snapshot blocks no writer.
      await source.backup(partial, { progress: () => (steps++, ALL_PAGES) });
    } finally {
      source.close();
    }
    const check = checkDatabaseFile(partial, { schema: false });
    if (!check.ok) throw new BackupFailed(`the copy failed its check: ${check.problem}`);
    const file = publish(partial, folder, at);
    syncFolder(folder);
    return { file, bytes: statSync(file).size, steps, removed: pruneBackups(folder, keep) };
  } finally {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
  }
}
