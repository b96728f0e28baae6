import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSqlite, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { verifyPassword } from "@/lib/auth/password";
import { getDashboard } from "@/lib/dashboard/queries";
import { listTasks } from "@/lib/tasks/queries";
import { closeTestDatabase, openTestDatabase } from "@/lib/testing/database";
import {
  BENCH_PASSWORD,
  BENCH_PASSWORD_HASH,
  DISTRICT_AS_OF,
  DISTRICT_PLAN,
  generateDistrict,
  type DistrictCounts,
  type DistrictOptions,
} from "./district";

const SMALL: DistrictOptions = {
  tasks: 50,
  indicators: 200,
  entries: 5000,
  units: 30,
  users: 150,
  seed: 7,
};

const TABLES = [
  "units",
  "users",
  "plans",
  "projects",
  "tasks",
  "task_co_units",
  "indicators",
  "progress_entries",
  "indicator_readings",
  "urges",
  "instructions",
  "notifications",
];

/** A digest of every row of the generated tables, in rowid order. */
function checksum(sqlite: Database.Database): string {
  const hash = createHash("sha256");
  for (const table of TABLES) {
    hash.update(table);
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest("hex");
}

/** Generates a district into a fresh file and returns its checksum. */
function generateInto(file: string, options: DistrictOptions): string {
  const { db, sqlite } = openDatabase(file);
  try {
    migrateDatabase(db);
    generateDistrict(sqlite, options);
    return checksum(sqlite);
  } finally {
    sqlite.close();
  }
}

let sqlite: Database.Database;
let counts: DistrictCounts;
const all = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as T;
const countOf = (query: string) => one<{ n: number }>(query).n;

beforeAll(() => {
  openTestDatabase();
  sqlite = getSqlite();
  counts = generateDistrict(sqlite, SMALL);
});

afterAll(() => closeTestDatabase());

describe("generateDistrict", () => {
  it("writes the asked-for counts, and reports what it wrote", () => {
    expect(counts).toMatchObject({
      units: 30,
      users: 150,
      plans: 1,
      projects: 10,
      tasks: 50,
      indicators: 200,
      progressEntries: 5000,
    });
    const tableOf: Record<keyof DistrictCounts, string> = {
      units: "units",
      users: "users",
      plans: "plans",
      projects: "projects",
      tasks: "tasks",
      taskCoUnits: "task_co_units",
      indicators: "indicators",
      progressEntries: "progress_entries",
      indicatorReadings: "indicator_readings",
      urges: "urges",
      instructions: "instructions",
      notifications: "notifications",
    };
    for (const [key, table] of Object.entries(tableOf)) {
      expect(countOf(`SELECT COUNT(*) AS n FROM ${table}`), table).toBe(
        counts[key as keyof DistrictCounts],
      );
    }
    // Most indicators of an entry's task are read in it.
    expect(counts.indicatorReadings).toBeGreaterThan(counts.progressEntries * 2);
    expect(counts.urges).toBeGreaterThan(0);
    expect(counts.instructions).toBeGreaterThan(0);
    const perTask = all<{ n: number }>(
      "SELECT COUNT(i.id) AS n FROM tasks t LEFT JOIN indicators i ON i.task_id = t.id GROUP BY t.id",
    ).map((row) => row.n);
    expect(Math.max(...perTask)).toBeLessThanOrEqual(8);
  });

  it("leaves a consistent database: foreign keys, indexes, every reading on its entry's task", () => {
    expect(all("PRAGMA foreign_key_check")).toEqual([]);
    expect(one<{ integrity_check: string }>("PRAGMA integrity_check").integrity_check).toBe("ok");
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    const indexes = all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('progress_entries', 'indicator_readings') ORDER BY name`,
    ).map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        "indicator_readings_entry_indicator_unique",
        "indicator_readings_indicator_idx",
        "progress_entries_review_idx",
        "progress_entries_task_date_idx",
      ]),
    );
    expect(
      countOf(`SELECT COUNT(*) AS n FROM indicator_readings r
        JOIN progress_entries e ON e.id = r.entry_id
        JOIN indicators i ON i.id = r.indicator_id
        WHERE e.task_id <> i.task_id`),
    ).toBe(0);
    // Tasks without indicators report a percent; tasks with indicators do not.
    expect(
      countOf(`SELECT COUNT(*) AS n FROM progress_entries e
        WHERE (e.percent IS NULL) = NOT EXISTS (SELECT 1 FROM indicators i WHERE i.task_id = e.task_id)`),
    ).toBe(0);
    // Every owner is in the task's lead unit; co-units never repeat the lead unit.
    expect(
      countOf(
        "SELECT COUNT(*) AS n FROM tasks t JOIN users u ON u.id = t.owner_id WHERE u.unit_id <> t.lead_unit_id",
      ),
    ).toBe(0);
    expect(
      countOf(
        "SELECT COUNT(*) AS n FROM task_co_units c JOIN tasks t ON t.id = c.task_id WHERE c.unit_id = t.lead_unit_id",
      ),
    ).toBe(0);
  });

  it("has readings that never fall back on their way to the target", () => {
    const readings = all<{
      indicator_id: number;
      value: number;
      baseline: number;
      target: number;
      direction: "increase" | "decrease";
    }>(`SELECT r.indicator_id, r.value, i.baseline, i.target, i.direction
        FROM indicator_readings r
        JOIN progress_entries e ON e.id = r.entry_id
        JOIN indicators i ON i.id = r.indicator_id
        ORDER BY r.indicator_id, e.entry_date, e.id`);
    expect(readings.length).toBe(counts.indicatorReadings);
    let decreasing = 0;
    for (let k = 0; k < readings.length; k++) {
      const reading = readings[k]!;
      const low = Math.min(reading.baseline, reading.target);
      const high = Math.max(reading.baseline, reading.target);
      expect(reading.value).toBeGreaterThanOrEqual(low);
      expect(reading.value).toBeLessThanOrEqual(high);
      const previous = readings[k - 1];
      if (previous?.indicator_id !== reading.indicator_id) continue;
      if (reading.direction === "increase")
        expect(reading.value).toBeGreaterThanOrEqual(previous.value);
      else {
        expect(reading.value).toBeLessThanOrEqual(previous.value);
        decreasing++;
      }
    }
    expect(decreasing).toBeGreaterThan(0);

    const percents = all<{ task_id: number; percent: number }>(
      "SELECT task_id, percent FROM progress_entries WHERE percent IS NOT NULL ORDER BY task_id, entry_date, id",
    );
    for (let k = 1; k < percents.length; k++) {
      if (percents[k]!.task_id === percents[k - 1]!.task_id) {
        expect(percents[k]!.percent).toBeGreaterThanOrEqual(percents[k - 1]!.percent);
      }
    }
  });

  it("dates everything within the plan's period and no later than its today", () => {
    const plan = one<{
      start_date: string;
      end_date: string;
      reporting_day: number;
      is_current: number;
    }>("SELECT * FROM plans");
    expect(plan).toMatchObject({
      start_date: DISTRICT_PLAN.startDate,
      end_date: DISTRICT_PLAN.endDate,
      reporting_day: 25,
      is_current: 1,
    });
    const entries = one<{ first: string; last: string }>(
      "SELECT MIN(entry_date) AS first, MAX(entry_date) AS last FROM progress_entries",
    );
    expect(entries.first >= DISTRICT_PLAN.startDate).toBe(true);
    expect(entries.last <= DISTRICT_AS_OF).toBe(true);
    expect(
      countOf(`SELECT COUNT(*) AS n FROM progress_entries e JOIN tasks t ON t.id = e.task_id
        WHERE e.entry_date < t.start_date`),
    ).toBe(0);
    const tasks = one<{ first: string; last: string }>(
      "SELECT MIN(start_date) AS first, MAX(due_date) AS last FROM tasks",
    );
    expect(tasks.first >= DISTRICT_PLAN.startDate && tasks.last <= DISTRICT_PLAN.endDate).toBe(
      true,
    );
    // A completed task is completed on a day it reported on, by today, with nothing after it.
    expect(
      countOf(`SELECT COUNT(*) AS n FROM tasks
        WHERE (status = 'completed') <> (completed_on IS NOT NULL) OR completed_on > '${DISTRICT_AS_OF}'`),
    ).toBe(0);
    expect(
      countOf(`SELECT COUNT(*) AS n FROM progress_entries e JOIN tasks t ON t.id = e.task_id
        WHERE t.completed_on IS NOT NULL AND e.entry_date > t.completed_on`),
    ).toBe(0);
    // Timestamps are epoch milliseconds in the plan's year.
    const stamps = one<{ first: number; last: number }>(
      "SELECT MIN(created_at) AS first, MAX(updated_at) AS last FROM progress_entries",
    );
    expect(stamps.first).toBeGreaterThanOrEqual(Date.parse("2023-01-01T00:00:00+08:00"));
    expect(stamps.last).toBeLessThan(Date.parse("2024-01-01T00:00:00+08:00"));
  });

  it("reviews most entries, leaves some pending, returns a few and has about 1% withdrawn", () => {
    const byStatus = Object.fromEntries(
      all<{ status: string; n: number }>(
        `SELECT CASE WHEN withdrawn_at IS NOT NULL THEN 'withdrawn' ELSE review_status END AS status,
           COUNT(*) AS n FROM progress_entries GROUP BY 1`,
      ).map((row) => [row.status, row.n / counts.progressEntries]),
    );
    expect(byStatus.approved).toBeGreaterThan(0.85);
    expect(byStatus.pending).toBeGreaterThan(0);
    expect(byStatus.returned).toBeGreaterThan(0.002);
    expect(byStatus.returned).toBeLessThan(0.05);
    expect(byStatus.withdrawn).toBeGreaterThan(0.002);
    expect(byStatus.withdrawn).toBeLessThan(0.03);
    expect(
      countOf(`SELECT COUNT(*) AS n FROM progress_entries
        WHERE (review_status = 'pending') <> (reviewed_by_id IS NULL)
           OR (review_status = 'pending') <> (reviewed_at IS NULL)
           OR (review_status = 'returned') <> (review_reason IS NOT NULL)`),
    ).toBe(0);
  });

  it("signs everyone in with the bench password", async () => {
    expect(await verifyPassword(BENCH_PASSWORD, BENCH_PASSWORD_HASH)).toBe(true);
    expect(
      countOf(`SELECT COUNT(*) AS n FROM users WHERE password_hash <> '${BENCH_PASSWORD_HASH}'`),
    ).toBe(0);
    const roles = Object.fromEntries(
      all<{ role: string; n: number }>("SELECT role, COUNT(*) AS n FROM users GROUP BY role").map(
        (row) => [row.role, row.n],
      ),
    );
    expect(roles).toEqual({ admin: 2, leader: 10, cadre: 138 });
    expect(one<{ username: string }>("SELECT username FROM users WHERE id = 1").username).toBe(
      "admin1",
    );
  });

  it("works with the app: the task list shows tasks behind, on pace and completed", async () => {
    const admin = one<{ id: number; unit_id: number }>(
      "SELECT id, unit_id FROM users WHERE username = 'admin1'",
    );
    const list = await listTasks(
      { id: admin.id, role: "admin", unitId: admin.unit_id },
      { asOf: DISTRICT_AS_OF, limit: 1000 },
    );
    expect(list.total).toBe(50);
    const lights = { green: 0, yellow: 0, red: 0, blue: 0 };
    for (const item of list.items) lights[item.light]++;
    expect(lights.red + lights.yellow).toBeGreaterThanOrEqual(Math.ceil(0.03 * 50));
    expect(lights.green).toBeGreaterThan(0);
    expect(lights.blue).toBeGreaterThan(0);
    expect(list.items.every((item) => item.progress >= 0 && item.progress <= 1)).toBe(true);
    expect(list.items.some((item) => item.coUnits.length > 0)).toBe(true);

    const unitPage = await listTasks(
      { id: admin.id, role: "admin", unitId: admin.unit_id },
      { asOf: DISTRICT_AS_OF, unitId: list.items[0]!.leadUnitId, limit: 5 },
    );
    expect(unitPage.total).toBeGreaterThan(0);
    expect(unitPage.items.length).toBeLessThanOrEqual(5);
  });

  it("works with the app: the dashboard sums up the plan", async () => {
    const dashboard = await getDashboard({ asOf: DISTRICT_AS_OF });
    const { plan } = dashboard;
    expect(plan.taskCount).toBe(50);
    expect(plan.lights.green + plan.lights.yellow + plan.lights.red + plan.lights.blue).toBe(50);
    expect(plan.progress).toBeGreaterThan(0.3);
    expect(plan.progress).toBeLessThan(1);
    expect(plan.timeProgress).toBeGreaterThan(plan.progress - 0.3);
    expect(dashboard.projects).toHaveLength(10);
    expect(dashboard.projects.reduce((sum, p) => sum + p.taskCount, 0)).toBe(50);
    expect(dashboard.units.length).toBeGreaterThan(5);
    expect(dashboard.trend.length).toBeGreaterThan(6);

    // Opened without a date, a past plan shows its last reported day: the district's today.
    const latest = await getDashboard({});
    expect(latest.asOf <= DISTRICT_AS_OF && latest.asOf >= "2023-11-01").toBe(true);
  });

  it("gives the same database for the same seed, and another for another seed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "district-"));
    try {
      const again = generateInto(path.join(dir, "again.db"), SMALL);
      expect(again).toBe(checksum(sqlite));
      const other = generateInto(path.join(dir, "other.db"), { ...SMALL, seed: 8 });
      expect(other).not.toBe(again);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a database that already holds data, and impossible counts", () => {
    expect(() => generateDistrict(sqlite, SMALL)).toThrow(/empty/);
    expect(() => generateDistrict(sqlite, { ...SMALL, indicators: 9 * 50 })).toThrow(/indicators/);
  });
});
