import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, indicators, taskCoUnits, tasks, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import type { AppError, ErrorCode } from "@/lib/errors";
import {
  auditRowsOf,
  asActor,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUnit,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal, rejection } from "@/lib/testing/errors";
import { createTask } from "./create-task";
import { taskCreateSchema, type TaskCreateInput } from "./schemas";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;
let leader: Actor;
let cadre: Actor;
let unitB: number;
let unitC: number;
let archivedUnit: number;
let inactiveUser: number;
let projectId: number;
let archivedProjectId: number;
let lastYearProjectId: number;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
  leader = asActor(office.leader);
  cadre = asActor(office.cadre);
  unitB = insertUnit(db, "B科室").id;
  unitC = insertUnit(db, "C社区", "community").id;
  archivedUnit = db
    .insert(units)
    .values({ name: "撤并科室", type: "department", archivedAt: new Date() })
    .returning()
    .get().id;
  inactiveUser = db
    .insert(users)
    .values({
      username: "gone",
      displayName: "离职",
      unitId: unitB,
      role: "cadre",
      passwordHash: "x",
      active: false,
    })
    .returning()
    .get().id;
  const plan = insertPlan(db, { year: 2023, isCurrent: true });
  projectId = insertProject(db, { planId: plan.id, title: "惠民生" }).id;
  archivedProjectId = insertProject(db, {
    planId: plan.id,
    title: "旧板块",
    archivedAt: new Date(),
  }).id;
  lastYearProjectId = insertProject(db, {
    planId: insertPlan(db, { year: 2022 }).id,
    title: "去年",
  }).id;
  // Two live tasks and an archived one already in the project.
  for (const archivedAt of [null, new Date(), null]) {
    insertTask(db, {
      projectId,
      ownerId: cadre.id,
      leadUnitId: office.unit.id,
      archivedAt,
    });
  }
});

afterAll(closeTestDatabase);

/** What the route would pass on: the body parsed by the create schema. */
const input = (body: Record<string, unknown> = {}): TaskCreateInput =>
  taskCreateSchema.parse({
    projectId,
    title: "新增托育园",
    ownerId: cadre.id,
    leadUnitId: unitB,
    startDate: "2023-03-01",
    dueDate: "2023-11-30",
    ...body,
  });

const counts = () => ({
  tasks: db.select({ n: count() }).from(tasks).get()!.n,
  coUnits: db.select({ n: count() }).from(taskCoUnits).get()!.n,
  indicators: db.select({ n: count() }).from(indicators).get()!.n,
  audit: db.select({ n: count() }).from(auditLog).get()!.n,
});

/** Expects a refusal with `code`, and not one row added anywhere. */
async function expectNothingCreated(call: () => Promise<unknown>, code?: ErrorCode) {
  const before = counts();
  const error = code ? await refusal(call(), code) : await rejection(call());
  // Without a code, any Error will do (the database's own refusal, say).
  if (!code) expect(error).toBeInstanceOf(Error);
  expect(counts()).toEqual(before);
  return error as AppError;
}

const liveOrder = () =>
  db
    .select({ id: tasks.id, position: tasks.position, archivedAt: tasks.archivedAt })
    .from(tasks)
    .where(eq(tasks.projectId, projectId))
    .orderBy(asc(tasks.position), asc(tasks.id))
    .all()
    .filter((t) => t.archivedAt === null)
    .map((t) => t.position);

describe("createTask", () => {
  it("creates a task at the end of its project with co-units and indicators", async () => {
    const before = counts();
    const task = await createTask(
      leader,
      input({
        description: "新增托育园2所",
        coUnitIds: [unitC, unitB, unitC, office.unit.id],
        weight: 2,
        indicators: [
          { name: "托育园", unit: "所", target: 2 },
          { name: "商户置换", unit: "户", baseline: 604, target: 283, direction: "decrease" },
        ],
      }),
    );
    expect(task).toMatchObject({
      projectId,
      position: 3,
      title: "新增托育园",
      description: "新增托育园2所",
      ownerId: cadre.id,
      leadUnitId: unitB,
      // The lead unit is not also a co-unit; duplicates collapse.
      coUnitIds: [office.unit.id, unitC].sort((a, b) => a - b),
      startDate: "2023-03-01",
      dueDate: "2023-11-30",
      status: "not_started",
      weight: 2,
      version: 1,
      archived: false,
    });
    expect(task.indicators).toEqual([
      expect.objectContaining({ name: "托育园", unit: "所", target: 2, current: null }),
      expect.objectContaining({ name: "商户置换", baseline: 604, direction: "decrease" }),
    ]);
    expect(liveOrder()).toEqual([1, 2, 3]);
    expect(
      db
        .select({ unitId: taskCoUnits.unitId })
        .from(taskCoUnits)
        .where(eq(taskCoUnits.taskId, task.id))
        .orderBy(asc(taskCoUnits.unitId))
        .all()
        .map((r) => r.unitId),
    ).toEqual([office.unit.id, unitC].sort((a, b) => a - b));
    const rows = db.select().from(indicators).where(eq(indicators.taskId, task.id)).all();
    expect(rows.map((r) => [r.name, r.position])).toEqual([
      ["托育园", 1],
      ["商户置换", 2],
    ]);
    expect(counts()).toEqual({
      tasks: before.tasks + 1,
      coUnits: before.coUnits + 2,
      indicators: before.indicators + 2,
      audit: before.audit + 3,
    });

    expect(auditRowsOf(db, "task", task.id)).toEqual([
      expect.objectContaining({
        actorId: leader.id,
        action: "create",
        before: null,
        after: {
          projectId,
          position: 3,
          title: "新增托育园",
          description: "新增托育园2所",
          ownerId: cadre.id,
          leadUnitId: unitB,
          startDate: "2023-03-01",
          dueDate: "2023-11-30",
          status: "not_started",
          blockedReason: null,
          completionNote: null,
          completedOn: null,
          weight: 2,
          coUnitIds: [office.unit.id, unitC].sort((a, b) => a - b),
          archived: false,
        },
      }),
    ]);
    for (const row of rows) {
      expect(auditRowsOf(db, "indicator", row.id)).toEqual([
        expect.objectContaining({
          action: "create",
          after: expect.objectContaining({ taskId: task.id, name: row.name }),
        }),
      ]);
    }
  });

  it("lets admins create too, with no co-units or indicators", async () => {
    const task = await createTask(admin, input({ title: "简单任务" }));
    expect(task).toMatchObject({ coUnitIds: [], indicators: [], position: 4 });
    expect(liveOrder()).toEqual([1, 2, 3, 4]);
  });

  it("is for leaders and admins only", async () => {
    const error = await expectNothingCreated(() => createTask(cadre, input()), "forbidden");
    expect(error.status).toBe(403);
  });

  it("leaves nothing behind when an indicator is bad", async () => {
    // Bypassing the schema: the domain function checks indicators itself.
    const bad = {
      ...input({ indicators: [{ name: "车位", unit: "个", target: 10 }] }),
    };
    const error = await expectNothingCreated(
      () =>
        createTask(leader, {
          ...bad,
          indicators: [
            bad.indicators[0]!,
            { ...bad.indicators[0]!, name: "电梯", baseline: 10, target: 3 },
          ],
        }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ "indicators.1.target": "validation.targetDirection" });
  });

  it("leaves nothing behind when the database refuses an indicator", async () => {
    const ok = input({ indicators: [{ name: "车位", unit: "个", target: 10 }] });
    await expectNothingCreated(() =>
      createTask(leader, {
        ...ok,
        indicators: [ok.indicators[0]!, { ...ok.indicators[0]!, weight: 0 }],
      }),
    );
  });

  it("leaves nothing behind when a reference is bad, naming every bad field", async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ ownerId: 987_654 }, { ownerId: "validation.unknownUser" }],
      [{ ownerId: inactiveUser }, { ownerId: "validation.unknownUser" }],
      [{ leadUnitId: 987_654 }, { leadUnitId: "validation.unknownUnit" }],
      [{ coUnitIds: [unitC, archivedUnit] }, { coUnitIds: "validation.unknownUnit" }],
      [{ projectId: archivedProjectId }, { projectId: "validation.unknownProject" }],
      [{ projectId: 987_654 }, { projectId: "validation.unknownProject" }],
      [
        { ownerId: inactiveUser, leadUnitId: archivedUnit },
        { ownerId: "validation.unknownUser", leadUnitId: "validation.unknownUnit" },
      ],
    ];
    for (const [body, fields] of cases) {
      const error = await expectNothingCreated(
        () =>
          createTask(
            leader,
            input({ ...body, indicators: [{ name: "x", unit: "个", target: 1 }] }),
          ),
        "validation_failed",
      );
      expect(error.fields, JSON.stringify(body)).toEqual(fields);
    }
  });

  it("creates in a project of another plan, at its end", async () => {
    const task = await createTask(leader, input({ projectId: lastYearProjectId }));
    expect(task).toMatchObject({ projectId: lastYearProjectId, position: 1 });
  });

  it("leaves nothing behind when the dates are the wrong way round", async () => {
    expect(
      taskCreateSchema
        .safeParse({
          projectId,
          title: "x",
          ownerId: cadre.id,
          leadUnitId: unitB,
          startDate: "2023-05-01",
          dueDate: "2023-04-30",
        })
        .error?.issues.map((i) => [i.path.join("."), i.message]),
    ).toEqual([["dueDate", "validation.dueBeforeStart"]]);
    await expectNothingCreated(() =>
      createTask(leader, { ...input(), startDate: "2023-05-01", dueDate: "2023-04-30" }),
    );
  });
});
