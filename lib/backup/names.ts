import path from "node:path";

/** A backup's file name: the database's name, then the UTC time it was made, then a sequence
 * number when two backups are made within the same second. */
const BACKUP_NAME = /^street-goals-(\d{8})-(\d{6})(?:-(\d+))?\.db$/;

/** `YYYYMMDD-HHMMSS` in UTC: the same on every machine whatever its zone, and it sorts. */
export function utcStamp(at: Date): string {
  const iso = at.toISOString(); // 2026-11-26T19:45:07.123Z
  return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
}

/** `street-goals-YYYYMMDD-HHMMSS.db`, or `…-HHMMSS-2.db` for the second one in that second. */
export function backupFileName(at: Date, sequence = 1): string {
  return `street-goals-${utcStamp(at)}${sequence > 1 ? `-${sequence}` : ""}.db`;
}

/** Where backups of a database file go: `backups/` in its data folder. */
export function backupsFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "backups");
}

/** The backups among file names, oldest first (by time, then sequence); other files are left out. */
export function backupsOldestFirst(names: string[]): string[] {
  const keyed = names.flatMap((name) => {
    const match = BACKUP_NAME.exec(name);
    return match ? [{ name, key: `${match[1]}${match[2]}`, sequence: Number(match[3] ?? 1) }] : [];
  });
  keyed.sort((a, b) => a.key.localeCompare(b.key) || a.sequence - b.sequence);
  return keyed.map((k) => k.name);
}

/** The name the replaced database keeps beside the restored one, e.g.
 * `street-goals.before-restore-20261126-194507.db` (kept, never pruned). */
export function replacedFileName(databaseFile: string, at: Date, sequence = 1): string {
  const { dir, name, ext } = path.parse(databaseFile);
  const suffix = sequence > 1 ? `-${sequence}` : "";
  return path.join(dir, `${name}.before-restore-${utcStamp(at)}${suffix}${ext || ".db"}`);
}
