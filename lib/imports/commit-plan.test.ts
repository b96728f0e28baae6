import { asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, indicators, plans, projects, tasks, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertUnit,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { readFileSync } from "node:fs";
import path from "node:path";
import { commitPlanImport } from "./commit-plan";
import {
  assignOwnerToAll,
  draftErrors,
  draftFromProposal,
  draftToBody,
  updateIndicator,
} from "./draft";
import { proposePlan } from "./plan-text";
import { planImportSchema, type PlanImportBody, type PlanImportInput } from "./schemas";

let db: Db;
let admin: Actor;
let leaderId: number;
let cadreId: number;
let unitId: number;
let otherUnitId: number;
let archivedUnitId: number;
let inactiveUserId: number;

beforeAll(() => {
  db = openTestDatabase();
  const office = insertOffice(db);
  admin = asActor(office.admin);
  leaderId = office.leader.id;
  cadreId = office.cadre.id;
  unitId = office.unit.id;
  otherUnitId = insertUnit(db, "经济发展办").id;
  archivedUnitId = db
    .insert(units)
    .values({ name: "撤并科室", type: "department", archivedAt: new Date() })
    .returning()
    .get().id;
  inactiveUserId = db
    .insert(users)
    .values({
      username: "gone",
      displayName: "离职",
      unitId,
      role: "cadre",
      passwordHash: "x",
      active: false,
    })
    .returning()
    .get().id;
  insertPlan(db, {
    year: 2023,
    isCurrent: true,
    reportingDay: 20,
    title: "白杨街道2023年工作计划",
  });
});

afterAll(closeTestDatabase);

/** Rows in every table an import writes, to see that a refused one wrote nothing. */
function tableCounts() {
  const n = (table: typeof plans | typeof projects | typeof tasks | typeof indicators) =>
    db.select({ n: count() }).from(table).get()!.n;
  return {
    plans: n(plans),
    projects: n(projects),
    tasks: n(tasks),
    indicators: n(indicators),
    audit: db.select({ n: count() }).from(auditLog).get()!.n,
  };
}

const task = (overrides: Partial<PlanImportBody["projects"][number]["tasks"][number]> = {}) => ({
  title: "老旧小区改造",
  ownerId: cadreId,
  leadUnitId: unitId,
  startDate: "2031-01-01",
  dueDate: "2031-12-31",
  ...overrides,
});

/** Two themes, three tasks, two indicators, for 2031. */
function body(year = 2031): PlanImportBody {
  return {
    plan: { year },
    projects: [
      {
        title: "惠民生，社会治理再完善",
        description: "站稳人民立场……",
        leadLeaderId: leaderId,
        tasks: [
          task({
            title: "持续推进老旧小区改造提升",
            description: "持续推进华顺公寓、东海未名园、邻里中心等老旧小区改造提升进度",
            startDate: `${year}-01-01`,
            dueDate: `${year}-12-31`,
            indicators: [
              { name: "老旧小区改造", unit: "个", target: 3 },
              { name: "电梯加装", unit: "台", target: 12.5, baseline: 2, decimals: 1 },
            ],
          }),
          task({
            title: "二次供水改造",
            ownerId: leaderId,
            leadUnitId: otherUnitId,
            startDate: `${year}-03-01`,
            dueDate: `${year}-06-30`,
          }),
        ],
      },
      {
        title: "守平安，除险保安再发力",
        leadLeaderId: null,
        tasks: [
          task({ title: "背街小巷综合整治", startDate: `${year}-01-01`, dueDate: `${year}-12-31` }),
        ],
      },
    ],
  };
}

const parse = (input: PlanImportBody): PlanImportInput => planImportSchema.parse(input);

describe("commitPlanImport", () => {
  it("writes a new plan (not current) with every theme, task and indicator, and their audit rows", async () => {
    const before = tableCounts();
    const result = await commitPlanImport(admin, parse(body(2031)));
    expect(result).toEqual({ planId: expect.any(Number), projects: 2, tasks: 3, indicators: 2 });

    const plan = db.select().from(plans).where(eq(plans.id, result.planId)).get()!;
    expect(plan).toMatchObject({
      year: 2031,
      // The title and settings follow the current plan.
      title: "白杨街道2031年工作计划",
      startDate: "2031-01-01",
      endDate: "2031-12-31",
      reportingDay: 20,
      isCurrent: false,
    });
    const current = db.select().from(plans).where(eq(plans.isCurrent, true)).all();
    expect(current.map((p) => p.year)).toEqual([2023]);

    const themes = db
      .select()
      .from(projects)
      .where(eq(projects.planId, result.planId))
      .orderBy(asc(projects.position))
      .all();
    expect(themes.map((p) => [p.position, p.title, p.leadLeaderId])).toEqual([
      [1, "惠民生，社会治理再完善", leaderId],
      [2, "守平安，除险保安再发力", null],
    ]);
    const rows = db
      .select()
      .from(tasks)
      .where(
        inArray(
          tasks.projectId,
          themes.map((p) => p.id),
        ),
      )
      .orderBy(asc(tasks.projectId), asc(tasks.position))
      .all();
    expect(
      rows.map((t) => [
        t.projectId,
        t.position,
        t.title,
        t.ownerId,
        t.leadUnitId,
        t.startDate,
        t.dueDate,
        t.status,
      ]),
    ).toEqual([
      [
        themes[0]!.id,
        1,
        "持续推进老旧小区改造提升",
        cadreId,
        unitId,
        "2031-01-01",
        "2031-12-31",
        "not_started",
      ],
      [
        themes[0]!.id,
        2,
        "二次供水改造",
        leaderId,
        otherUnitId,
        "2031-03-01",
        "2031-06-30",
        "not_started",
      ],
      [
        themes[1]!.id,
        1,
        "背街小巷综合整治",
        cadreId,
        unitId,
        "2031-01-01",
        "2031-12-31",
        "not_started",
      ],
    ]);
    expect(rows[0]!.description).toContain("华顺公寓");
    const figures = db
      .select()
      .from(indicators)
      .where(eq(indicators.taskId, rows[0]!.id))
      .orderBy(asc(indicators.position))
      .all();
    expect(figures.map((i) => [i.name, i.measureUnit, i.baseline, i.target, i.decimals])).toEqual([
      ["老旧小区改造", "个", 0, 3, 0],
      ["电梯加装", "台", 2, 12.5, 1],
    ]);

    // One audit row per written row: 1 plan + 2 projects + 3 tasks + 2 indicators.
    const after = tableCounts();
    expect(after).toEqual({
      plans: before.plans + 1,
      projects: before.projects + 2,
      tasks: before.tasks + 3,
      indicators: before.indicators + 2,
      audit: before.audit + 8,
    });
    expect(auditRowsOf(db, "plan", result.planId)).toMatchObject([
      { action: "create", actorId: admin.id, after: { year: 2031, importedFrom: "plan-text" } },
    ]);
    expect(auditRowsOf(db, "task", rows[1]!.id)).toMatchObject([
      { action: "create", after: { title: "二次供水改造", ownerId: leaderId } },
    ]);
  });

  it("refuses a year that has a plan, and every bad reference at once, keyed by path; writes nothing", async () => {
    const input = body(2031);
    input.projects[0]!.leadLeaderId = cadreId;
    input.projects[0]!.tasks[1]!.ownerId = inactiveUserId;
    input.projects[1]!.tasks[0]!.leadUnitId = archivedUnitId;
    input.projects[1]!.tasks[0]!.ownerId = 999_999;
    const before = tableCounts();
    const error = await refusal(commitPlanImport(admin, parse(input)), "validation_failed");
    expect(error.fields).toEqual({
      "plan.year": "validation.planYearTaken",
      "projects.0.leadLeaderId": "validation.notALeader",
      "projects.0.tasks.1.ownerId": "validation.unknownUser",
      "projects.1.tasks.0.ownerId": "validation.unknownUser",
      "projects.1.tasks.0.leadUnitId": "validation.unknownUnit",
    });
    expect(tableCounts()).toEqual(before);
  });

  it("writes nothing when a write fails halfway (one transaction)", async () => {
    // Past the schema (which would refuse it): an indicator whose target is its baseline fails
    // only after the plan, its themes and its tasks were inserted.
    const input = parse(body(2032));
    input.projects[1]!.tasks[0]!.indicators = [
      {
        name: "坏指标",
        unit: "个",
        baseline: 5,
        target: 5,
        direction: "increase",
        decimals: 0,
        weight: 1,
      },
    ];
    const before = tableCounts();
    const error = await refusal(commitPlanImport(admin, input), "validation_failed");
    expect(error.fields).toEqual({
      "projects.1.tasks.0.indicators.0.target": "validation.targetDirection",
    });
    expect(tableCounts()).toEqual(before);
    expect(db.select().from(plans).where(eq(plans.year, 2032)).all()).toEqual([]);
  });

  it("is for admins only", async () => {
    const before = tableCounts();
    await refusal(
      commitPlanImport({ id: leaderId, role: "leader", unitId }, parse(body(2033))),
      "forbidden",
    );
    expect(tableCounts()).toEqual(before);
  });
});

describe("a draft of an invented document, committed", () => {
  const draftOf = (name: string, year: number) => {
    const text = readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
    return assignOwnerToAll(draftFromProposal(proposePlan(text), year), leaderId, unitId);
  };
  const indicatorIssues = (body: PlanImportBody) => {
    const result = planImportSchema.safeParse(body);
    return result.success
      ? []
      : result.error.issues
          .filter((i) => i.path.includes("indicators"))
          .map((i) => i.path.join("."));
  };

  it("community-plan.txt: 从58处降至20处 goes in as a decreasing indicator, as proposed", async () => {
    const draft = draftOf("community-plan.txt", 2036);
    expect(draftErrors(draft)).toEqual({});
    const body = draftToBody(draft);
    expect(indicatorIssues(body)).toEqual([]);
    const result = await commitPlanImport(admin, parse(body));
    const rows = db
      .select({
        name: indicators.name,
        baseline: indicators.baseline,
        target: indicators.target,
        direction: indicators.direction,
      })
      .from(indicators)
      .innerJoin(tasks, eq(tasks.id, indicators.taskId))
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(eq(projects.planId, result.planId))
      .all();
    expect(rows).toContainEqual({
      name: "排查整治隐患",
      baseline: 58,
      target: 20,
      direction: "decrease",
    });
    expect(rows.filter((r) => r.direction === "decrease")).toHaveLength(1);
  });

  it("qinghe-2024.txt: goes in once the one level without a baseline (失业率控制在3%以内) has one", async () => {
    let draft = draftOf("qinghe-2024.txt", 2037);
    const all = draft.projects.flatMap((project) =>
      project.tasks.flatMap((task) =>
        task.indicators.map((indicator) => ({ project, task, indicator })),
      ),
    );
    const decreasing = all.filter((x) => x.indicator.direction === "decrease");
    expect(
      decreasing.map((x) => [x.indicator.name, x.indicator.baseline, x.indicator.target]),
    ).toEqual([
      ["辖区群租房", "86", "40"],
      ["违法建筑存量", "12000", "5000"],
      ["城镇登记失业率", "", "3"],
    ]);
    const unemployment = decreasing[2]!;
    // The form asks for the baseline before sending; the API would refuse the target.
    expect(draftErrors(draft)).toEqual({
      [`${unemployment.indicator.key}.baseline`]: "validation.required",
    });
    expect(
      planImportSchema.safeParse(draftToBody(draft)).error?.issues.map((i) => i.message),
    ).toEqual(["validation.targetDirection"]);

    draft = updateIndicator(
      draft,
      unemployment.project.key,
      unemployment.task.key,
      unemployment.indicator.key,
      {
        baseline: "3.5",
      },
    );
    expect(draftErrors(draft)).toEqual({});
    const body = draftToBody(draft);
    expect(indicatorIssues(body)).toEqual([]);
    const result = await commitPlanImport(admin, parse(body));
    expect(result).toMatchObject({ projects: 5, indicators: all.length });
  });
});

describe("planImportSchema", () => {
  const issues = (input: unknown) => {
    const result = planImportSchema.safeParse(input);
    expect(result.success).toBe(false);
    return Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("names each bad field by its path", () => {
    const input = body(2034) as unknown as {
      projects: { title: string; tasks: Record<string, unknown>[] }[];
    };
    input.projects[0]!.title = " ";
    input.projects[0]!.tasks[0]!.indicators = [{ name: "电梯加装", unit: "台", target: 0 }];
    input.projects[1]!.tasks[0]!.ownerId = 0;
    expect(issues(input)).toEqual({
      "projects.0.title": "validation.required",
      "projects.0.tasks.0.indicators.0.target": "validation.targetDirection",
      "projects.1.tasks.0.ownerId": "validation.invalidId",
    });
  });

  it("keeps every task inside the plan's period, and the period in order", () => {
    const input = body(2034);
    input.projects[0]!.tasks[1]!.startDate = "2033-12-01";
    input.projects[1]!.tasks[0]!.dueDate = "2035-01-31";
    input.projects[0]!.tasks[0]!.startDate = "2034-05-01";
    input.projects[0]!.tasks[0]!.dueDate = "2034-04-01";
    expect(issues(input)).toEqual({
      "projects.0.tasks.0.dueDate": "validation.dueBeforeStart",
      "projects.0.tasks.1.startDate": "validation.outsidePlanPeriod",
      "projects.1.tasks.0.dueDate": "validation.outsidePlanPeriod",
    });
    expect(
      issues({
        ...body(2034),
        plan: { year: 2034, startDate: "2034-06-01", endDate: "2034-05-01" },
      }),
    ).toEqual({ "plan.endDate": "validation.periodOrder" });
  });

  it("takes a custom period and refuses an empty import", () => {
    const input = body(2034);
    input.plan = { year: 2034, startDate: "2034-03-01", endDate: "2035-02-28" };
    input.projects[0]!.tasks[0]!.startDate = "2034-03-01";
    input.projects[0]!.tasks[0]!.dueDate = "2035-02-28";
    input.projects[0]!.tasks[1]!.startDate = "2034-03-01";
    input.projects[1]!.tasks[0]!.startDate = "2034-03-01";
    input.projects[1]!.tasks[0]!.dueDate = "2035-02-28";
    expect(planImportSchema.safeParse(input).success).toBe(true);
    expect(issues({ plan: { year: 2034 }, projects: [] })).toEqual({
      projects: "validation.importEmpty",
    });
  });
});
