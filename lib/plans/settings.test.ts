import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { listTasks } from "@/lib/tasks/queries";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { resolvePlan } from "./queries";
import { updatePlanSettings } from "./settings";
import { planSettingsSchema } from "./settings-schema";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let cadre: Actor;
let leader: Actor;
let admin: Actor;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  admin = asActor(office.admin);
});

afterAll(closeTestDatabase);

let year = 2030;
/** A fresh plan with the default settings (25th; 10 and 30 points). */
const newPlan = () => insertPlan(db, { year: year++ });

const update = (actor: Actor, planId: number, value: Record<string, unknown>) =>
  updatePlanSettings(actor, planId, planSettingsSchema.parse(value));

const rowOf = (id: number) => db.select().from(plans).where(eq(plans.id, id)).get()!;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

describe("updatePlanSettings", () => {
  it("lets a leader change the thresholds and the reporting day, with an audit row", async () => {
    const plan = newPlan();
    expect(plan).toMatchObject({ reportingDay: 25, greenMaxGap: 10, yellowMaxGap: 30, version: 1 });
    const updated = await update(leader, plan.id, {
      version: 1,
      reportingDay: 20,
      greenMaxGap: 15,
      yellowMaxGap: 30,
    });
    expect(updated).toMatchObject({
      id: plan.id,
      reportingDay: 20,
      greenMaxGap: 15,
      yellowMaxGap: 30,
      version: 2,
    });
    expect(rowOf(plan.id)).toMatchObject({ reportingDay: 20, greenMaxGap: 15, version: 2 });
    // Only what changed is recorded.
    expect(auditRowsOf(db, "plan", plan.id)).toEqual([
      expect.objectContaining({
        action: "update",
        actorId: leader.id,
        before: { reportingDay: 25, greenMaxGap: 10 },
        after: { reportingDay: 20, greenMaxGap: 15 },
      }),
    ]);
  });

  it("lets an admin change them too, one at a time", async () => {
    const plan = newPlan();
    const updated = await update(admin, plan.id, { version: 1, yellowMaxGap: 40 });
    expect(updated).toMatchObject({ reportingDay: 25, greenMaxGap: 10, yellowMaxGap: 40 });
    expect(auditRowsOf(db, "plan", plan.id)).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        before: { yellowMaxGap: 30 },
        after: { yellowMaxGap: 40 },
      }),
    ]);
  });

  it("writes nothing when nothing changes", async () => {
    const plan = newPlan();
    const before = auditCount();
    const same = await update(leader, plan.id, { version: 1, reportingDay: 25, greenMaxGap: 10 });
    expect(same.version).toBe(1);
    expect(auditCount()).toBe(before);
  });

  it("refuses a cadre with 403, changing nothing", async () => {
    const plan = newPlan();
    const before = auditCount();
    const error = await refusal(
      update(cadre, plan.id, { version: 1, greenMaxGap: 5 }),
      "forbidden",
    );
    expect(error.status).toBe(403);
    expect(rowOf(plan.id)).toMatchObject({ greenMaxGap: 10, version: 1 });
    expect(auditCount()).toBe(before);
  });

  it("refuses a green gap above the yellow one, naming the field sent (400)", async () => {
    const plan = newPlan();
    const before = auditCount();
    const green = await refusal(
      update(leader, plan.id, { version: 1, greenMaxGap: 31 }),
      "validation_failed",
    );
    expect(green.status).toBe(400);
    expect(green.fields).toEqual({ greenMaxGap: "validation.thresholdOrder" });
    const yellow = await refusal(
      update(leader, plan.id, { version: 1, yellowMaxGap: 9.5 }),
      "validation_failed",
    );
    expect(yellow.fields).toEqual({ yellowMaxGap: "validation.thresholdOrder" });
    const both = await refusal(
      update(leader, plan.id, { version: 1, greenMaxGap: 50, yellowMaxGap: 40 }),
      "validation_failed",
    );
    expect(both.fields).toEqual({ greenMaxGap: "validation.thresholdOrder" });
    expect(rowOf(plan.id)).toMatchObject({ greenMaxGap: 10, yellowMaxGap: 30, version: 1 });
    expect(auditCount()).toBe(before);

    // Equal gaps are allowed: no yellow at all.
    expect(await update(leader, plan.id, { version: 1, greenMaxGap: 30 })).toMatchObject({
      greenMaxGap: 30,
      yellowMaxGap: 30,
    });
  });

  it("answers a stale version with 409, the plan as it is and who changed it", async () => {
    const plan = newPlan();
    await update(admin, plan.id, { version: 1, reportingDay: 15 });
    const before = auditCount();
    const error = await refusal(
      update(leader, plan.id, { version: 1, greenMaxGap: 5 }),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.details?.current).toMatchObject({
      id: plan.id,
      reportingDay: 15,
      greenMaxGap: 10,
      version: 2,
    });
    expect(error.details?.changedBy).toMatchObject({ id: admin.id });
    expect(rowOf(plan.id)).toMatchObject({ greenMaxGap: 10, version: 2 });
    expect(auditCount()).toBe(before);
  });

  it("answers a copy both stale and out of order with 409, not 400", async () => {
    const plan = newPlan();
    await update(admin, plan.id, { version: 1, yellowMaxGap: 40 });
    const error = await refusal(
      update(leader, plan.id, { version: 1, greenMaxGap: 50 }),
      "conflict",
    );
    expect(error.details?.current).toMatchObject({ yellowMaxGap: 40, version: 2 });
    expect(rowOf(plan.id)).toMatchObject({ greenMaxGap: 10, yellowMaxGap: 40, version: 2 });
  });

  it("is 404 for a plan that does not exist", async () => {
    await refusal(update(leader, 999_999, { version: 1, greenMaxGap: 5 }), "not_found");
  });

  it("changes the lights the task list shows", async () => {
    const plan = newPlan();
    const project = insertProject(db, { planId: plan.id });
    // Half its time gone on the as-of date, 30 % done: 20 points behind.
    const task = insertTask(db, {
      projectId: project.id,
      ownerId: cadre.id,
      leadUnitId: office.unit.id,
      startDate: `${plan.year}-03-01`,
      dueDate: `${plan.year}-03-11`,
    });
    insertEntry(db, {
      taskId: task.id,
      authorId: cadre.id,
      entryDate: `${plan.year}-03-05`,
      percent: 30,
    });
    const light = async () => {
      const { items } = await listTasks(leader, { planId: plan.id, asOf: `${plan.year}-03-06` });
      const item = items.find((t) => t.id === task.id)!;
      expect(item.timeProgress).toBeCloseTo(0.5, 10);
      expect(item.progress).toBeCloseTo(0.3, 10);
      return item.light;
    };
    expect(await light()).toBe("yellow");
    let version = 1;
    const set = async (value: Record<string, number>) => {
      version = (await update(leader, plan.id, { version, ...value })).version;
      return light();
    };
    // Exactly at the green threshold is green; just below it is not.
    expect(await set({ greenMaxGap: 20 })).toBe("green");
    expect(await set({ greenMaxGap: 19.9 })).toBe("yellow");
    // Exactly at the yellow threshold is yellow; just below it is red.
    expect(await set({ greenMaxGap: 10, yellowMaxGap: 20 })).toBe("yellow");
    expect(await set({ yellowMaxGap: 19.9 })).toBe("red");
    expect((await resolvePlan(plan.id)).version).toBe(5);
  });
});

describe("planSettingsSchema", () => {
  it("takes a reporting day of 1–28 and gaps of 0–100, with the version", () => {
    const ok = (value: object) => planSettingsSchema.safeParse({ version: 1, ...value }).success;
    expect(ok({ reportingDay: 1, greenMaxGap: 0, yellowMaxGap: 100 })).toBe(true);
    expect(ok({ reportingDay: 28 })).toBe(true);
    expect(ok({ reportingDay: 0 })).toBe(false);
    expect(ok({ reportingDay: 29 })).toBe(false);
    expect(ok({ reportingDay: 10.5 })).toBe(false);
    expect(ok({ greenMaxGap: -1 })).toBe(false);
    expect(ok({ yellowMaxGap: 100.5 })).toBe(false);
    expect(ok({ isCurrent: true })).toBe(false);
    expect(ok({ year: 2031 })).toBe(false);
    expect(planSettingsSchema.safeParse({ greenMaxGap: 5 }).success).toBe(false);
  });

  it("takes a title, calendar dates and a known IANA time zone", () => {
    const parse = (value: object) => planSettingsSchema.safeParse({ version: 1, ...value });
    expect(parse({ title: "改名", startDate: "2024-02-29", endDate: "2024-12-31" }).success).toBe(
      true,
    );
    expect(parse({ title: "  " }).success).toBe(false);
    expect(parse({ startDate: "2023-02-29" }).success).toBe(false);
    expect(parse({ endDate: "2023/12/31" }).success).toBe(false);
    expect(parse({ timeZone: "Europe/Berlin" }).data?.timeZone).toBe("Europe/Berlin");
    // Spelled as the runtime spells it.
    expect(parse({ timeZone: "asia/shanghai" }).data?.timeZone).toBe("Asia/Shanghai");
    for (const timeZone of ["Mars/Olympus", "+08:00", "", "Asia/Shanghai; drop"]) {
      const result = parse({ timeZone });
      expect(result.success, timeZone).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("validation.timeZone");
    }
  });
});

describe("updatePlanSettings: title, period and time zone", () => {
  it("lets a leader rename the plan, move its period and change its time zone, audited", async () => {
    const plan = newPlan();
    const updated = await update(leader, plan.id, {
      version: 1,
      title: "新名称",
      startDate: `${plan.year - 1}-12-01`,
      endDate: `${plan.year + 1}-01-31`,
      timeZone: "Asia/Urumqi",
      reportingDay: 25,
    });
    expect(updated).toMatchObject({
      title: "新名称",
      startDate: `${plan.year - 1}-12-01`,
      endDate: `${plan.year + 1}-01-31`,
      timeZone: "Asia/Urumqi",
      reportingDay: 25,
      year: plan.year,
      version: 2,
    });
    expect(auditRowsOf(db, "plan", plan.id)).toEqual([
      expect.objectContaining({
        action: "update",
        actorId: leader.id,
        before: {
          title: plan.title,
          startDate: `${plan.year}-01-01`,
          endDate: `${plan.year}-12-31`,
          timeZone: "Asia/Shanghai",
        },
        after: {
          title: "新名称",
          startDate: `${plan.year - 1}-12-01`,
          endDate: `${plan.year + 1}-01-31`,
          timeZone: "Asia/Urumqi",
        },
      }),
    ]);
  });

  it("refuses a start after the end, naming the date sent", async () => {
    const plan = newPlan();
    const before = auditCount();
    const end = await refusal(
      update(admin, plan.id, { version: 1, endDate: `${plan.year - 1}-12-31` }),
      "validation_failed",
    );
    expect(end.fields).toEqual({ endDate: "validation.periodOrder" });
    const start = await refusal(
      update(admin, plan.id, { version: 1, startDate: `${plan.year + 1}-01-01` }),
      "validation_failed",
    );
    expect(start.fields).toEqual({ startDate: "validation.periodOrder" });
    const both = await refusal(
      update(admin, plan.id, {
        version: 1,
        startDate: `${plan.year}-07-01`,
        endDate: `${plan.year}-06-30`,
        greenMaxGap: 50,
      }),
      "validation_failed",
    );
    expect(both.fields).toEqual({
      endDate: "validation.periodOrder",
      greenMaxGap: "validation.thresholdOrder",
    });
    // A one-day period is a period.
    expect(
      await update(admin, plan.id, {
        version: 1,
        startDate: `${plan.year}-07-01`,
        endDate: `${plan.year}-07-01`,
      }),
    ).toMatchObject({ startDate: `${plan.year}-07-01`, endDate: `${plan.year}-07-01` });
    expect(auditCount()).toBe(before + 1);
  });

  it("refuses a period that would leave a live task outside it; archived ones do not count", async () => {
    const plan = newPlan();
    const y = plan.year;
    const project = insertProject(db, { planId: plan.id });
    const base = { projectId: project.id, ownerId: cadre.id, leadUnitId: office.unit.id };
    insertTask(db, { ...base, startDate: `${y}-03-01`, dueDate: `${y}-06-30` });
    // Archived, or in an archived theme: outside any period they like.
    insertTask(db, {
      ...base,
      startDate: `${y}-01-01`,
      dueDate: `${y}-01-31`,
      archivedAt: new Date(),
    });
    const shelved = insertProject(db, { planId: plan.id, archivedAt: new Date() });
    insertTask(db, {
      ...base,
      projectId: shelved.id,
      startDate: `${y}-12-01`,
      dueDate: `${y}-12-31`,
    });
    const before = auditCount();

    const start = await refusal(
      update(leader, plan.id, { version: 1, startDate: `${y}-03-02` }),
      "validation_failed",
    );
    expect(start.status).toBe(400);
    expect(start.fields).toEqual({ startDate: "validation.periodExcludesTasks" });
    const end = await refusal(
      update(leader, plan.id, { version: 1, endDate: `${y}-06-29` }),
      "validation_failed",
    );
    expect(end.fields).toEqual({ endDate: "validation.periodExcludesTasks" });
    const both = await refusal(
      update(leader, plan.id, { version: 1, startDate: `${y}-04-01`, endDate: `${y}-05-31` }),
      "validation_failed",
    );
    expect(both.fields).toEqual({
      startDate: "validation.periodExcludesTasks",
      endDate: "validation.periodExcludesTasks",
    });
    expect(rowOf(plan.id)).toMatchObject({
      startDate: `${y}-01-01`,
      endDate: `${y}-12-31`,
      version: 1,
    });
    expect(auditCount()).toBe(before);

    // Exactly around the live task is fine.
    expect(
      await update(leader, plan.id, { version: 1, startDate: `${y}-03-01`, endDate: `${y}-06-30` }),
    ).toMatchObject({ startDate: `${y}-03-01`, endDate: `${y}-06-30`, version: 2 });
  });

  it("lets a period grow even while a task lies outside it, and leaves other edits alone", async () => {
    const plan = newPlan();
    const y = plan.year;
    const project = insertProject(db, { planId: plan.id });
    // A task already due after the plan's end (tasks are not held to the period when written).
    insertTask(db, {
      projectId: project.id,
      ownerId: cadre.id,
      leadUnitId: office.unit.id,
      startDate: `${y}-06-01`,
      dueDate: `${y + 1}-03-31`,
    });
    expect(await update(leader, plan.id, { version: 1, reportingDay: 10 })).toMatchObject({
      reportingDay: 10,
      version: 2,
    });
    expect(
      await update(leader, plan.id, { version: 2, startDate: `${y - 1}-12-01` }),
    ).toMatchObject({
      startDate: `${y - 1}-12-01`,
      version: 3,
    });
    // Narrowing the end further still is refused.
    const error = await refusal(
      update(leader, plan.id, { version: 3, endDate: `${y}-12-30` }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ endDate: "validation.periodExcludesTasks" });
  });

  it("refuses a cadre the new fields too (403)", async () => {
    const plan = newPlan();
    await refusal(update(cadre, plan.id, { version: 1, title: "改名" }), "forbidden");
    expect(rowOf(plan.id).title).toBe(plan.title);
  });
});
