import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/policy";
import { defaultAsOf } from "@/lib/plans/as-of";
import { resolvePlan } from "@/lib/plans/queries";
import {
  asActor,
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
import { getTask, listTasks, taskPlanId } from "./queries";
import type { TaskListQuery } from "./schemas";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let cadre: Actor;
let leader: Actor;
let colleague: Actor;
let unitA: number;
let unitB: number;
let unitC: number;
let unitD: number;
let planId: number;
let lastYearPlanId: number;
let p1: number;
let p2: number;
/** The main plan's live tasks, by name. */
const t = {} as Record<"t1" | "t2" | "t3" | "t4" | "t6" | "t7", number>;
let t1Indicators: { count: number; shops: number };
let archivedTaskId: number;
let taskOfArchivedProject: number;
let lastYearTask: number;

const AS_OF = "2023-06-30";

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  unitA = office.unit.id;
  unitB = insertUnit(db, "B科室").id;
  unitC = insertUnit(db, "C社区", "community").id;
  unitD = insertUnit(db, "D科室").id;
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  colleague = asActor(insertUser(db, { unitId: unitB, role: "cadre", username: "colleague" }));

  lastYearPlanId = insertPlan(db, { year: 2022 }).id;
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  p1 = insertProject(db, { planId, title: "讲政治" }).id;
  p2 = insertProject(db, { planId, title: "抓经济" }).id;
  const p3 = insertProject(db, { planId, title: "已归档板块", archivedAt: new Date() }).id;

  const t1 = insertTask(db, {
    projectId: p1,
    title: "改造华顺公寓",
    description: "老旧小区综合改造",
    ownerId: cadre.id,
    leadUnitId: unitB,
    status: "in_progress",
    indicators: [
      { target: 10, weight: 1 },
      { baseline: 604, target: 283, direction: "decrease", weight: 3 },
      // Archived: its readings never count.
      { target: 5, archivedAt: new Date() },
    ],
  });
  t.t1 = t1.id;
  t1Indicators = { count: t1.indicators[0]!.id, shops: t1.indicators[1]!.id };
  const archivedIndicator = t1.indicators[2]!.id;
  t.t2 = insertTask(db, {
    projectId: p1,
    title: "增设停车位",
    ownerId: colleague.id,
    leadUnitId: unitA,
    dueDate: "2023-05-31",
    status: "in_progress",
  }).id;
  t.t3 = insertTask(db, {
    projectId: p1,
    title: "完成率100%达标",
    description: "含_下划线",
    ownerId: colleague.id,
    leadUnitId: unitB,
    coUnitIds: [unitC, unitA],
  }).id;
  t.t4 = insertTask(db, {
    projectId: p1,
    title: "完成率1000件",
    ownerId: colleague.id,
    leadUnitId: unitB,
    coUnitIds: [unitC],
    status: "completed",
    completedOn: "2023-06-15",
  }).id;
  archivedTaskId = insertTask(db, {
    projectId: p1,
    title: "已归档任务 改造",
    ownerId: cadre.id,
    leadUnitId: unitA,
    archivedAt: new Date(),
  }).id;
  t.t6 = insertTask(db, {
    projectId: p2,
    title: "托育园建设",
    description: "a_b",
    ownerId: leader.id,
    leadUnitId: unitD,
    coUnitIds: [unitB],
    dueDate: "2023-09-30",
    status: "blocked",
    blockedReason: "选址未定",
  }).id;
  t.t7 = insertTask(db, {
    projectId: p2,
    title: "axb 项目",
    ownerId: colleague.id,
    leadUnitId: unitB,
    status: "in_progress",
  }).id;
  taskOfArchivedProject = insertTask(db, {
    projectId: p3,
    title: "归档板块的任务 改造",
    ownerId: cadre.id,
    leadUnitId: unitA,
  }).id;
  lastYearTask = insertTask(db, {
    projectId: insertProject(db, { planId: lastYearPlanId, title: "去年板块" }).id,
    title: "去年任务 改造",
    ownerId: cadre.id,
    leadUnitId: unitA,
    startDate: "2022-01-01",
    dueDate: "2022-12-31",
  }).id;

  const entry = (
    taskId: number,
    entryDate: string,
    values: Omit<Parameters<typeof insertEntry>[1], "taskId" | "authorId" | "entryDate"> = {},
  ) => insertEntry(db, { taskId, authorId: cadre.id, entryDate, ...values });

  // t1: 4 of 10 and 312 of 604 → 283 by 06-30; a withdrawn and a returned entry say more.
  entry(t.t1, "2023-06-01", {
    reviewStatus: "approved",
    readings: { [t1Indicators.count]: 4, [t1Indicators.shops]: 312, [archivedIndicator]: 5 },
  });
  entry(t.t1, "2023-06-20", { withdrawnAt: new Date(), readings: { [t1Indicators.count]: 9 } });
  entry(t.t1, "2023-06-25", { reviewStatus: "returned", readings: { [t1Indicators.count]: 8 } });
  entry(t.t1, "2023-07-10", { readings: { [t1Indicators.count]: 10, [t1Indicators.shops]: 283 } });
  // t2 (no indicators): 40 % on 05-01, 60 % on 07-05.
  entry(t.t2, "2023-05-01", { percent: 40 });
  entry(t.t2, "2023-07-05", { percent: 60 });
  // t7: 30 % — yellow against a 49 % time progress on 06-30.
  entry(t.t7, "2023-06-01", { percent: 10 });
  entry(t.t7, "2023-06-01", { percent: 30 });
  entry(t.t7, "2023-06-28", { percent: 90, withdrawnAt: new Date() });
  // Later than anything counting in the plan, but withdrawn.
  entry(t.t3, "2023-11-01", { percent: 50, withdrawnAt: new Date() });
  // Last year's plan.
  entry(lastYearTask, "2022-12-20", { percent: 100 });
});

afterAll(closeTestDatabase);

const list = (query: Partial<TaskListQuery>, actor: Actor = cadre) =>
  listTasks(actor, { asOf: AS_OF, ...query });

const ids = async (query: Partial<TaskListQuery>, actor: Actor = cadre) =>
  (await list(query, actor)).items.map((item) => item.id);

const PLAN_ORDER = () => [t.t1, t.t2, t.t3, t.t4, t.t6, t.t7];

describe("listTasks filters", () => {
  it("lists the live tasks of live projects of the current plan, in plan order", async () => {
    const result = await list({});
    expect(result.items.map((i) => i.id)).toEqual(PLAN_ORDER());
    expect(result).toMatchObject({ total: 6, asOf: AS_OF, planId });
    expect(result.items.map((i) => i.id)).not.toContain(archivedTaskId);
    expect(result.items.map((i) => i.id)).not.toContain(taskOfArchivedProject);
    expect(result.items.map((i) => i.id)).not.toContain(lastYearTask);
  });

  it("lists another plan's tasks when asked", async () => {
    expect(await ids({ planId: lastYearPlanId, asOf: "2022-12-31" })).toEqual([lastYearTask]);
  });

  it("shows each item's people, dates and figures", async () => {
    const { items } = await list({});
    const t3 = items.find((i) => i.id === t.t3)!;
    expect(t3).toMatchObject({
      projectId: p1,
      projectTitle: "讲政治",
      title: "完成率100%达标",
      ownerId: colleague.id,
      leadUnitId: unitB,
      leadUnitName: "B科室",
      coUnitIds: [unitA, unitC],
      startDate: "2023-01-01",
      dueDate: "2023-12-31",
      status: "not_started",
      weight: 1,
      progress: 0,
      timeProgress: 180 / 364,
      light: "red",
      overdue: false,
      archived: false,
      version: 1,
    });
    const t6 = items.find((i) => i.id === t.t6)!;
    expect(t6).toMatchObject({ status: "blocked", blockedReason: "选址未定", coUnitIds: [unitB] });
  });

  it("filters by project", async () => {
    expect(await ids({ projectId: p1 })).toEqual([t.t1, t.t2, t.t3, t.t4]);
    expect(await ids({ projectId: p2 })).toEqual([t.t6, t.t7]);
  });

  it("filters by unit, leading or working with the lead unit", async () => {
    expect(await ids({ unitId: unitA })).toEqual([t.t2, t.t3]);
    expect(await ids({ unitId: unitC })).toEqual([t.t3, t.t4]);
    expect(await ids({ unitId: unitB })).toEqual([t.t1, t.t3, t.t4, t.t6, t.t7]);
    expect(await ids({ unitId: unitD })).toEqual([t.t6]);
  });

  it("filters by owner and status", async () => {
    expect(await ids({ ownerId: colleague.id })).toEqual([t.t2, t.t3, t.t4, t.t7]);
    expect(await ids({ status: "in_progress" })).toEqual([t.t1, t.t2, t.t7]);
    expect(await ids({ status: "blocked" })).toEqual([t.t6]);
    expect(await ids({ ownerId: colleague.id, status: "in_progress" })).toEqual([t.t2, t.t7]);
  });

  it("filters by light and overdue as of the date", async () => {
    expect(await ids({ light: "green" })).toEqual([t.t1]);
    expect(await ids({ light: "yellow" })).toEqual([t.t7]);
    expect(await ids({ light: "red" })).toEqual([t.t2, t.t3, t.t6]);
    expect(await ids({ light: "blue" })).toEqual([t.t4]);
    expect(await ids({ overdue: true })).toEqual([t.t2]);
    expect(await ids({ overdue: false })).toEqual([t.t1, t.t3, t.t4, t.t6, t.t7]);
    // Before t4 was completed it was neither blue nor done; before t2 was due it was not late.
    expect(await ids({ light: "blue", asOf: "2023-06-14" })).toEqual([]);
    expect(await ids({ overdue: true, asOf: "2023-05-31" })).toEqual([]);
    expect(await ids({ overdue: true, asOf: "2023-10-01" })).toEqual([t.t2, t.t6]);
  });

  it("finds 'mine': owned, or whose lead unit or a co-unit is the caller's", async () => {
    expect(await ids({ mine: true }, cadre)).toEqual([t.t1, t.t2, t.t3]);
    expect(await ids({ mine: true }, leader)).toEqual([t.t2, t.t3, t.t6]);
    expect(await ids({ mine: true }, colleague)).toEqual([t.t1, t.t2, t.t3, t.t4, t.t6, t.t7]);
    expect(await ids({ mine: false }, cadre)).toEqual(PLAN_ORDER());
    expect(await ids({ mine: true, status: "not_started" }, cadre)).toEqual([t.t3]);
  });

  it("searches title and description, taking % and _ literally", async () => {
    expect(await ids({ q: "改造" })).toEqual([t.t1]);
    expect(await ids({ q: "老旧小区" })).toEqual([t.t1]);
    expect(await ids({ q: "  停车  " })).toEqual([t.t2]);
    expect(await ids({ q: "100%" })).toEqual([t.t3]);
    expect(await ids({ q: "%" })).toEqual([t.t3]);
    expect(await ids({ q: "完成率100" })).toEqual([t.t3, t.t4]);
    expect(await ids({ q: "_" })).toEqual([t.t3, t.t6]);
    expect(await ids({ q: "a_b" })).toEqual([t.t6]);
    expect(await ids({ q: "AXB" })).toEqual([t.t7]);
    expect(await ids({ q: "\\" })).toEqual([]);
    expect(await ids({ q: "" })).toEqual(PLAN_ORDER());
  });
});

describe("listTasks sorting and paging", () => {
  it("sorts by due date, progress, title, status and light, ties in plan order", async () => {
    expect(await ids({ sort: "dueDate" })).toEqual([t.t2, t.t6, t.t1, t.t3, t.t4, t.t7]);
    expect(await ids({ sort: "dueDate", order: "desc" })).toEqual([
      t.t1,
      t.t3,
      t.t4,
      t.t7,
      t.t6,
      t.t2,
    ]);
    expect(await ids({ sort: "progress" })).toEqual([t.t3, t.t6, t.t7, t.t2, t.t1, t.t4]);
    expect(await ids({ sort: "progress", order: "desc" })).toEqual([
      t.t4,
      t.t1,
      t.t2,
      t.t7,
      t.t3,
      t.t6,
    ]);
    expect(await ids({ sort: "title" })).toEqual([t.t1, t.t6, t.t3, t.t4, t.t2, t.t7]);
    expect(await ids({ sort: "status" })).toEqual([t.t6, t.t3, t.t1, t.t2, t.t7, t.t4]);
    expect(await ids({ sort: "light" })).toEqual([t.t2, t.t3, t.t6, t.t7, t.t1, t.t4]);
  });

  it("sorts by plan position, either way", async () => {
    expect(await ids({ sort: "position" })).toEqual(PLAN_ORDER());
    expect(await ids({ sort: "position", order: "desc" })).toEqual(PLAN_ORDER().reverse());
    expect(await ids({ order: "desc" })).toEqual(PLAN_ORDER().reverse());
  });

  it("pages after filtering and sorting, with the total of all matches", async () => {
    expect(await list({ limit: 2 })).toMatchObject({ total: 6 });
    expect(await ids({ limit: 2 })).toEqual([t.t1, t.t2]);
    expect(await ids({ limit: 2, offset: 2 })).toEqual([t.t3, t.t4]);
    expect(await ids({ limit: 2, offset: 5 })).toEqual([t.t7]);
    const beyond = await list({ limit: 10, offset: 50 });
    expect(beyond).toMatchObject({ items: [], total: 6 });
    const sorted = await list({ sort: "dueDate", limit: 2, offset: 1, ownerId: colleague.id });
    expect(sorted.items.map((i) => i.id)).toEqual([t.t3, t.t4]);
    expect(sorted.total).toBe(4);
  });
});

describe("figures as of a date", () => {
  it("uses only counting readings on or before the date, and weights the indicators", async () => {
    const before = await getTask(t.t1, AS_OF);
    const [count, shops] = before.indicators;
    // The withdrawn 9 and the returned 8 never count; the 07-10 readings are not there yet;
    // the archived indicator is not shown.
    expect(before.indicators).toHaveLength(2);
    expect(count).toMatchObject({ id: t1Indicators.count, current: 4, progress: 0.4 });
    expect(shops).toMatchObject({
      id: t1Indicators.shops,
      unit: "个",
      baseline: 604,
      target: 283,
      direction: "decrease",
      current: 312,
    });
    expect(shops!.progress).toBeCloseTo(292 / 321, 12);
    expect(before.progress).toBeCloseTo((0.4 + 3 * (292 / 321)) / 4, 12);
    expect(before).toMatchObject({ asOf: AS_OF, light: "green", status: "in_progress" });

    const after = await getTask(t.t1, "2023-07-10");
    expect(after.indicators.map((i) => i.current)).toEqual([10, 283]);
    expect(after.progress).toBe(1);

    const early = await getTask(t.t1, "2023-05-31");
    expect(early.indicators.map((i) => i.current)).toEqual([null, null]);
    expect(early.progress).toBe(0);
  });

  it("uses the latest reported percent for a task without indicators", async () => {
    expect(await getTask(t.t2, "2023-04-30")).toMatchObject({ percent: null, progress: 0 });
    expect(await getTask(t.t2, AS_OF)).toMatchObject({ percent: 40, progress: 0.4 });
    expect(await getTask(t.t2, "2023-07-05")).toMatchObject({ percent: 60, progress: 0.6 });
    // Two entries on one day: the later one; a withdrawn later one does not count.
    expect(await getTask(t.t7, AS_OF)).toMatchObject({ percent: 30, progress: 0.3 });
    expect((await getTask(t.t7, AS_OF)).light).toBe("yellow");
  });

  it("is not blue, nor done, before the day a task was completed", async () => {
    const before = await getTask(t.t4, "2023-06-14");
    expect(before).toMatchObject({ status: "completed", progress: 0 });
    expect(before.light).not.toBe("blue");
    expect(await getTask(t.t4, "2023-06-15")).toMatchObject({ progress: 1, light: "blue" });
  });

  it("makes a task completed after its due date late until the day it was completed", async () => {
    const late = insertTask(db, {
      projectId: insertProject(db, { planId: lastYearPlanId, title: "迟完成" }).id,
      ownerId: cadre.id,
      leadUnitId: unitA,
      startDate: "2022-03-01",
      dueDate: "2022-06-01",
      status: "completed",
      completedOn: "2022-06-15",
    });
    expect(await getTask(late.id, "2022-06-10")).toMatchObject({ light: "red", overdue: true });
    expect(await getTask(late.id, "2022-06-15")).toMatchObject({ light: "blue", overdue: false });
  });

  it("gives time progress from the task's own period", async () => {
    expect((await getTask(t.t6, AS_OF)).timeProgress).toBeCloseTo(180 / 272, 12);
    expect((await getTask(t.t6, "2022-12-31")).timeProgress).toBe(0);
    expect((await getTask(t.t6, "2023-12-31")).timeProgress).toBe(1);
  });
});

describe("getTask and the small lookups", () => {
  it("shows an archived task, and answers 404 for one that does not exist", async () => {
    expect(await getTask(archivedTaskId, AS_OF)).toMatchObject({
      id: archivedTaskId,
      archived: true,
    });
    await expect(getTask(987_654, AS_OF)).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives a task's plan", async () => {
    expect(await taskPlanId(t.t3)).toBe(planId);
    expect(await taskPlanId(lastYearTask)).toBe(lastYearPlanId);
    await expect(taskPlanId(987_654)).rejects.toMatchObject({ status: 404 });
  });
});

describe("defaultAsOf", () => {
  it("is today in the office's zone while the plan runs", async () => {
    const plan = await resolvePlan(planId);
    // 06-30 20:00 UTC is 07-01 in Shanghai (and still 06-30 in the test's Los Angeles zone).
    expect(await defaultAsOf(plan, new Date("2023-06-30T20:00:00Z"))).toBe("2023-07-01");
    expect(await defaultAsOf(plan, new Date("2023-12-31T15:59:59Z"))).toBe("2023-12-31");
    // Before the plan starts, still today.
    expect(await defaultAsOf(plan, new Date("2022-12-01T04:00:00Z"))).toBe("2022-12-01");
  });

  it("is the last day anything counting was reported once the plan is over", async () => {
    const plan = await resolvePlan(planId);
    // 12-31 16:00 UTC is already 2024 in Shanghai: the plan is over. The withdrawn 11-01 entry
    // does not count, so the last day is t1's 07-10.
    expect(await defaultAsOf(plan, new Date("2023-12-31T16:00:00Z"))).toBe("2023-07-10");
    expect(await defaultAsOf(await resolvePlan(lastYearPlanId), new Date("2024-03-01"))).toBe(
      "2022-12-20",
    );
  });

  it("is the plan's end when nothing was reported, or only after it", async () => {
    const empty = insertPlan(db, { year: 2021 });
    const plan = await resolvePlan(empty.id);
    expect(await defaultAsOf(plan, new Date("2024-03-01"))).toBe("2021-12-31");
    const task = insertTask(db, {
      projectId: insertProject(db, { planId: empty.id }).id,
      ownerId: cadre.id,
      leadUnitId: unitA,
      startDate: "2021-01-01",
      dueDate: "2021-12-31",
    });
    insertEntry(db, { taskId: task.id, authorId: cadre.id, entryDate: "2022-01-05", percent: 100 });
    expect(await defaultAsOf(plan, new Date("2024-03-01"))).toBe("2021-12-31");
  });

  it("is what listTasks and getTask use when no date is given", async () => {
    const plan = await resolvePlan(planId);
    const expected = await defaultAsOf(plan);
    expect((await listTasks(cadre, {})).asOf).toBe(expected);
    expect((await getTask(t.t1)).asOf).toBe(expected);
    // The plan is over by now, so that is its last reported day.
    expect(expected).toBe("2023-07-10");
  });
});
