/**
 * `npm run restore -- FILE`: puts a backup in place of the database (DATABASE_PATH or
 * ./data/street-goals.db). Refuses while the server runs on it or if the file is not a sound
 * Street Goals database; keeps the replaced database beside it under a timestamped name.
 */
import { databasePath } from "@/db/client";
import { RestoreRefused, restoreBackup } from "@/lib/backup/restore";

function main() {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    console.error(
      "Usage: npm run restore -- FILE   (a backup, e.g. data/backups/street-goals-….db)",
    );
    process.exit(2);
  }
  const backupFile = args[0]!;
  const databaseFile = databasePath();
  const { keptFile, upToDate } = restoreBackup({ backupFile, databaseFile });
  console.log(`Restored ${backupFile}`);
  console.log(`  to ${databaseFile} (integrity_check ok)`);
  console.log(
    keptFile ? `The replaced database is kept as ${keptFile}` : "There was no database to replace.",
  );
  if (!upToDate) console.log("It is from an earlier version: `npm start` will migrate it.");
}

try {
  main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RestoreRefused)
    console.error(`Restore refused, nothing changed: ${message}`);
  else console.error(`Restore failed: ${message}`);
  process.exit(1);
}
