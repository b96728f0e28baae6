import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { units, urges } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { defaultAsOf } from "@/lib/plans/as-of";
import { resolvePlan } from "@/lib/plans/queries";
import { aggregateProgress, LIGHTS } from "@/lib/progress";
import { listTasks, type TaskItem } from "@/lib/tasks/queries";
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
import { addDays, monthEnd, monthStarts, reportingMonths, trendDates } from "./months";
import { getDashboard } from "./queries";
import { dashboardQuerySchema } from "./schemas";

/*
 * A small plan whose dashboard is worked out by hand below. Plan 2023 (01-01 → 12-31), reporting
 * day 25, default thresholds (green ≤ 10, yellow ≤ 30 points). As of 2023-04-20:
 *
 * project P1 讲政治 (lead leader 王书记)
 *   A 改造华顺公寓  lead U1, owner 张三, weight 2, 01-20 → 05-20 (120 days, 90 elapsed: tp 0.75)
 *       I1 increase 0 → 10, weight 1; I2 decrease 600 → 200, weight 3
 *       01-22 I1 2, I2 600 | 02-26 I1 4, I2 500 | 03-10 I1 6, I2 300
 *       04-18 I1 10, I2 200 WITHDRAWN | 04-19 I1 10, I2 200 RETURNED (neither counts)
 *       progress = (1 × 6/10 + 3 × (600 − 300)/400) / 4 = (0.6 + 2.25) / 4 = 0.7125
 *       gap 75 − 71.25 = 3.75 → green; due soon
 *   B 增设停车位    lead U2 (co-unit U1), owner 李四, 03-21 → 05-20 (60 days, 30 elapsed: tp 0.5)
 *       03-22 10 % | 04-05 15 % → progress 0.15, gap 35 → red; due in exactly 30 days → due soon
 *       urged twice
 *   F 拆除违建      lead U3, owner 王五, 02-19 → 04-20 (due today: tp 1)
 *       02-20 50 % | 03-26 80 % → progress 0.8, gap 20 → yellow (not red: due today is not late)
 *       due soon
 *   G (archived) lead U4, an entry and 3 urges — counts nowhere
 * project P2 抓经济 (no lead leader)
 *   C 加装电梯      lead U1, owner 张三, completed on 03-15, 01-10 → 07-29 (200 days, 100 elapsed:
 *       tp 0.5); 01-10 50 % | 03-15 100 % → blue, progress 1
 *   D 清理违建      lead U3, owner 王五, 01-01 → 04-01 (90 days; past due: tp 1)
 *       01-25 80 % | 02-10 100 % WITHDRAWN | 03-05 100 % RETURNED | 04-10 90 %
 *       progress 0.9, gap 10 but past due → red, overdue; urged once
 *   E 民生实事      lead U5, owner 赵六, not started, 05-01 → 06-30: tp 0, progress 0 → green
 * project P3 惠民生: no tasks. Project P4 (archived) has a task H led by U4: counts nowhere.
 * Plan 2022 has a task led by U1: counts nowhere in 2023.
 *
 * Task weights: A 2, the others 1 (total 7).
 *
 * 未填报 as of 04-20 is judged by March's deadline (03-25, the 25th of April not having passed):
 * every begun task has a counting entry since 03-01, so none is. As of 04-26 it is April's: A (its
 * April entries are withdrawn and returned) and F (no April entry) are.
 */

let db: Db;
let leader: Actor;
let planId: number;
let lastYearPlanId: number;
const u = {} as Record<"u1" | "u2" | "u3" | "u4" | "u5", number>;
const people = {} as Record<"zhang" | "li" | "wang" | "zhao", number>;
const p = {} as Record<"p1" | "p2" | "p3" | "p4", number>;
const t = {} as Record<"a" | "b" | "c" | "d" | "e" | "f" | "g" | "h", number>;

const AS_OF = "2023-04-20";

beforeAll(() => {
  db = openTestDatabase();
  insertOffice(db);
  u.u1 = insertUnit(db, "党建办").id;
  u.u2 = insertUnit(db, "经发办").id;
  u.u3 = insertUnit(db, "东海社区", "community").id;
  u.u4 = insertUnit(db, "综治办").id;
  u.u5 = insertUnit(db, "西湖社区", "community").id;
  // Unit order: U3, U1, U2, U5 (U4 leads only archived work).
  const positions = { u3: 1, u1: 2, u2: 3, u4: 4, u5: 5 } as const;
  for (const [key, position] of Object.entries(positions)) {
    db.update(units)
      .set({ position })
      .where(eq(units.id, u[key as keyof typeof u]))
      .run();
  }
  const user = (username: string, displayName: string, unitId: number, role = "cadre" as const) =>
    insertUser(db, { unitId, role, username, displayName });
  leader = asActor(
    insertUser(db, { unitId: u.u1, role: "leader", username: "wang-sj", displayName: "王书记" }),
  );
  people.zhang = user("zhang", "张三", u.u1).id;
  people.li = user("li", "李四", u.u2).id;
  people.wang = user("wang", "王五", u.u3).id;
  people.zhao = user("zhao", "赵六", u.u5).id;

  lastYearPlanId = insertPlan(db, { year: 2022 }).id;
  planId = insertPlan(db, { year: 2023, isCurrent: true, reportingDay: 25 }).id;
  p.p1 = insertProject(db, { planId, title: "讲政治", leadLeaderId: leader.id }).id;
  p.p2 = insertProject(db, { planId, title: "抓经济" }).id;
  p.p3 = insertProject(db, { planId, title: "惠民生" }).id;
  p.p4 = insertProject(db, { planId, title: "已归档", archivedAt: new Date() }).id;

  const a = insertTask(db, {
    projectId: p.p1,
    title: "改造华顺公寓",
    ownerId: people.zhang,
    leadUnitId: u.u1,
    weight: 2,
    status: "in_progress",
    startDate: "2023-01-20",
    dueDate: "2023-05-20",
    indicators: [
      { baseline: 0, target: 10, weight: 1 },
      { baseline: 600, target: 200, direction: "decrease", weight: 3 },
    ],
  });
  t.a = a.id;
  t.b = insertTask(db, {
    projectId: p.p1,
    title: "增设停车位",
    ownerId: people.li,
    leadUnitId: u.u2,
    coUnitIds: [u.u1],
    status: "in_progress",
    startDate: "2023-03-21",
    dueDate: "2023-05-20",
  }).id;
  t.f = insertTask(db, {
    projectId: p.p1,
    title: "拆除违建",
    ownerId: people.wang,
    leadUnitId: u.u3,
    status: "in_progress",
    startDate: "2023-02-19",
    dueDate: "2023-04-20",
  }).id;
  t.g = insertTask(db, {
    projectId: p.p1,
    title: "已归档任务",
    ownerId: people.zhang,
    leadUnitId: u.u4,
    archivedAt: new Date(),
    startDate: "2023-01-01",
    dueDate: "2023-02-01",
  }).id;
  t.c = insertTask(db, {
    projectId: p.p2,
    title: "加装电梯",
    ownerId: people.zhang,
    leadUnitId: u.u1,
    status: "completed",
    completedOn: "2023-03-15",
    startDate: "2023-01-10",
    dueDate: "2023-07-29",
  }).id;
  t.d = insertTask(db, {
    projectId: p.p2,
    title: "清理违建",
    ownerId: people.wang,
    leadUnitId: u.u3,
    status: "in_progress",
    startDate: "2023-01-01",
    dueDate: "2023-04-01",
  }).id;
  t.e = insertTask(db, {
    projectId: p.p2,
    title: "民生实事",
    ownerId: people.zhao,
    leadUnitId: u.u5,
    startDate: "2023-05-01",
    dueDate: "2023-06-30",
  }).id;
  t.h = insertTask(db, {
    projectId: p.p4,
    title: "归档板块的任务",
    ownerId: people.zhang,
    leadUnitId: u.u4,
    startDate: "2023-01-01",
    dueDate: "2023-02-01",
  }).id;
  const lastYearTask = insertTask(db, {
    projectId: insertProject(db, { planId: lastYearPlanId, title: "去年板块" }).id,
    title: "去年任务",
    ownerId: people.zhang,
    leadUnitId: u.u1,
    startDate: "2022-01-01",
    dueDate: "2022-12-31",
  }).id;

  const entry = (
    taskId: number,
    entryDate: string,
    values: Omit<Parameters<typeof insertEntry>[1], "taskId" | "authorId" | "entryDate"> = {},
  ) => insertEntry(db, { taskId, authorId: people.zhang, entryDate, ...values });
  const [i1, i2] = a.indicators.map((i) => i.id) as [number, number];
  entry(t.a, "2023-01-22", { reviewStatus: "approved", readings: { [i1]: 2, [i2]: 600 } });
  entry(t.a, "2023-02-26", { readings: { [i1]: 4, [i2]: 500 } });
  entry(t.a, "2023-03-10", { readings: { [i1]: 6, [i2]: 300 } });
  entry(t.a, "2023-04-18", { withdrawnAt: new Date(), readings: { [i1]: 10, [i2]: 200 } });
  entry(t.a, "2023-04-19", { reviewStatus: "returned", readings: { [i1]: 10, [i2]: 200 } });
  entry(t.b, "2023-03-22", { percent: 10 });
  entry(t.b, "2023-04-05", { percent: 15 });
  entry(t.f, "2023-02-20", { percent: 50 });
  entry(t.f, "2023-03-26", { percent: 80 });
  entry(t.c, "2023-01-10", { percent: 50 });
  entry(t.c, "2023-03-15", { percent: 100 });
  entry(t.d, "2023-01-25", { percent: 80 });
  entry(t.d, "2023-02-10", { percent: 100, withdrawnAt: new Date() });
  entry(t.d, "2023-03-05", { percent: 100, reviewStatus: "returned" });
  entry(t.d, "2023-04-10", { percent: 90 });
  entry(t.g, "2023-01-15", { percent: 100 });
  entry(t.h, "2023-01-15", { percent: 100 });
  entry(lastYearTask, "2022-12-20", { percent: 100 });

  const urge = (taskId: number, recipientId: number) =>
    db.insert(urges).values({ taskId, authorId: leader.id, recipientId }).run();
  urge(t.b, people.li);
  urge(t.b, people.li);
  urge(t.d, people.wang);
  for (let i = 0; i < 3; i++) urge(t.g, people.zhang);
});

afterAll(closeTestDatabase);

const lights = (green: number, yellow: number, red: number, blue: number) => ({
  green,
  yellow,
  red,
  blue,
});

describe("getDashboard on a hand-built plan", () => {
  it("sums up the plan: progress against time, lights, overdue, not reported, due soon", async () => {
    const dashboard = await getDashboard({ planId, asOf: AS_OF });
    expect(dashboard.planId).toBe(planId);
    expect(dashboard.asOf).toBe(AS_OF);
    const { plan } = dashboard;
    expect(plan).toMatchObject({
      id: planId,
      title: "2023年工作计划",
      startDate: "2023-01-01",
      endDate: "2023-12-31",
      reportingDay: 25,
      thresholds: { greenMaxGap: 10, yellowMaxGap: 30 },
      taskCount: 6, // A B F C D E (not G, archived; not H, archived project; not last year's)
      lights: lights(2, 1, 2, 1), // green A E; yellow F; red B D; blue C
      overdue: 1, // D
      notReported: 0, // every begun task has an entry since March's deadline month began
      dueSoon: 3, // F (today), A and B (05-20, exactly 30 days on)
    });
    // (2 × 0.7125 + 0.15 + 0.8 + 1 + 0.9 + 0) / 7 = (1.425 + 2.85) / 7
    expect(plan.progress).toBeCloseTo(4.275 / 7, 12);
    // (2 × 0.75 + 0.5 + 1 + 0.5 + 1 + 0) / 7
    expect(plan.timeProgress).toBeCloseTo(4.5 / 7, 12);
    // 01-01 → 04-20 is 109 days of 364.
    expect(plan.periodProgress).toBeCloseTo(109 / 364, 12);
  });

  it("gives every live project, in plan order, even one without tasks", async () => {
    const { projects } = await getDashboard({ planId, asOf: AS_OF });
    expect(projects.map((x) => x.id)).toEqual([p.p1, p.p2, p.p3]);
    const [p1, p2, p3] = projects;
    // P1: A (w 2), B, F — weights 4.
    expect(p1).toMatchObject({
      title: "讲政治",
      leadLeaderName: "王书记",
      taskCount: 3,
      lights: lights(1, 1, 1, 0),
      notReported: 0,
      overdue: 0,
    });
    expect(p1!.progress).toBeCloseTo((2 * 0.7125 + 0.15 + 0.8) / 4, 12); // 0.59375
    expect(p1!.timeProgress).toBeCloseTo((2 * 0.75 + 0.5 + 1) / 4, 12); // 0.75
    // P2: C, D, E.
    expect(p2).toMatchObject({
      title: "抓经济",
      leadLeaderName: null,
      taskCount: 3,
      lights: lights(1, 0, 1, 1),
      notReported: 0,
      overdue: 1,
    });
    expect(p2!.progress).toBeCloseTo((1 + 0.9 + 0) / 3, 12);
    expect(p2!.timeProgress).toBeCloseTo((0.5 + 1 + 0) / 3, 12); // 0.5
    expect(p3).toEqual({
      id: p.p3,
      title: "惠民生",
      leadLeaderName: null,
      taskCount: 0,
      progress: 0,
      timeProgress: 0,
      lights: lights(0, 0, 0, 0),
      notReported: 0,
      overdue: 0,
    });
  });

  it("gives each unit that leads a live task its own tasks' figures and on-time reporting", async () => {
    const { units: rows } = await getDashboard({ planId, asOf: AS_OF });
    // Unit order (position): U3, U1, U2, U5; U4 leads only archived work.
    expect(rows.map((x) => x.id)).toEqual([u.u3, u.u1, u.u2, u.u5]);
    const byId = new Map(rows.map((x) => [x.id, x]));
    /*
     * On time, months with a deadline by 04-20: Jan (01-25), Feb (02-25), Mar (03-25).
     * A (from 01-20): Jan 01-22 ✓, Feb 02-26 late ✗, Mar 03-10 ✓ → 3 expected, 2 on time
     * C (from 01-10, completed 03-15, so still expected in March): Jan ✓, Feb ✗, Mar 03-15 ✓ → 3, 2
     * B (from 03-21): Mar 03-22 ✓ → 1, 1
     * D: Jan 01-25 ✓ (the deadline itself), Feb only a withdrawn entry ✗, Mar only a returned one ✗
     *    → 3, 1
     * F (from 02-19): Feb 02-20 ✓, Mar 03-26 late ✗ → 2, 1
     * E (from 05-01): never expected.
     */
    const u1 = byId.get(u.u1)!; // A (w 2), C — not B, where U1 is only a co-unit
    expect(u1).toMatchObject({
      name: "党建办",
      type: "department",
      taskCount: 2,
      lights: lights(1, 0, 0, 1),
      notReported: 0,
      onTime: { expected: 6, reported: 4 },
    });
    expect(u1.onTime.share).toBeCloseTo(4 / 6, 12);
    expect(u1.progress).toBeCloseTo((2 * 0.7125 + 1) / 3, 12);
    expect(u1.timeProgress).toBeCloseTo((2 * 0.75 + 0.5) / 3, 12);

    const u2 = byId.get(u.u2)!; // B
    expect(u2).toMatchObject({
      name: "经发办",
      taskCount: 1,
      lights: lights(0, 0, 1, 0),
      notReported: 0,
      onTime: { expected: 1, reported: 1, share: 1 },
    });
    expect(u2.progress).toBeCloseTo(0.15, 12);
    expect(u2.timeProgress).toBeCloseTo(0.5, 12);

    const u3 = byId.get(u.u3)!; // D, F
    expect(u3).toMatchObject({
      name: "东海社区",
      type: "community",
      taskCount: 2,
      lights: lights(0, 1, 1, 0),
      notReported: 0,
      onTime: { expected: 5, reported: 2 },
    });
    expect(u3.onTime.share).toBeCloseTo(0.4, 12);
    expect(u3.progress).toBeCloseTo((0.9 + 0.8) / 2, 12);
    expect(u3.timeProgress).toBeCloseTo(1, 12);

    expect(byId.get(u.u5)).toEqual({
      id: u.u5,
      name: "西湖社区",
      type: "community",
      taskCount: 1,
      progress: 0,
      timeProgress: 0,
      lights: lights(1, 0, 0, 0),
      notReported: 0,
      onTime: { expected: 0, reported: 0, share: null },
    });
  });

  it("counts a month's reporting once its deadline has come, and then every open task", async () => {
    const onTime = async (asOf: string) =>
      Object.fromEntries((await getDashboard({ planId, asOf })).units.map((x) => [x.id, x.onTime]));
    // 04-24: April's deadline (04-25) has not come — as on 04-20.
    expect(await onTime("2023-04-24")).toEqual(await onTime(AS_OF));
    /*
     * 04-25: April too. A expected (April entries withdrawn/returned) ✗; C completed before April:
     * not expected; B 04-05 ✓; D overdue but still expected, 04-10 ✓; F due 04-20, still open ✗.
     */
    expect(await onTime("2023-04-25")).toEqual({
      [u.u1]: { expected: 7, reported: 4, share: 4 / 7 },
      [u.u2]: { expected: 2, reported: 2, share: 1 },
      [u.u3]: { expected: 7, reported: 3, share: 3 / 7 },
      [u.u5]: { expected: 0, reported: 0, share: null },
    });
  });

  it("traces the plan's progress at each month end up to the as-of date", async () => {
    const { trend } = await getDashboard({ planId, asOf: AS_OF });
    expect(trend.map((x) => x.date)).toEqual(["2023-01-31", "2023-02-28", "2023-03-31", AS_OF]);
    const expected = [
      /*
       * 01-31: A (0.2 × 1 + 0 × 3) / 4 = 0.05, tp 11/120; C 50 %, tp 21/200; D 80 %, tp 30/90;
       * B, E, F not started (tp 0, progress 0).
       */
      {
        progress: (2 * 0.05 + 0.5 + 0.8) / 7,
        timeProgress: (2 * (11 / 120) + 21 / 200 + 30 / 90) / 7,
      },
      /*
       * 02-28: A (0.4 + 3 × 0.25) / 4 = 0.2875, tp 39/120; C 0.5, tp 49/200; D 0.8 (the 02-10
       * entry is withdrawn), tp 58/90; F 50 %, tp 9/60.
       */
      {
        progress: (2 * 0.2875 + 0.5 + 0.8 + 0.5) / 7,
        timeProgress: (2 * (39 / 120) + 49 / 200 + 58 / 90 + 9 / 60) / 7,
      },
      /*
       * 03-31: A 0.7125, tp 70/120; B 10 %, tp 10/60; C completed (03-15) 1, tp 80/200; D 0.8 (the
       * 03-05 entry is returned), tp 89/90; F 80 %, tp 40/60.
       */
      {
        progress: (2 * 0.7125 + 0.1 + 1 + 0.8 + 0.8) / 7,
        timeProgress: (2 * (70 / 120) + 10 / 60 + 80 / 200 + 89 / 90 + 40 / 60) / 7,
      },
      { progress: 4.275 / 7, timeProgress: 4.5 / 7 },
    ];
    trend.forEach((point, i) => {
      expect(point.progress).toBeCloseTo(expected[i]!.progress, 12);
      expect(point.timeProgress).toBeCloseTo(expected[i]!.timeProgress, 12);
    });
  });

  it("lists red, overdue, due-soon and unreported tasks with their people and urges", async () => {
    const { lists } = await getDashboard({ planId, asOf: AS_OF });
    const ids = (list: { items: { id: number }[] }) => list.items.map((x) => x.id);
    // Red by gap: B 35 points, then D (10 points, red for being past due).
    expect(lists.red.total).toBe(2);
    expect(ids(lists.red)).toEqual([t.b, t.d]);
    expect(lists.overdue.total).toBe(1);
    expect(ids(lists.overdue)).toEqual([t.d]);
    // Due 04-20, then 05-20 twice (plan order: A before B).
    expect(lists.dueSoon.total).toBe(3);
    expect(ids(lists.dueSoon)).toEqual([t.f, t.a, t.b]);
    expect(lists.notReported).toEqual({ total: 0, items: [] });

    expect(lists.red.items[0]).toEqual({
      id: t.b,
      title: "增设停车位",
      projectId: p.p1,
      projectTitle: "讲政治",
      ownerId: people.li,
      ownerName: "李四",
      leadUnitId: u.u2,
      leadUnitName: "经发办",
      dueDate: "2023-05-20",
      progress: 0.15,
      timeProgress: 0.5,
      light: "red",
      urgeCount: 2,
    });
    expect(lists.overdue.items[0]).toMatchObject({
      id: t.d,
      projectTitle: "抓经济",
      ownerName: "王五",
      leadUnitName: "东海社区",
      progress: 0.9,
      timeProgress: 1,
      urgeCount: 1,
    });
  });

  it("counts 未填报 once this month's reporting day has passed", async () => {
    const dashboard = await getDashboard({ planId, asOf: "2023-04-26" });
    const ids = (list: { items: { id: number }[] }) => list.items.map((x) => x.id);
    // A's April entries are withdrawn and returned; F has none. B and D reported in April.
    expect(dashboard.plan.notReported).toBe(2);
    expect(ids(dashboard.lists.notReported)).toEqual([t.a, t.f]);
    expect(dashboard.lists.notReported.items[0]).toMatchObject({ id: t.a, urgeCount: 0 });
    expect(dashboard.projects.map((x) => x.notReported)).toEqual([2, 0, 0]);
    const byUnit = new Map(dashboard.units.map((x) => [x.id, x.notReported]));
    expect(byUnit.get(u.u1)).toBe(1); // A
    expect(byUnit.get(u.u3)).toBe(1); // F
    expect(byUnit.get(u.u2)).toBe(0);
  });

  it("opens on the plan's default as-of date, and another plan when asked", async () => {
    const current = await getDashboard({});
    expect(current.planId).toBe(planId);
    // The 2023 plan is over (the test runs later): its last counting entry, D's 04-10.
    expect(current.asOf).toBe(await defaultAsOf(await resolvePlan(planId)));

    const lastYear = await getDashboard({ planId: lastYearPlanId, asOf: "2022-12-31" });
    expect(lastYear.plan.taskCount).toBe(1);
    expect(lastYear.units.map((x) => x.id)).toEqual([u.u1]);
    expect(lastYear.plan.progress).toBe(1);
    expect(lastYear.trend).toHaveLength(12);
  });

  it("caps each list at 50 rows but counts them all", async () => {
    const capPlanId = insertPlan(db, { year: 2021 }).id;
    const projectId = insertProject(db, { planId: capPlanId, title: "逾期板块" }).id;
    for (let i = 0; i < 55; i++) {
      insertTask(db, {
        projectId,
        ownerId: people.zhang,
        leadUnitId: u.u1,
        startDate: "2021-01-01",
        dueDate: "2021-01-05",
      });
    }
    const { plan, lists } = await getDashboard({ planId: capPlanId, asOf: "2021-02-01" });
    expect(plan.lights.red).toBe(55);
    expect(lists.red.total).toBe(55);
    expect(lists.red.items).toHaveLength(50);
    expect(lists.overdue.total).toBe(55);
    expect(lists.overdue.items).toHaveLength(50);
    expect(lists.notReported).toMatchObject({ total: 55 });
    expect(lists.dueSoon).toEqual({ total: 0, items: [] });
  });
});

describe("the dashboard agrees with the task list", () => {
  const AS_OFS = [
    "2023-01-01",
    "2023-01-31",
    "2023-02-25",
    "2023-03-15",
    "2023-04-01",
    "2023-04-02",
    AS_OF,
    "2023-04-25",
    "2023-04-26",
    "2023-05-20",
    "2023-05-21",
    "2023-07-01",
    "2023-12-31",
  ];

  it.each(AS_OFS)("as of %s", async (asOf) => {
    const dashboard = await getDashboard({ planId, asOf });
    const list = (query: Parameters<typeof listTasks>[1]) =>
      listTasks(leader, { planId, asOf, limit: 200, ...query });
    const all = (await list({})).items;

    for (const light of LIGHTS) {
      expect(dashboard.plan.lights[light]).toBe((await list({ light })).total);
    }
    expect(dashboard.plan.taskCount).toBe(all.length);
    expect(dashboard.plan.overdue).toBe((await list({ overdue: true })).total);
    expect(dashboard.plan.notReported).toBe((await list({ notReported: true })).total);
    expect(dashboard.plan.dueSoon).toBe((await list({ dueWithin: 30 })).total);
    expect(dashboard.plan.progress).toBeCloseTo(aggregateProgress(all), 12);
    expect(dashboard.plan.timeProgress).toBeCloseTo(
      aggregateProgress(all.map((x) => ({ weight: x.weight, progress: x.timeProgress }))),
      12,
    );

    for (const project of dashboard.projects) {
      const tasks = (await list({ projectId: project.id })).items;
      expect(project.taskCount).toBe(tasks.length);
      for (const light of LIGHTS) {
        expect(project.lights[light]).toBe((await list({ projectId: project.id, light })).total);
      }
      expect(project.overdue).toBe((await list({ projectId: project.id, overdue: true })).total);
      expect(project.notReported).toBe(
        (await list({ projectId: project.id, notReported: true })).total,
      );
      expect(project.progress).toBeCloseTo(aggregateProgress(tasks), 12);
    }

    // Units by lead unit: the list grouped by its lead unit.
    const byLeadUnit = new Map<number, TaskItem[]>();
    for (const x of all) byLeadUnit.set(x.leadUnitId, [...(byLeadUnit.get(x.leadUnitId) ?? []), x]);
    expect(dashboard.units.map((x) => x.id).sort()).toEqual([...byLeadUnit.keys()].sort());
    for (const unit of dashboard.units) {
      const tasks = byLeadUnit.get(unit.id)!;
      expect(unit.taskCount).toBe(tasks.length);
      for (const light of LIGHTS) {
        expect(unit.lights[light]).toBe(tasks.filter((x) => x.light === light).length);
      }
      expect(unit.notReported).toBe(tasks.filter((x) => x.notReported).length);
      expect(unit.progress).toBeCloseTo(aggregateProgress(tasks), 12);
    }

    // The lists hold the same tasks as the filtered task list, in their own order.
    const ids = (items: { id: number }[]) => items.map((x) => x.id);
    expect(ids(dashboard.lists.overdue.items)).toEqual(
      ids((await list({ overdue: true, sort: "dueDate" })).items),
    );
    expect(ids(dashboard.lists.dueSoon.items)).toEqual(
      ids((await list({ dueWithin: 30, sort: "dueDate" })).items),
    );
    expect(ids(dashboard.lists.notReported.items)).toEqual(
      ids((await list({ notReported: true })).items),
    );
    const red = [...(await list({ light: "red" })).items].sort(
      (a, b) =>
        b.timeProgress - b.progress - (a.timeProgress - a.progress) ||
        a.dueDate.localeCompare(b.dueDate),
    );
    expect(ids(dashboard.lists.red.items)).toEqual(ids(red));
    expect(dashboard.lists.red.total).toBe(red.length);
  });
});

describe("dashboard helpers", () => {
  it("walks months and their ends", () => {
    expect(monthStarts("2023-11-15", "2024-02-01")).toEqual([
      "2023-11-01",
      "2023-12-01",
      "2024-01-01",
      "2024-02-01",
    ]);
    expect(monthStarts("2023-05-01", "2023-04-30")).toEqual([]);
    expect(monthEnd("2024-02-01")).toBe("2024-02-29");
    expect(monthEnd("2023-12-01")).toBe("2023-12-31");
    expect(addDays("2023-04-20", 30)).toBe("2023-05-20");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("never puts a trend point before the plan starts, and ends on the as-of date", () => {
    expect(trendDates("2023-03-15", "2023-05-31")).toEqual([
      "2023-03-31",
      "2023-04-30",
      "2023-05-31",
    ]);
    expect(trendDates("2023-03-15", "2023-03-20")).toEqual(["2023-03-20"]);
    expect(trendDates("2023-03-15", "2023-03-10")).toEqual([]);
  });

  it("takes months whose reporting deadline has come", () => {
    expect(reportingMonths("2023-01-01", "2023-03-04", 5)).toEqual([
      { monthStart: "2023-01-01", deadline: "2023-01-05" },
      { monthStart: "2023-02-01", deadline: "2023-02-05" },
    ]);
    expect(reportingMonths("2023-01-01", "2023-03-05", 5)).toHaveLength(3);
  });

  it("parses the query string", () => {
    expect(dashboardQuerySchema.parse({ planId: "3", asOf: "2023-04-20" })).toEqual({
      planId: 3,
      asOf: "2023-04-20",
    });
    expect(dashboardQuerySchema.parse({})).toEqual({});
    expect(dashboardQuerySchema.safeParse({ asOf: "2023-02-30" }).success).toBe(false);
    expect(dashboardQuerySchema.safeParse({ planId: "0" }).success).toBe(false);
  });
});
