import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databasePath, getSqlite } from "@/db/client";
import { closeTestDatabase, openTestDatabase } from "@/lib/testing/database";
import { scratchWork } from "./data-version";
import { clearMemo, memoized, withoutMemo } from "./memo";

/** A computation that counts how often it really ran, and reads the table it depends on. */
let runs = 0;
const count = () =>
  memoized("count", () => {
    runs += 1;
    return (getSqlite().prepare("SELECT COUNT(*) AS n FROM memo_probe").get() as { n: number }).n;
  });

beforeAll(() => {
  openTestDatabase();
  getSqlite().exec("CREATE TABLE IF NOT EXISTS memo_probe (id INTEGER PRIMARY KEY)");
});
afterAll(() => closeTestDatabase());
beforeEach(() => {
  clearMemo();
  runs = 0;
});

describe("memoized", () => {
  it("answers from memory while nothing is written", () => {
    expect([count(), count(), count()]).toEqual([0, 0, 0]);
    expect(runs).toBe(1);
  });

  it("computes again after a write on this connection", () => {
    count();
    getSqlite().prepare("INSERT INTO memo_probe DEFAULT VALUES").run();
    expect(count()).toBe(1);
    expect(runs).toBe(2);
  });

  it("computes again after a commit by another connection (a script, a restore)", () => {
    count();
    const other = new Database(databasePath());
    other.prepare("INSERT INTO memo_probe DEFAULT VALUES").run();
    other.close();
    expect(count()).toBe(
      (getSqlite().prepare("SELECT COUNT(*) AS n FROM memo_probe").get() as { n: number }).n,
    );
    expect(runs).toBe(2);
  });

  it("is not emptied by work on this connection's own TEMP tables", () => {
    count();
    scratchWork(() => {
      getSqlite().exec("CREATE TEMP TABLE scratch AS SELECT 1 AS x UNION ALL SELECT 2");
      getSqlite().exec("DROP TABLE temp.scratch");
    });
    count();
    expect(runs).toBe(1);
  });

  it("forgets everything when the connection is reopened", () => {
    count();
    closeTestDatabase();
    openTestDatabase();
    count();
    expect(runs).toBe(2);
  });

  it("runs the computation every time inside withoutMemo", async () => {
    count();
    await withoutMemo(() => {
      count();
      count();
    });
    expect(runs).toBe(3);
  });
});
