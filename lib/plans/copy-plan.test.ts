import { asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditLog,
  indicatorReadings,
  indicators,
  plans,
  progressEntries,
  projects,
  taskCoUnits,
  tasks,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUnit,
  insertUser,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { carryIndicator, copyPlan, shiftYears } from "./copy-plan";
import { planCopySchema } from "./create-schema";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
});

afterAll(closeTestDatabase);

const copy = (actor: Actor, planId: number, value: Record<string, unknown>) =>
  copyPlan(actor, planId, planCopySchema.parse(value));

const projectsOf = (planId: number) =>
  db
    .select()
    .from(projects)
    .where(eq(projects.planId, planId))
    .orderBy(asc(projects.position))
    .all();
const tasksOf = (projectId: number) =>
  db.select().from(tasks).where(eq(tasks.projectId, projectId)).orderBy(asc(tasks.position)).all();
const indicatorsOf = (taskId: number) =>
  db
    .select()
    .from(indicators)
    .where(eq(indicators.taskId, taskId))
    .orderBy(asc(indicators.position))
    .all();
const coUnitsOf = (taskId: number) =>
  db
    .select({ unitId: taskCoUnits.unitId })
    .from(taskCoUnits)
    .where(eq(taskCoUnits.taskId, taskId))
    .all()
    .map((r) => r.unitId)
    .sort((a, b) => a - b);
const planCount = () => db.select({ n: count() }).from(plans).get()!.n;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

describe("shiftYears", () => {
  it("moves a date by whole years; 29 February lands on the 28th in a common year", () => {
    expect(shiftYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(shiftYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(shiftYears("2024-02-29", 76)).toBe("2100-02-28"); // 2100 is not a leap year
    expect(shiftYears("2023-02-28", 1)).toBe("2024-02-28");
    expect(shiftYears("2023-12-31", 1)).toBe("2024-12-31");
    expect(shiftYears("2024-03-01", -1)).toBe("2023-03-01");
  });
});

describe("carryIndicator", () => {
  it("starts from last year's final value, or the old baseline when never read", () => {
    const up = { baseline: 10, target: 50, direction: "increase" as const, decimals: 0 };
    expect(carryIndicator(up, 35)).toEqual({ baseline: 35, target: 50, retargeted: false });
    expect(carryIndicator(up, null)).toEqual({ baseline: 10, target: 50, retargeted: false });
  });

  it("gives a target reached or passed last year's step again from where it ended", () => {
    const estates = { baseline: 0, target: 3, direction: "increase" as const, decimals: 0 };
    expect(carryIndicator(estates, 3)).toEqual({ baseline: 3, target: 6, retargeted: true });
    expect(carryIndicator(estates, 4)).toEqual({ baseline: 4, target: 7, retargeted: true });
    const rate = { baseline: 0.1, target: 0.3, direction: "increase" as const, decimals: 1 };
    // 0.3 + 0.2 in floating point is 0.5000000000000001: kept to the indicator's decimals.
    expect(carryIndicator(rate, 0.3)).toEqual({ baseline: 0.3, target: 0.5, retargeted: true });
    const swaps = { baseline: 604, target: 312, direction: "decrease" as const, decimals: 0 };
    expect(carryIndicator(swaps, 283)).toEqual({ baseline: 283, target: 0, retargeted: true });
    expect(carryIndicator(swaps, 400)).toEqual({ baseline: 400, target: 312, retargeted: false });
  });
});

describe("copyPlan", () => {
  // A 2024 plan (a leap year) with live and archived things, readings that count and ones that
  // do not, copied into 2025.
  let source: ReturnType<typeof insertPlan>;
  let gone: ReturnType<typeof insertUser>;
  let deptA: ReturnType<typeof insertUnit>;
  let deptB: ReturnType<typeof insertUnit>;
  const t = {} as Record<"main" | "archived" | "done" | "long", ReturnType<typeof insertTask>>;

  beforeAll(() => {
    source = insertPlan(db, {
      year: 2024,
      title: "白杨街道2024年工作计划",
      reportingDay: 20,
      greenMaxGap: 15,
      yellowMaxGap: 35,
      timeZone: "Asia/Urumqi",
      isCurrent: true,
    });
    deptA = insertUnit(db, "党政办");
    deptB = insertUnit(db, "平安办");
    gone = insertUser(db, { unitId: office.unit.id, role: "cadre", username: "t-gone" });
    db.update(users).set({ active: false }).where(eq(users.id, gone.id)).run();

    const p1 = insertProject(db, {
      planId: source.id,
      title: "讲政治",
      description: "抓党建",
      leadLeaderId: office.leader.id,
    });
    const p2 = insertProject(db, {
      planId: source.id,
      title: "已归档板块",
      archivedAt: new Date(),
    });
    const p3 = insertProject(db, { planId: source.id, title: "惠民生" });
    const base = { ownerId: office.cadre.id, leadUnitId: office.unit.id };

    t.main = insertTask(db, {
      ...base,
      projectId: p1.id,
      title: "老旧小区改造",
      description: "华顺公寓、东海未名园、邻里中心",
      coUnitIds: [deptB.id, deptA.id],
      weight: 2,
      startDate: "2024-02-29",
      dueDate: "2024-12-31",
      status: "in_progress",
      indicators: [
        { name: "停车位", measureUnit: "个", baseline: 10, target: 50 },
        { name: "已归档指标", baseline: 0, target: 5, archivedAt: new Date() },
        {
          name: "投诉率",
          measureUnit: "%",
          baseline: 7,
          target: 3,
          direction: "decrease",
          decimals: 1,
        },
        { name: "改造小区", baseline: 0, target: 3 },
        {
          name: "蒲公英店铺",
          measureUnit: "家",
          baseline: 604,
          target: 312,
          direction: "decrease",
        },
      ],
    });
    t.archived = insertTask(db, {
      ...base,
      projectId: p1.id,
      title: "已归档任务",
      archivedAt: new Date(),
    });
    t.done = insertTask(db, {
      ...base,
      projectId: p1.id,
      ownerId: gone.id,
      title: "建设助餐点",
      weight: 1.5,
      startDate: "2024-03-01",
      dueDate: "2024-06-30",
      status: "completed",
      completedOn: "2024-06-28",
      completionNote: "提前完成",
    });
    insertTask(db, { ...base, projectId: p2.id, title: "归档板块里的任务" });
    t.long = insertTask(db, {
      ...base,
      projectId: p3.id,
      title: "跨年任务",
      startDate: "2024-09-01",
      dueDate: "2025-03-31",
      status: "blocked",
      blockedReason: "等资金",
    });

    const [parking, , , estates, shops] = t.main.indicators.map((i) => i.id) as number[];
    const entry = (entryDate: string, readings: Record<number, number>, extra = {}) =>
      insertEntry(db, {
        taskId: t.main.id,
        authorId: office.cadre.id,
        entryDate,
        readings,
        ...extra,
      });
    entry("2024-03-10", { [parking!]: 20 }, { reviewStatus: "approved" });
    // Pending still counts: it is the latest counting reading of the parking spaces.
    entry("2024-06-10", { [parking!]: 35, [shops!]: 283 });
    // Withdrawn and returned entries do not count, nor one after the plan's end.
    entry("2024-09-10", { [parking!]: 45 }, { withdrawnAt: new Date() });
    entry("2024-10-10", { [parking!]: 48 }, { reviewStatus: "returned", reviewReason: "核实" });
    entry("2024-11-30", { [estates!]: 3 });
    entry("2025-01-05", { [parking!]: 49, [estates!]: 4 });
    insertEntry(db, {
      taskId: t.done.id,
      authorId: gone.id,
      entryDate: "2024-06-28",
      percent: 100,
    });
  });

  it("copies the live structure into the new year, dates shifted, baselines from last year", async () => {
    const auditBefore = auditCount();
    const result = await copy(admin, source.id, { year: 2025 });

    expect(result).toMatchObject({
      year: 2025,
      title: "白杨街道2025年工作计划",
      startDate: "2025-01-01",
      endDate: "2025-12-31",
      timeZone: "Asia/Urumqi",
      reportingDay: 20,
      greenMaxGap: 15,
      yellowMaxGap: 35,
      isCurrent: false,
      version: 1,
      copied: { projects: 2, tasks: 3, indicators: 4 },
    });
    // The source stays the current plan, untouched.
    expect(db.select().from(plans).where(eq(plans.id, source.id)).get()).toMatchObject({
      isCurrent: true,
      version: 1,
    });

    // Projects: the archived one left out, positions closed up.
    const newProjects = projectsOf(result.id);
    expect(newProjects).toEqual([
      expect.objectContaining({
        position: 1,
        title: "讲政治",
        description: "抓党建",
        leadLeaderId: office.leader.id,
        archivedAt: null,
        version: 1,
      }),
      expect.objectContaining({ position: 2, title: "惠民生", leadLeaderId: null }),
    ]);

    // Tasks: not started, dates a year on (29 February → 28 February), owners kept even when
    // deactivated, co-units copied; the archived task left out.
    const [politics, livelihood] = newProjects;
    const politicsTasks = tasksOf(politics!.id);
    expect(politicsTasks).toEqual([
      expect.objectContaining({
        position: 1,
        title: "老旧小区改造",
        description: "华顺公寓、东海未名园、邻里中心",
        ownerId: office.cadre.id,
        leadUnitId: office.unit.id,
        weight: 2,
        startDate: "2025-02-28",
        dueDate: "2025-12-31",
        status: "not_started",
        blockedReason: null,
        completionNote: null,
        completedOn: null,
        version: 1,
        archivedAt: null,
      }),
      expect.objectContaining({
        position: 2,
        title: "建设助餐点",
        ownerId: gone.id,
        weight: 1.5,
        startDate: "2025-03-01",
        dueDate: "2025-06-30",
        status: "not_started",
        completionNote: null,
        completedOn: null,
      }),
    ]);
    const [main, done] = politicsTasks;
    expect(coUnitsOf(main!.id)).toEqual([deptA.id, deptB.id].sort((a, b) => a - b));
    expect(coUnitsOf(done!.id)).toEqual([]);
    expect(tasksOf(livelihood!.id)).toEqual([
      expect.objectContaining({
        position: 1,
        title: "跨年任务",
        startDate: "2025-09-01",
        dueDate: "2026-03-31",
        status: "not_started",
        blockedReason: null,
      }),
    ]);

    // Indicators: the archived one left out; each baseline is last year's final value (35, not
    // the withdrawn 45, the returned 48 or 2025's 49); never read → the old baseline; a target
    // reached or passed gets last year's step again.
    const newIndicators = indicatorsOf(main!.id);
    expect(
      newIndicators.map(
        ({ position, name, measureUnit, baseline, target, direction, decimals }) => ({
          position,
          name,
          measureUnit,
          baseline,
          target,
          direction,
          decimals,
        }),
      ),
    ).toEqual([
      {
        position: 1,
        name: "停车位",
        measureUnit: "个",
        baseline: 35,
        target: 50,
        direction: "increase",
        decimals: 0,
      },
      {
        position: 2,
        name: "投诉率",
        measureUnit: "%",
        baseline: 7,
        target: 3,
        direction: "decrease",
        decimals: 1,
      },
      {
        position: 3,
        name: "改造小区",
        measureUnit: "个",
        baseline: 3,
        target: 6,
        direction: "increase",
        decimals: 0,
      },
      {
        position: 4,
        name: "蒲公英店铺",
        measureUnit: "家",
        baseline: 283,
        target: 0,
        direction: "decrease",
        decimals: 0,
      },
    ]);
    expect(result.retargeted).toEqual([
      { id: newIndicators[2]!.id, taskId: main!.id, name: "改造小区", baseline: 3, target: 6 },
      { id: newIndicators[3]!.id, taskId: main!.id, name: "蒲公英店铺", baseline: 283, target: 0 },
    ]);

    // Nothing of the entries comes along.
    const newTaskIds = [main!.id, done!.id, tasksOf(livelihood!.id)[0]!.id];
    expect(
      db
        .select({ n: count() })
        .from(progressEntries)
        .where(inArray(progressEntries.taskId, newTaskIds))
        .get()!.n,
    ).toBe(0);
    expect(
      db
        .select({ n: count() })
        .from(indicatorReadings)
        .where(
          inArray(
            indicatorReadings.indicatorId,
            newIndicators.map((i) => i.id),
          ),
        )
        .get()!.n,
    ).toBe(0);

    // One audit row per thing written, all by the admin: the plan, 2 projects, 3 tasks, 4 indicators.
    expect(auditCount() - auditBefore).toBe(1 + 2 + 3 + 4);
    expect(auditRowsOf(db, "plan", result.id)).toEqual([
      expect.objectContaining({
        action: "create",
        actorId: admin.id,
        after: expect.objectContaining({ year: 2025, copiedFromPlanId: source.id }),
      }),
    ]);
    expect(auditRowsOf(db, "task", main!.id)).toEqual([
      expect.objectContaining({
        action: "create",
        actorId: admin.id,
        after: expect.objectContaining({
          startDate: "2025-02-28",
          coUnitIds: [deptA.id, deptB.id].sort((a, b) => a - b),
        }),
      }),
    ]);
    expect(auditRowsOf(db, "indicator", newIndicators[0]!.id)).toEqual([
      expect.objectContaining({
        action: "create",
        after: expect.objectContaining({ taskId: main!.id, baseline: 35, target: 50 }),
      }),
    ]);
  });

  it("keeps a leap day when the new year has one, and takes a title of one's own", async () => {
    const result = await copy(admin, source.id, { year: 2028, title: "二〇二八年计划" });
    expect(result).toMatchObject({
      title: "二〇二八年计划",
      startDate: "2028-01-01",
      isCurrent: false,
    });
    const [politics] = projectsOf(result.id);
    expect(tasksOf(politics!.id)[0]).toMatchObject({
      startDate: "2028-02-29",
      dueDate: "2028-12-31",
    });
  });

  it("refuses a year that already has a plan (400 on year), writing nothing", async () => {
    const [plansBefore, auditBefore] = [planCount(), auditCount()];
    const error = await refusal(copy(admin, source.id, { year: 2025 }), "validation_failed");
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ year: "validation.planYearTaken" });
    // The plan's own year too.
    const own = await refusal(copy(admin, source.id, { year: 2024 }), "validation_failed");
    expect(own.fields).toEqual({ year: "validation.planYearTaken" });
    expect([planCount(), auditCount()]).toEqual([plansBefore, auditBefore]);
  });

  it("refuses leaders and cadres with 403, and is 404 for a plan that does not exist", async () => {
    const plansBefore = planCount();
    for (const actor of [office.leader, office.cadre]) {
      const error = await refusal(copy(asActor(actor), source.id, { year: 2031 }), "forbidden");
      expect(error.status).toBe(403);
    }
    await refusal(copy(admin, 999_999, { year: 2031 }), "not_found");
    expect(planCount()).toBe(plansBefore);
  });

  it("copies an empty plan into an empty one", async () => {
    const empty = insertPlan(db, { year: 2040, title: "空计划" });
    const result = await copy(admin, empty.id, { year: 2041 });
    expect(result).toMatchObject({
      title: "2041年工作计划",
      copied: { projects: 0, tasks: 0, indicators: 0 },
      retargeted: [],
    });
    expect(projectsOf(result.id)).toEqual([]);
  });
});
