import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { backupsOldestFirst } from "./names";

/** How many backups are kept when neither `--keep` nor BACKUP_KEEP says: two weeks of dailies. */
export const DEFAULT_KEEP = 14;

/** Deletes all but the newest `keep` backups in the folder (other files are left alone). */
export function pruneBackups(folder: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be 1 or more, not ${keep}`);
  const backups = backupsOldestFirst(readdirSync(folder));
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) rmSync(path.join(folder, name), { force: true });
  return removed;
}

/** `--keep N` / `--keep=N`, else BACKUP_KEEP, else the default; a bad value is an error. */
export function keepFrom(args: string[], env: { BACKUP_KEEP?: string }): number {
  const index = args.findIndex((arg) => arg === "--keep" || arg.startsWith("--keep="));
  const raw =
    index === -1
      ? env.BACKUP_KEEP
      : args[index]!.startsWith("--keep=")
        ? args[index]!.slice("--keep=".length)
        : args[index + 1];
  if (raw === undefined || raw === "") return DEFAULT_KEEP;
  const keep = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || keep < 1) {
    throw new Error(`--keep / BACKUP_KEEP must be a whole number of 1 or more, not "${raw}"`);
  }
  return keep;
}
