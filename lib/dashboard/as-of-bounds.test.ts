import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import {
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { assertAsOfWithinPlan, isAsOfWithinPlan } from "./as-of-bounds";
import { getDashboard } from "./queries";

/*
 * The dashboard's as-of date must fall within its plan's period: a date far away would run one
 * figures query per month of the trend (and 9999-12-31 broke the month arithmetic: a 500).
 * A plan of 2023-03-01 → 2023-10-31 with one task and one entry.
 */

let db: Db;
let planId: number;

const PERIOD = { startDate: "2023-03-01", endDate: "2023-10-31" };

beforeAll(() => {
  db = openTestDatabase();
  const office = insertOffice(db);
  planId = insertPlan(db, { year: 2023, isCurrent: true, ...PERIOD }).id;
  const projectId = insertProject(db, { planId, title: "惠民生" }).id;
  const task = insertTask(db, {
    projectId,
    ownerId: office.cadre.id,
    leadUnitId: office.unit.id,
    startDate: "2023-03-01",
    dueDate: "2023-10-31",
  });
  insertEntry(db, {
    taskId: task.id,
    authorId: office.cadre.id,
    entryDate: "2023-04-10",
    percent: 30,
  });
});

afterAll(closeTestDatabase);

describe("isAsOfWithinPlan / assertAsOfWithinPlan", () => {
  it("takes both ends of the period and every day between", () => {
    for (const asOf of ["2023-03-01", "2023-06-15", "2023-10-31"]) {
      expect(isAsOfWithinPlan(PERIOD, asOf)).toBe(true);
      expect(() => assertAsOfWithinPlan(PERIOD, asOf)).not.toThrow();
    }
  });

  it("refuses a day before the start or after the end with a 400 on asOf", () => {
    for (const asOf of ["2023-02-28", "2023-11-01", "0001-01-01", "9999-12-31"]) {
      expect(isAsOfWithinPlan(PERIOD, asOf)).toBe(false);
      let error: unknown;
      try {
        assertAsOfWithinPlan(PERIOD, asOf);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "validation_failed",
        status: 400,
        fields: { asOf: "validation.asOfOutsidePlan" },
      });
    }
  });
});

describe("getDashboard's as-of date", () => {
  it.each(["2023-02-28", "2022-12-31"])(
    "refuses %s, before the plan starts (400)",
    async (asOf) => {
      const error = await refusal(getDashboard({ planId, asOf }), "validation_failed");
      expect(error.status).toBe(400);
      expect(error.fields).toEqual({ asOf: "validation.asOfOutsidePlan" });
    },
  );

  it.each(["2023-11-01", "2024-06-30"])("refuses %s, after the plan ends (400)", async (asOf) => {
    const error = await refusal(getDashboard({ planId, asOf }), "validation_failed");
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ asOf: "validation.asOfOutsidePlan" });
  });

  it("refuses 9999-12-31 with a 400, not a 500", async () => {
    const error = await refusal(getDashboard({ planId, asOf: "9999-12-31" }), "validation_failed");
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ asOf: "validation.asOfOutsidePlan" });
  });

  it("takes the plan's first and last days", async () => {
    const first = await getDashboard({ planId, asOf: "2023-03-01" });
    expect(first.asOf).toBe("2023-03-01");
    expect(first.trend).toEqual([{ date: "2023-03-01", progress: 0, timeProgress: 0 }]);

    const last = await getDashboard({ planId, asOf: "2023-10-31" });
    expect(last.asOf).toBe("2023-10-31");
    expect(last.plan.progress).toBeCloseTo(0.3, 10);
    expect(last.trend.map((p) => p.date)).toEqual([
      "2023-03-31",
      "2023-04-30",
      "2023-05-31",
      "2023-06-30",
      "2023-07-31",
      "2023-08-31",
      "2023-09-30",
      "2023-10-31",
    ]);
  });

  it("checks no default date: the plan's own default is always shown", async () => {
    const dashboard = await getDashboard({ planId });
    expect(isAsOfWithinPlan(PERIOD, dashboard.asOf)).toBe(true);
  });
});
