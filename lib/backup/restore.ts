import { randomUUID } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { checkDatabaseFile } from "./database-file";
import { syncFolder } from "./make-backup";
import { replacedFileName } from "./names";
import { runningServerPid, serverMarkerFile } from "./server-marker";

/** A restore that was not done, and why; nothing was changed. */
export class RestoreRefused extends Error {}

export interface RestoreResult {
  /** Where the database that was replaced now is (none if there was no database). */
  keptFile: string | null;
  /** Whether the restored database is at this code's latest migration (else `npm start` migrates it). */
  upToDate: boolean;
}

const isBusy = (error: unknown) =>
  String((error as { code?: unknown }).code).startsWith("SQLITE_BUSY");

/**
 * Takes the current database out of use for the swap, or refuses if any other process has it open.
 * Leaving WAL mode needs every other connection closed, so SQLite answers SQLITE_BUSY while the
 * server (or anything else) has the file open; it also folds the -wal into the file and deletes
 * -wal and -shm, so the file kept alone loses nothing. The exclusive lock is then held until the
 * connection closes: nothing can open the file while it is moved.
 */
function lockForReplacement(databaseFile: string): Database.Database {
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT;");
    if (mode !== "delete" || existsSync(`${databaseFile}-wal`)) {
      throw new RestoreRefused(`could not fold ${databaseFile}-wal into the database`);
    }
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new RestoreRefused(
        `${databaseFile} is open in another process (is the server running?); stop it first`,
      );
    }
    throw error;
  }
}

/** Moves the replaced database aside under a timestamped name that no other file has. */
function keepReplaced(databaseFile: string, at: Date): string {
  for (let sequence = 1; ; sequence++) {
    const kept = replacedFileName(databaseFile, at, sequence);
    try {
      linkSync(databaseFile, kept); // fails if the name is taken, never overwrites
      return kept;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * Restores a backup over the database: checked first (SQLite, integrity_check, our schema, not
 * from a newer version), refused while a server runs on the database, the replaced database kept
 * beside it under a timestamped name, and the backup put in place by an atomic rename.
 */
export function restoreBackup(options: {
  backupFile: string;
  databaseFile: string;
  now?: Date;
}): RestoreResult {
  const { backupFile, databaseFile } = options;
  if (!existsSync(backupFile) || !statSync(backupFile).isFile()) {
    throw new RestoreRefused(`there is no file at ${backupFile}`);
  }
  if (existsSync(`${backupFile}-wal`) && statSync(`${backupFile}-wal`).size > 0) {
    throw new RestoreRefused(
      `${backupFile} has a -wal file beside it: it is a live database, not a backup (use npm run backup)`,
    );
  }
  const serverPid = runningServerPid(databaseFile);
  if (serverPid !== null) {
    throw new RestoreRefused(
      `the server (process ${serverPid}) is running on ${databaseFile}; stop it first ` +
        `(if it is not running, delete ${serverMarkerFile(databaseFile)})`,
    );
  }

  const folder = path.dirname(databaseFile);
  mkdirSync(folder, { recursive: true });
  // Checked as a copy beside the database (never the backup itself), then renamed into place.
  const staged = path.join(folder, `.restore-${process.pid}-${randomUUID()}.db`);
  try {
    copyFileSync(backupFile, staged);
    const check = checkDatabaseFile(staged);
    if (!check.ok) throw new RestoreRefused(`${backupFile} cannot be restored: ${check.problem}`);

    const current = existsSync(databaseFile) ? lockForReplacement(databaseFile) : null;
    let keptFile: string | null = null;
    try {
      if (current) keptFile = keepReplaced(databaseFile, options.now ?? new Date());
      renameSync(staged, databaseFile);
      syncFolder(folder);
    } finally {
      current?.close();
    }
    return { keptFile, upToDate: check.upToDate };
  } finally {
    rmSync(staged, { force: true });
    rmSync(`${staged}-journal`, { force: true });
  }
}
