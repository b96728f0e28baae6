import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { createPlan, planTitleFor } from "./create-plan";
import { planCreateSchema } from "./create-schema";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
});

afterAll(closeTestDatabase);

const create = (actor: Actor, value: Record<string, unknown>) =>
  createPlan(actor, planCreateSchema.parse(value));
const planCount = () => db.select({ n: count() }).from(plans).get()!.n;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

describe("planTitleFor", () => {
  it("replaces the template's year, or says the year's plan", () => {
    expect(planTitleFor(2024, { year: 2023, title: "白杨街道2023年工作计划" })).toBe(
      "白杨街道2024年工作计划",
    );
    expect(planTitleFor(2024, { year: 2023, title: "街道工作要点" })).toBe("2024年工作计划");
    expect(planTitleFor(2024)).toBe("2024年工作计划");
  });
});

describe("createPlan", () => {
  it("says the year's plan with the default settings when there is no plan yet", async () => {
    const plan = await create(admin, { year: 2022 });
    expect(plan).toMatchObject({
      year: 2022,
      title: "2022年工作计划",
      startDate: "2022-01-01",
      endDate: "2022-12-31",
      timeZone: "Asia/Shanghai",
      reportingDay: 25,
      greenMaxGap: 10,
      yellowMaxGap: 30,
      isCurrent: false,
      version: 1,
    });
  });

  it("takes the current plan's title and settings, never becoming current itself", async () => {
    const current = insertPlan(db, {
      year: 2023,
      title: "白杨街道2023年工作计划",
      reportingDay: 20,
      greenMaxGap: 5,
      yellowMaxGap: 25,
      timeZone: "Asia/Urumqi",
      isCurrent: true,
    });
    const plan = await create(admin, { year: 2024 });
    expect(plan).toMatchObject({
      year: 2024,
      title: "白杨街道2024年工作计划",
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      timeZone: "Asia/Urumqi",
      reportingDay: 20,
      greenMaxGap: 5,
      yellowMaxGap: 25,
      isCurrent: false,
    });
    expect(db.select().from(plans).where(eq(plans.id, current.id)).get()!.isCurrent).toBe(true);
    expect(auditRowsOf(db, "plan", plan.id)).toEqual([
      expect.objectContaining({
        action: "create",
        actorId: admin.id,
        after: {
          year: 2024,
          title: "白杨街道2024年工作计划",
          startDate: "2024-01-01",
          endDate: "2024-12-31",
          timeZone: "Asia/Urumqi",
          reportingDay: 20,
          greenMaxGap: 5,
          yellowMaxGap: 25,
        },
      }),
    ]);
  });

  it("takes what it is given", async () => {
    const plan = await create(admin, {
      year: 2025,
      title: " 2025年工作要点 ",
      startDate: "2025-03-01",
      endDate: "2026-02-28",
      timeZone: "asia/shanghai",
      reportingDay: 28,
      greenMaxGap: 0,
      yellowMaxGap: 0,
    });
    expect(plan).toMatchObject({
      title: "2025年工作要点",
      startDate: "2025-03-01",
      endDate: "2026-02-28",
      timeZone: "Asia/Shanghai",
      reportingDay: 28,
      greenMaxGap: 0,
      yellowMaxGap: 0,
    });
  });

  it("refuses a second plan for a year, a period out of order and crossed thresholds (400)", async () => {
    const [plansBefore, auditBefore] = [planCount(), auditCount()];
    const taken = await refusal(
      create(admin, { year: 2024, title: "又一个" }),
      "validation_failed",
    );
    expect(taken.status).toBe(400);
    expect(taken.fields).toEqual({ year: "validation.planYearTaken" });
    const order = await refusal(
      create(admin, { year: 2030, startDate: "2030-06-01", endDate: "2030-05-31" }),
      "validation_failed",
    );
    expect(order.fields).toEqual({ endDate: "validation.periodOrder" });
    // Only a start given, after the default end: the start is named.
    const start = await refusal(
      create(admin, { year: 2030, startDate: "2031-01-01" }),
      "validation_failed",
    );
    expect(start.fields).toEqual({ startDate: "validation.periodOrder" });
    // The current plan's yellow gap is 25.
    const gaps = await refusal(create(admin, { year: 2030, greenMaxGap: 26 }), "validation_failed");
    expect(gaps.fields).toEqual({ greenMaxGap: "validation.thresholdOrder" });
    expect([planCount(), auditCount()]).toEqual([plansBefore, auditBefore]);
  });

  it("refuses leaders and cadres with 403", async () => {
    const before = planCount();
    for (const user of [office.leader, office.cadre]) {
      const error = await refusal(create(asActor(user), { year: 2031 }), "forbidden");
      expect(error.status).toBe(403);
    }
    expect(planCount()).toBe(before);
  });
});

describe("planCreateSchema", () => {
  it("takes a year from 2000 to 2999 and a known time zone", () => {
    const ok = (value: object) => planCreateSchema.safeParse(value).success;
    expect(ok({ year: 2000 })).toBe(true);
    expect(ok({ year: 2999, timeZone: "Europe/Berlin" })).toBe(true);
    expect(ok({ year: 1999 })).toBe(false);
    expect(ok({ year: 3000 })).toBe(false);
    expect(ok({ year: 2024.5 })).toBe(false);
    expect(ok({ year: "2024" })).toBe(false);
    expect(ok({ year: 2024, timeZone: "Mars/Olympus" })).toBe(false);
    expect(ok({ year: 2024, timeZone: "+08:00" })).toBe(false);
    expect(ok({ year: 2024, startDate: "2024-02-30" })).toBe(false);
    expect(ok({ year: 2024, title: "  " })).toBe(false);
    expect(ok({ year: 2024, isCurrent: true })).toBe(false);
  });
});
