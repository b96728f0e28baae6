import {
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { addUnits, dataFolderWith, unitNamesIn } from "./fixtures";
import { BackupFailed, makeBackup } from "./make-backup";
import { otherProcess, type OtherProcess } from "./other-process";
import { DEFAULT_KEEP, keepFrom } from "./retention";

const AT = new Date("2026-03-04T05:06:07Z");
const others: OtherProcess[] = [];
const folders: string[] = [];

function folder(units: string[]) {
  const made = dataFolderWith(units);
  folders.push(made.dir);
  return made;
}

afterEach(async () => {
  await Promise.all(others.splice(0).map((other) => other.kill()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("makeBackup", () => {
  it("copies the database into backups/ under a UTC timestamp, as one self-contained file", async () => {
    const { dir, file } = folder(["街道办", "邻里社区"]);
    const result = await makeBackup({ databaseFile: file, keep: 5, now: AT });
    expect(result.file).toBe(path.join(dir, "backups", "street-goals-20260304-050607.db"));
    expect(result.removed).toEqual([]);
    expect(unitNamesIn(result.file)).toEqual(["街道办", "邻里社区"]);
    // Not WAL: nothing beside it is needed, and no stray file is left in backups/.
    expect(readdirSync(path.join(dir, "backups"))).toEqual(["street-goals-20260304-050607.db"]);
    const sqlite = new Database(result.file, { readonly: true });
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("delete");
    sqlite.close();
  });

  it("never overwrites a backup made in the same second", async () => {
    const { dir, file } = folder(["甲"]);
    await makeBackup({ databaseFile: file, keep: 5, now: AT });
    const db = new Database(file);
    addUnits(db, ["乙"]);
    db.close();
    const second = await makeBackup({ databaseFile: file, keep: 5, now: AT });
    expect(path.basename(second.file)).toBe("street-goals-20260304-050607-2.db");
    expect(unitNamesIn(path.join(dir, "backups", "street-goals-20260304-050607.db"))).toEqual([
      "甲",
    ]);
    expect(unitNamesIn(second.file)).toEqual(["甲", "乙"]);
  });

  it("keeps only the newest N backups and leaves other files alone", async () => {
    const { dir, file } = folder(["甲"]);
    writeFileSync(path.join(dir, "backups-readme.txt"), "");
    const times = ["2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"];
    for (const at of times) await makeBackup({ databaseFile: file, keep: 3, now: new Date(at) });
    writeFileSync(path.join(dir, "backups", "my-notes.txt"), "keep me");
    const last = await makeBackup({ databaseFile: file, keep: 2, now: AT });
    expect(last.removed).toEqual([
      "street-goals-20260301-000000.db",
      "street-goals-20260302-000000.db",
    ]);
    expect(readdirSync(path.join(dir, "backups")).sort()).toEqual([
      "my-notes.txt",
      "street-goals-20260303-000000.db",
      "street-goals-20260304-050607.db",
    ]);
  });

  it("takes N from --keep, else BACKUP_KEEP, else the default, and refuses nonsense", () => {
    expect(keepFrom(["--keep", "3"], { BACKUP_KEEP: "9" })).toBe(3);
    expect(keepFrom(["--keep=4"], {})).toBe(4);
    expect(keepFrom([], { BACKUP_KEEP: "9" })).toBe(9);
    expect(keepFrom([], {})).toBe(DEFAULT_KEEP);
    for (const bad of ["0", "-1", "2.5", "abc"]) {
      expect(() => keepFrom([`--keep=${bad}`], {})).toThrow(/whole number/);
    }
  });

  it("deletes a copy that fails integrity_check and keeps nothing of it", async () => {
    const { dir, file } = folder(Array.from({ length: 2000 }, (_, i) => `单位${i}`));
    // Garbage over the middle of the units table's pages: the file opens, its check fails.
    const size = statSync(file).size;
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const failed = makeBackup({ databaseFile: file, keep: 5, now: AT });
    await expect(failed).rejects.toBeInstanceOf(BackupFailed);
    await expect(failed).rejects.toThrow(/check/);
    expect(readdirSync(path.join(dir, "backups"))).toEqual([]);
  });

  it("finishes, consistent, while another process writes without pause", async () => {
    const { file } = folder(Array.from({ length: 5000 }, (_, i) => `已有${i}`));
    const writer = await otherProcess(file, "write");
    others.push(writer);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the writes get going
    const before = unitNamesIn(file).length;
    const result = await makeBackup({ databaseFile: file, keep: 5, now: AT });
    const inBackup = unitNamesIn(result.file);
    await writer.kill();
    // In small steps every write would restart the copy, which might then never finish.
    expect(result.steps).toBe(1);
    expect(inBackup.length).toBeGreaterThanOrEqual(before);
    expect(inBackup.slice(0, 5000)).toEqual(Array.from({ length: 5000 }, (_, i) => `已有${i}`));
    const sqlite = new Database(result.file, { readonly: true });
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    sqlite.close();
  });
});
