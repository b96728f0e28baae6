import { describe, expect, it } from "vitest";
import { backupFileName, backupsOldestFirst, replacedFileName, utcStamp } from "./names";

const AT = new Date("2026-03-04T05:06:07.890Z");

describe("backup names", () => {
  it("stamps the UTC time, whatever the machine's zone", () => {
    // vitest-setup runs in America/Los_Angeles, where it is still the 3rd.
    expect(utcStamp(AT)).toBe("20260304-050607");
    expect(backupFileName(AT)).toBe("street-goals-20260304-050607.db");
    expect(backupFileName(AT, 2)).toBe("street-goals-20260304-050607-2.db");
  });

  it("orders backups by time then sequence, leaving other files out", () => {
    const names = [
      "street-goals-20260304-050607-2.db",
      "notes.txt",
      "street-goals-20260304-050607.db",
      "street-goals-20251231-235959.db",
      "street-goals-20260304-050607-10.db",
      ".partial-123-abc.db",
      "street-goals-20260304-050607.db-journal",
    ];
    expect(backupsOldestFirst(names)).toEqual([
      "street-goals-20251231-235959.db",
      "street-goals-20260304-050607.db",
      "street-goals-20260304-050607-2.db",
      "street-goals-20260304-050607-10.db",
    ]);
  });

  it("names the replaced database beside it, outside backups/", () => {
    expect(replacedFileName("/data/street-goals.db", AT)).toBe(
      "/data/street-goals.before-restore-20260304-050607.db",
    );
    expect(replacedFileName("/data/e2e.db", AT, 3)).toBe(
      "/data/e2e.before-restore-20260304-050607-3.db",
    );
  });
});
