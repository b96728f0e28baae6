import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { plans, projects, tasks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { listPlans, resolvePlan } from "@/lib/plans/queries";
import {
  closeTestDatabase,
  insertOffice,
  insertPlan,
  openTestDatabase,
} from "@/lib/testing/database";
import { getPlanOutline } from "./plan-outline";
import { listPlanProjects, listProjects } from "./queries";

let db: Db;
let planId: number;
let otherPlanId: number;

beforeAll(() => {
  db = openTestDatabase();
  const { unit, leader, cadre } = insertOffice(db);
  otherPlanId = insertPlan(db, { year: 2022 }).id;
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;

  const addProject = (plan: number, position: number, title: string, archived = false) =>
    db
      .insert(projects)
      .values({
        planId: plan,
        position,
        title,
        leadLeaderId: leader.id,
        archivedAt: archived ? new Date() : null,
      })
      .returning()
      .get().id;
  const addTask = (projectId: number, position: number, title: string, archived = false) =>
    db
      .insert(tasks)
      .values({
        projectId,
        position,
        title,
        ownerId: cadre.id,
        leadUnitId: unit.id,
        startDate: "2023-01-01",
        dueDate: "2023-12-31",
        archivedAt: archived ? new Date() : null,
      })
      .run();

  // Inserted out of order on purpose: the queries order by position.
  const second = addProject(planId, 2, "抓经济");
  const first = addProject(planId, 1, "讲政治");
  addProject(planId, 3, "已归档板块", true);
  addProject(planId, 4, "空板块");
  addTask(first, 2, "任务乙");
  addTask(first, 1, "任务甲");
  addTask(first, 3, "已归档任务", true);
  addTask(second, 1, "任务丙");
  addTask(addProject(otherPlanId, 1, "去年板块"), 1, "去年任务");
});

afterAll(closeTestDatabase);

describe("listProjects", () => {
  it("lists the plan's live projects in order with counts of live tasks", async () => {
    expect(await listProjects(planId)).toEqual([
      { id: expect.any(Number), position: 1, title: "讲政治", taskCount: 2 },
      { id: expect.any(Number), position: 2, title: "抓经济", taskCount: 1 },
      { id: expect.any(Number), position: 4, title: "空板块", taskCount: 0 },
    ]);
  });

  it("keeps plans apart", async () => {
    expect((await listProjects(otherPlanId)).map((p) => p.title)).toEqual(["去年板块"]);
  });
});

describe("getPlanOutline", () => {
  it("gives each project its tasks in order, with owner, lead unit and lead leader", async () => {
    const overview = await getPlanOutline(planId);
    expect(overview.map((p) => p.title)).toEqual(["讲政治", "抓经济", "空板块"]);
    expect(overview[0]!.tasks.map((t) => t.title)).toEqual(["任务甲", "任务乙"]);
    expect(overview[0]!.tasks[0]).toMatchObject({
      ownerName: "测试cadre",
      leadUnitName: "测试社区",
      dueDate: "2023-12-31",
      status: "not_started",
    });
    expect(overview[0]!.leadLeaderName).toBe("测试leader");
    expect(overview[2]!.tasks).toEqual([]);
  });
});

describe("plans", () => {
  it("lists plans newest first and resolves the current one by default", async () => {
    expect((await listPlans()).map((p) => p.year)).toEqual([2023, 2022]);
    expect((await resolvePlan()).id).toBe(planId);
    expect((await resolvePlan(otherPlanId)).year).toBe(2022);
  });

  it("answers 404 for a plan that does not exist", async () => {
    await expect(resolvePlan(987654)).rejects.toMatchObject({ status: 404, code: "not_found" });
    await expect(resolvePlan(987654)).rejects.toBeInstanceOf(AppError);
  });

  it("falls back to the newest plan when none is marked current", async () => {
    const older = insertPlan(db, { year: 2021 });
    db.update(plans).set({ isCurrent: false }).where(eq(plans.id, planId)).run();
    try {
      expect((await resolvePlan()).year).toBe(2023);
      db.update(plans).set({ isCurrent: true }).where(eq(plans.id, older.id)).run();
      expect((await resolvePlan()).id).toBe(older.id);
    } finally {
      db.update(plans).set({ isCurrent: false }).where(eq(plans.id, older.id)).run();
      db.update(plans).set({ isCurrent: true }).where(eq(plans.id, planId)).run();
    }
  });
});

describe("listPlanProjects", () => {
  it("defaults to the current plan and refuses an unknown one", async () => {
    expect((await listPlanProjects()).map((p) => p.title)).toEqual(["讲政治", "抓经济", "空板块"]);
    expect((await listPlanProjects(otherPlanId)).map((p) => p.title)).toEqual(["去年板块"]);
    await expect(listPlanProjects(987654)).rejects.toMatchObject({ status: 404 });
  });
});
