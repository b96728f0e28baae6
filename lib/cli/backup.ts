/**
 * `npm run backup [-- --keep N]`: an online, checked copy of the database (DATABASE_PATH or
 * ./data/street-goals.db) into `<data folder>/backups/street-goals-YYYYMMDD-HHMMSS.db` (UTC),
 * keeping the newest N (--keep, else BACKUP_KEEP, else 14). Safe while the server runs.
 */
import path from "node:path";
import { databasePath } from "@/db/client";
import { makeBackup } from "@/lib/backup/make-backup";
import { keepFrom } from "@/lib/backup/retention";

async function main() {
  const databaseFile = databasePath();
  const keep = keepFrom(process.argv.slice(2), { BACKUP_KEEP: process.env.BACKUP_KEEP });
  const started = Date.now();
  const { file, bytes, removed } = await makeBackup({ databaseFile, keep });
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Backed up ${databaseFile}`);
  console.log(`  to ${file} (${size}, integrity_check ok, ${Date.now() - started} ms)`);
  if (removed.length > 0) {
    console.log(`Deleted ${removed.length} older backup(s), keeping the newest ${keep}:`);
    for (const name of removed) console.log(`  ${path.join(path.dirname(file), name)}`);
  } else {
    console.log(`Keeping the newest ${keep} backups: nothing to delete.`);
  }
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
