import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { committedMigrations } from "./database-file";
import { addUnits, dataFolderWith, unitNamesIn } from "./fixtures";
import { makeBackup } from "./make-backup";
import { otherProcess, type OtherProcess } from "./other-process";
import { RestoreRefused, restoreBackup } from "./restore";
import { removeServerMarker, serverMarkerFile, writeServerMarker } from "./server-marker";

const AT = new Date("2026-03-04T05:06:07Z");
const LATER = new Date("2026-03-05T08:00:00Z");
const others: OtherProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(others.splice(0).map((other) => other.kill()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database with a backup holding 甲, after which 乙 was added to the database. */
async function backedUp() {
  const made = dataFolderWith(["甲"]);
  folders.push(made.dir);
  const { file: backupFile } = await makeBackup({ databaseFile: made.file, keep: 5, now: AT });
  const db = new Database(made.file);
  addUnits(db, ["乙"]);
  db.close();
  return { ...made, backupFile };
}

/** What is in the data folder besides backups/. */
const filesIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name !== "backups")
    .sort();

async function expectRefused(run: () => unknown, reason: RegExp) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RestoreRefused);
  expect((thrown as Error).message).toMatch(reason);
}

describe("restoreBackup", () => {
  it("puts the backup in place and keeps the replaced database, -wal folded in", async () => {
    const { dir, file, backupFile } = await backedUp();
    // A row committed only to the -wal (its writer crashed before any checkpoint).
    const crashed = await otherProcess(file, "uncommitted");
    await crashed.kill();
    expect(existsSync(`${file}-wal`)).toBe(true);

    const result = restoreBackup({ backupFile, databaseFile: file, now: LATER });

    const kept = path.join(dir, "street-goals.before-restore-20260305-080000.db");
    expect(result).toEqual({ keptFile: kept, upToDate: true });
    expect(unitNamesIn(file)).toEqual(["甲"]);
    expect(unitNamesIn(kept)).toEqual(["甲", "乙", "committed-in-wal"]);
    expect(filesIn(dir)).toEqual([
      "street-goals.before-restore-20260305-080000.db",
      "street-goals.db",
    ]);
    // The backup itself is untouched, to be restored again if need be.
    expect(unitNamesIn(backupFile)).toEqual(["甲"]);
  });

  it("never overwrites an earlier kept database", async () => {
    const { dir, file, backupFile } = await backedUp();
    restoreBackup({ backupFile, databaseFile: file, now: LATER });
    restoreBackup({ backupFile, databaseFile: file, now: LATER });
    expect(unitNamesIn(path.join(dir, "street-goals.before-restore-20260305-080000.db"))).toEqual([
      "甲",
      "乙",
    ]);
    expect(unitNamesIn(path.join(dir, "street-goals.before-restore-20260305-080000-2.db"))).toEqual(
      ["甲"],
    );
  });

  it("refuses while another process has the database open, and changes nothing", async () => {
    const { dir, file, backupFile } = await backedUp();
    const server = await otherProcess(file, "open");
    others.push(server);
    const before = filesIn(dir);
    await expectRefused(
      () => restoreBackup({ backupFile, databaseFile: file, now: LATER }),
      /open in another process/,
    );
    expect(filesIn(dir)).toEqual(before);
    expect(unitNamesIn(file)).toEqual(["甲", "乙"]);
    // Once it is gone, the restore goes ahead.
    await server.kill();
    restoreBackup({ backupFile, databaseFile: file, now: LATER });
    expect(unitNamesIn(file)).toEqual(["甲"]);
  });

  it("refuses while a live server's marker names it, even before the server opened the file", async () => {
    const { dir, file, backupFile } = await backedUp();
    // A live `npm start` that has not opened the database yet (SQLite alone would not see it).
    const server = await otherProcess(path.join(dir, "elsewhere.db"), "open", {
      commandLine: "lib/cli/start.ts",
    });
    others.push(server);
    writeServerMarker(file, server.child.pid!);
    await expectRefused(
      () => restoreBackup({ backupFile, databaseFile: file, now: LATER }),
      new RegExp(`server \\(process ${server.child.pid}\\) is running`),
    );
    expect(unitNamesIn(file)).toEqual(["甲", "乙"]);

    // A marker left by a server that died, or whose id now belongs to something else, is stale.
    await server.kill();
    const stranger = await otherProcess(path.join(dir, "elsewhere.db"), "open");
    others.push(stranger);
    writeServerMarker(file, stranger.child.pid!);
    restoreBackup({ backupFile, databaseFile: file, now: LATER });
    expect(unitNamesIn(file)).toEqual(["甲"]);
  });

  it("removes only its own server marker", () => {
    const made = dataFolderWith([]);
    folders.push(made.dir);
    writeServerMarker(made.file, 424242);
    removeServerMarker(made.file, 1);
    expect(existsSync(serverMarkerFile(made.file))).toBe(true);
    removeServerMarker(made.file, 424242);
    expect(existsSync(serverMarkerFile(made.file))).toBe(false);
  });

  it("refuses a file that is not a sound Street Goals database, from a newer version included", async () => {
    const { dir, file, backupFile } = await backedUp();
    const before = filesIn(dir);
    const notSqlite = path.join(dir, "backups", "notes.db");
    writeFileSync(notSqlite, "这不是数据库");
    await expectRefused(
      () => restoreBackup({ backupFile: notSqlite, databaseFile: file }),
      /not a SQLite database/,
    );

    const foreign = path.join(dir, "backups", "foreign.db");
    const other = new Database(foreign);
    other.exec("CREATE TABLE t (x)");
    other.close();
    await expectRefused(
      () => restoreBackup({ backupFile: foreign, databaseFile: file }),
      /no migrations table/,
    );

    const newer = new Database(backupFile);
    const latest = Math.max(...committedMigrations());
    newer
      .prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('x', ?)")
      .run(latest + 1);
    newer.close();
    await expectRefused(() => restoreBackup({ backupFile, databaseFile: file }), /newer version/);

    await expectRefused(
      () => restoreBackup({ backupFile: path.join(dir, "missing.db"), databaseFile: file }),
      /no file/,
    );
    expect(filesIn(dir)).toEqual(before);
    expect(unitNamesIn(file)).toEqual(["甲", "乙"]);
  });

  it("accepts a backup from an earlier version, for npm start to migrate", async () => {
    const { file, backupFile } = await backedUp();
    const older = new Database(backupFile);
    older
      .prepare("DELETE FROM __drizzle_migrations WHERE created_at = ?")
      .run(Math.max(...committedMigrations()));
    older.close();
    expect(restoreBackup({ backupFile, databaseFile: file, now: LATER }).upToDate).toBe(false);
  });
});
