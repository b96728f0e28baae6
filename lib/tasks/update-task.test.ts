import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, taskCoUnits, tasks, units, users, type Role } from "@/db/schema";
import { lastChange, listHistory } from "@/lib/audit/history";
import type { Actor } from "@/lib/auth/policy";
import type { AppError, ErrorCode } from "@/lib/errors";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  auditRowsOf,
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
  type TestIndicator,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import type { TaskPatchInput } from "./schemas";
import { updateTask } from "./update-task";

// 2023-06-30 20:00 UTC: already 2023-07-01 in the office (Asia/Shanghai), still 2023-06-30 in
// UTC and in the test's own zone (America/Los_Angeles).
const NOW = new Date("2023-06-30T20:00:00Z");
const OFFICE_TODAY = "2023-07-01";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let actors: Record<Role, Actor>;
/** A cadre of another unit: owns the tasks that are not the actor's. */
let colleague: { id: number; displayName: string };
let inactive: { id: number };
let unitB: number;
let unitC: number;
let unitD: number;
let archivedUnit: number;
let planId: number;
let projectId: number;

fakeDateAt(NOW);

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  actors = {
    admin: asActor(office.admin),
    leader: asActor(office.leader),
    cadre: asActor(office.cadre),
  };
  unitB = insertUnit(db, "B科室").id;
  unitC = insertUnit(db, "C社区", "community").id;
  unitD = insertUnit(db, "D科室").id;
  archivedUnit = db
    .insert(units)
    .values({ name: "撤并科室", type: "department", archivedAt: new Date() })
    .returning()
    .get().id;
  colleague = insertUser(db, {
    unitId: unitB,
    role: "cadre",
    username: "colleague",
    displayName: "同事",
  });
  inactive = db
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
    .get();
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  projectId = insertProject(db, { planId, title: "抓经济" }).id;
});

afterAll(closeTestDatabase);

type Relation = "owner" | "leadUnit" | "coUnit" | "otherUnit";
const RELATIONS: Relation[] = ["owner", "leadUnit", "coUnit", "otherUnit"];
const ROLES: Role[] = ["admin", "leader", "cadre"];

/** A fresh task in the given relation to the actor (every actor works in the office's unit). */
function taskFor(
  actor: Actor,
  relation: Relation,
  values: Partial<typeof tasks.$inferInsert> & { indicators?: TestIndicator[] } = {},
) {
  const people = {
    owner: { ownerId: actor.id, leadUnitId: unitB, coUnitIds: [unitC] },
    leadUnit: { ownerId: colleague.id, leadUnitId: actor.unitId, coUnitIds: [unitC] },
    coUnit: { ownerId: colleague.id, leadUnitId: unitB, coUnitIds: [unitC, actor.unitId] },
    otherUnit: { ownerId: colleague.id, leadUnitId: unitB, coUnitIds: [unitC] },
  }[relation];
  return insertTask(db, { projectId, title: "改造老旧小区", ...people, ...values });
}

/** Everything a refused write must leave as it was. */
function stateOf(id: number) {
  return {
    row: db.select().from(tasks).where(eq(tasks.id, id)).get(),
    coUnits: db
      .select({ unitId: taskCoUnits.unitId })
      .from(taskCoUnits)
      .where(eq(taskCoUnits.taskId, id))
      .orderBy(asc(taskCoUnits.unitId))
      .all(),
    auditRows: db.select({ n: count() }).from(auditLog).get()!.n,
  };
}

const rowOf = (id: number) => db.select().from(tasks).where(eq(tasks.id, id)).get()!;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

/** Expects a refusal with `code` and nothing written. */
async function expectRefused(id: number, call: () => Promise<unknown>, code: ErrorCode) {
  const before = stateOf(id);
  const error = await refusal(call(), code);
  expect(stateOf(id)).toEqual(before);
  return error;
}

const matrix = ROLES.flatMap((role) => RELATIONS.map((relation) => ({ role, relation })));

describe("status changes: role × relation to the task", () => {
  it.each(matrix)("$role on a task ($relation)", async ({ role, relation }) => {
    const actor = actors[role];
    const task = taskFor(actor, relation);
    const allowed = role !== "cadre" || relation !== "otherUnit";

    if (!allowed) {
      const error = await expectRefused(
        task.id,
        () => updateTask(actor, task.id, { version: 1, status: "in_progress" }),
        "forbidden",
      );
      expect(error.status).toBe(403);
      return;
    }
    const audit = auditCount();
    const result = await updateTask(actor, task.id, { version: 1, status: "in_progress" });
    expect(result).toMatchObject({ id: task.id, status: "in_progress", version: 2 });
    expect(rowOf(task.id)).toMatchObject({ status: "in_progress", version: 2 });
    expect(auditCount()).toBe(audit + 1);
    expect(auditRowsOf(db, "task", task.id)).toEqual([
      expect.objectContaining({
        actorId: actor.id,
        action: "status",
        before: { status: "not_started" },
        after: { status: "in_progress" },
      }),
    ]);
  });

  it.each(matrix)(
    "$role marks a task ($relation) blocked with a reason",
    async ({ role, relation }) => {
      const actor = actors[role];
      const task = taskFor(actor, relation, { status: "in_progress" });
      const patch = { version: 1, status: "blocked", blockedReason: "资金未到位" } as const;
      if (role === "cadre" && relation === "otherUnit") {
        await expectRefused(task.id, () => updateTask(actor, task.id, patch), "forbidden");
        return;
      }
      await updateTask(actor, task.id, patch);
      expect(rowOf(task.id)).toMatchObject({ status: "blocked", blockedReason: "资金未到位" });
    },
  );
});

describe("plan fields: only leaders and admins", () => {
  // Each edit changes exactly the field it names, whatever the task's people.
  const edits: { field: string; patch: () => Omit<TaskPatchInput, "version">; read: unknown }[] = [
    { field: "title", patch: () => ({ title: "新标题" }), read: "新标题" },
    { field: "description", patch: () => ({ description: "说明" }), read: "说明" },
    { field: "startDate", patch: () => ({ startDate: "2023-02-01" }), read: "2023-02-01" },
    { field: "dueDate", patch: () => ({ dueDate: "2023-10-31" }), read: "2023-10-31" },
    { field: "weight", patch: () => ({ weight: 2.5 }), read: 2.5 },
  ];

  it.each(matrix)("$role edits the plan fields of a task ($relation)", async (row) => {
    const actor = actors[row.role];
    for (const edit of edits) {
      const task = taskFor(actor, row.relation);
      const patch = { version: 1, ...edit.patch() };
      if (row.role === "cadre") {
        const error = await expectRefused(
          task.id,
          () => updateTask(actor, task.id, patch),
          "forbidden",
        );
        expect(error.status).toBe(403);
        continue;
      }
      const result = await updateTask(actor, task.id, patch);
      expect(result.version).toBe(2);
      expect(rowOf(task.id)).toMatchObject({ [edit.field]: edit.read, version: 2 });
      expect(auditRowsOf(db, "task", task.id)).toEqual([
        expect.objectContaining({
          actorId: actor.id,
          action: "update",
          before: { [edit.field]: (task as Record<string, unknown>)[edit.field] },
          after: { [edit.field]: edit.read },
        }),
      ]);
    }
  });

  it.each(matrix)("$role reassigns the people of a task ($relation)", async (row) => {
    const actor = actors[row.role];
    const newOwner = insertUser(db, {
      unitId: unitD,
      role: "cadre",
      username: `owner-${row.role}-${row.relation}`.toLowerCase(),
    });
    const patches: { patch: Omit<TaskPatchInput, "version">; check: (id: number) => void }[] = [
      {
        patch: { ownerId: newOwner.id },
        check: (id) => expect(rowOf(id).ownerId).toBe(newOwner.id),
      },
      {
        patch: { leadUnitId: unitD },
        check: (id) => expect(rowOf(id).leadUnitId).toBe(unitD),
      },
      {
        patch: { coUnitIds: [unitD] },
        check: (id) => expect(stateOf(id).coUnits).toEqual([{ unitId: unitD }]),
      },
    ];
    for (const { patch, check } of patches) {
      const task = taskFor(actor, row.relation);
      if (row.role === "cadre") {
        await expectRefused(
          task.id,
          () => updateTask(actor, task.id, { version: 1, ...patch }),
          "forbidden",
        );
        continue;
      }
      await updateTask(actor, task.id, { version: 1, ...patch });
      check(task.id);
      expect(rowOf(task.id).version).toBe(2);
      expect(auditRowsOf(db, "task", task.id)).toHaveLength(1);
    }
  });

  it("refuses a cadre every plan field, even on their own task and together with a status", async () => {
    const other = insertProject(db, { planId, title: "别的板块" });
    const cadre = actors.cadre;
    const patches: Omit<TaskPatchInput, "version">[] = [
      { projectId: other.id },
      { position: 1 },
      { archived: true },
      { ownerId: colleague.id },
      { leadUnitId: unitD },
      { coUnitIds: [] },
      { status: "in_progress", title: "顺手改标题" },
    ];
    for (const patch of patches) {
      const task = taskFor(cadre, "owner");
      await expectRefused(
        task.id,
        () => updateTask(cadre, task.id, { version: 1, ...patch }),
        "forbidden",
      );
    }
  });
});

describe("reopening a completed task: leaders and admins only", () => {
  it.each(matrix)("$role reopens a completed task ($relation)", async ({ role, relation }) => {
    const actor = actors[role];
    const task = taskFor(actor, relation, {
      status: "completed",
      completedOn: "2023-05-10",
      completionNote: "提前完成",
    });
    if (role === "cadre") {
      await expectRefused(
        task.id,
        () => updateTask(actor, task.id, { version: 1, status: "in_progress" }),
        "forbidden",
      );
      return;
    }
    await updateTask(actor, task.id, { version: 1, status: "in_progress" });
    expect(rowOf(task.id)).toMatchObject({
      status: "in_progress",
      completedOn: null,
      completionNote: null,
      version: 2,
    });
    expect(auditRowsOf(db, "task", task.id)).toEqual([
      expect.objectContaining({
        action: "status",
        before: { status: "completed", completedOn: "2023-05-10", completionNote: "提前完成" },
        after: { status: "in_progress", completedOn: null, completionNote: null },
      }),
    ]);
  });

  it("refuses a cadre blocking or un-completing their own completed task", async () => {
    const cadre = actors.cadre;
    for (const status of ["blocked", "not_started"] as const) {
      const task = taskFor(cadre, "owner", { status: "completed", completedOn: "2023-05-10" });
      await expectRefused(
        task.id,
        () => updateTask(cadre, task.id, { version: 1, status, blockedReason: "x" }),
        "forbidden",
      );
    }
  });
});

describe("status rules", () => {
  const cadre = () => actors.cadre;

  it("refuses a change the transition table does not allow, even to a leader", async () => {
    for (const [from, to, actor] of [
      ["blocked", "not_started", cadre()],
      ["completed", "not_started", actors.leader],
      ["completed", "blocked", actors.admin],
    ] as const) {
      const task = taskFor(actor, "owner", {
        status: from,
        blockedReason: from === "blocked" ? "等待审批" : null,
      });
      const error = await expectRefused(
        task.id,
        () => updateTask(actor, task.id, { version: 1, status: to, blockedReason: "原因" }),
        "validation_failed",
      );
      expect(error.fields).toEqual({ status: "validation.statusTransition" });
    }
    const slip = taskFor(cadre(), "owner", { status: "in_progress" });
    await updateTask(cadre(), slip.id, { version: 1, status: "not_started" });
    expect(rowOf(slip.id).status).toBe("not_started");
  });

  it("needs a reason to block a task, and drops it when the task moves on", async () => {
    const task = taskFor(cadre(), "owner", { status: "in_progress" });
    for (const patch of [
      { status: "blocked" as const },
      { status: "blocked" as const, blockedReason: "" },
    ]) {
      const error = await expectRefused(
        task.id,
        () => updateTask(cadre(), task.id, { version: 1, ...patch }),
        "validation_failed",
      );
      expect(error.status).toBe(400);
      expect(error.fields).toEqual({ blockedReason: "validation.blockedReasonRequired" });
    }

    await updateTask(cadre(), task.id, { version: 1, status: "blocked", blockedReason: "拆迁" });
    // A blocked task keeps its reason through other edits and may have it changed.
    await updateTask(actors.leader, task.id, { version: 2, title: "改造华顺公寓" });
    expect(rowOf(task.id)).toMatchObject({ status: "blocked", blockedReason: "拆迁" });
    await updateTask(cadre(), task.id, { version: 3, blockedReason: "拆迁未完成" });
    expect(rowOf(task.id).blockedReason).toBe("拆迁未完成");
    await expectRefused(
      task.id,
      () => updateTask(cadre(), task.id, { version: 4, blockedReason: "" }),
      "validation_failed",
    );

    await updateTask(cadre(), task.id, { version: 4, status: "in_progress" });
    expect(rowOf(task.id)).toMatchObject({ status: "in_progress", blockedReason: null });
    expect(auditRowsOf(db, "task", task.id).map((r) => r.action)).toEqual([
      "status",
      "update",
      "status",
      "status",
    ]);
    expect(auditRowsOf(db, "task", task.id)[3]).toMatchObject({
      before: { status: "blocked", blockedReason: "拆迁未完成" },
      after: { status: "in_progress", blockedReason: null },
    });
  });

  it("completes a task on the office's calendar day", async () => {
    const task = taskFor(cadre(), "owner", { status: "in_progress" });
    const result = await updateTask(cadre(), task.id, { version: 1, status: "completed" });
    expect(result).toMatchObject({ status: "completed", completedOn: OFFICE_TODAY, light: "blue" });
    expect(rowOf(task.id)).toMatchObject({
      status: "completed",
      completedOn: OFFICE_TODAY,
      completionNote: null,
    });
    expect(auditRowsOf(db, "task", task.id)[0]).toMatchObject({
      action: "status",
      before: { status: "in_progress", completedOn: null },
      after: { status: "completed", completedOn: OFFICE_TODAY },
    });
  });

  it("asks for a completion note when an indicator is below target", async () => {
    const task = taskFor(cadre(), "owner", {
      status: "in_progress",
      indicators: [{ target: 3 }, { target: 10 }],
    });
    const [first, second] = task.indicators;
    insertEntry(db, {
      taskId: task.id,
      authorId: cadre().id,
      entryDate: "2023-06-01",
      readings: { [first!.id]: 3, [second!.id]: 6 },
    });

    for (const completionNote of [undefined, ""]) {
      const error = await expectRefused(
        task.id,
        () => updateTask(cadre(), task.id, { version: 1, status: "completed", completionNote }),
        "validation_failed",
      );
      expect(error.fields).toEqual({ completionNote: "validation.completionNoteRequired" });
    }

    await updateTask(cadre(), task.id, {
      version: 1,
      status: "completed",
      completionNote: "余量转入明年",
    });
    expect(rowOf(task.id)).toMatchObject({
      status: "completed",
      completionNote: "余量转入明年",
      completedOn: OFFICE_TODAY,
      version: 2,
    });
  });

  it("completes without a note when every indicator reached its target, decrease ones too", async () => {
    const task = taskFor(cadre(), "owner", {
      status: "in_progress",
      indicators: [{ target: 3 }, { baseline: 604, target: 283, direction: "decrease" }],
    });
    const [lifts, shops] = task.indicators;
    insertEntry(db, {
      taskId: task.id,
      authorId: cadre().id,
      entryDate: "2023-06-01",
      readings: { [lifts!.id]: 4, [shops!.id]: 283 },
    });
    await updateTask(cadre(), task.id, { version: 1, status: "completed" });
    expect(rowOf(task.id)).toMatchObject({ status: "completed", completedOn: OFFICE_TODAY });
  });

  it("judges 'below target' only from readings that count today", async () => {
    const belowTarget = async (
      entries: {
        entryDate: string;
        value: number;
        reviewStatus?: "returned";
        withdrawn?: boolean;
      }[],
    ) => {
      const task = taskFor(cadre(), "owner", {
        status: "in_progress",
        indicators: [{ baseline: 604, target: 283, direction: "decrease" }],
      });
      insertEntry(db, {
        taskId: task.id,
        authorId: cadre().id,
        entryDate: "2023-05-01",
        readings: { [task.indicators[0]!.id]: 312 },
      });
      for (const entry of entries) {
        insertEntry(db, {
          taskId: task.id,
          authorId: cadre().id,
          entryDate: entry.entryDate,
          reviewStatus: entry.reviewStatus,
          withdrawnAt: entry.withdrawn ? new Date() : null,
          readings: { [task.indicators[0]!.id]: entry.value },
        });
      }
      const error = await updateTask(cadre(), task.id, { version: 1, status: "completed" }).then(
        () => null,
        (e: AppError) => e,
      );
      return error?.fields?.completionNote === "validation.completionNoteRequired";
    };
    expect(await belowTarget([])).toBe(true);
    expect(await belowTarget([{ entryDate: "2023-06-30", value: 283 }])).toBe(false);
    // The office's today is 07-01: a reading dated 07-01 counts, one dated 07-02 does not.
    expect(await belowTarget([{ entryDate: OFFICE_TODAY, value: 283 }])).toBe(false);
    expect(await belowTarget([{ entryDate: "2023-07-02", value: 283 }])).toBe(true);
    expect(await belowTarget([{ entryDate: "2023-06-30", value: 283, withdrawn: true }])).toBe(
      true,
    );
    expect(
      await belowTarget([{ entryDate: "2023-06-30", value: 283, reviewStatus: "returned" }]),
    ).toBe(true);
  });

  it("keeps the completion day when a completed task's note is edited", async () => {
    const task = taskFor(cadre(), "owner", { status: "completed", completedOn: "2023-05-10" });
    await updateTask(cadre(), task.id, { version: 1, completionNote: "补充说明" });
    expect(rowOf(task.id)).toMatchObject({
      status: "completed",
      completedOn: "2023-05-10",
      completionNote: "补充说明",
    });
    expect(auditRowsOf(db, "task", task.id)[0]).toMatchObject({
      before: { completionNote: null },
      after: { completionNote: "补充说明" },
    });
  });

  it("refuses a status change on an archived task", async () => {
    const task = taskFor(cadre(), "owner", { archivedAt: new Date() });
    const error = await expectRefused(
      task.id,
      () => updateTask(cadre(), task.id, { version: 1, status: "in_progress" }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ status: "validation.taskArchived" });
  });

  it("answers 404 for a task that does not exist", async () => {
    const audit = auditCount();
    await refusal(updateTask(actors.admin, 987_654, { version: 1, title: "x" }), "not_found");
    expect(auditCount()).toBe(audit);
  });
});

describe("versions: no lost updates", () => {
  it("refuses a stale write with the current task and who changed it, and writes nothing", async () => {
    const cadre = actors.cadre;
    const task = taskFor(cadre, "owner");
    await updateTask(actors.leader, task.id, { version: 1, title: "改造东海未名园" });

    const error = await expectRefused(
      task.id,
      () => updateTask(cadre, task.id, { version: 1, status: "in_progress" }),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.details).toEqual({
      current: expect.objectContaining({
        id: task.id,
        version: 2,
        title: "改造东海未名园",
        status: "not_started",
      }),
      changedBy: { id: office.leader.id, name: office.leader.displayName },
      changedAt: NOW.toISOString(),
    });
    expect(rowOf(task.id)).toMatchObject({ status: "not_started", version: 2 });
    expect(auditRowsOf(db, "task", task.id)).toHaveLength(1);

    // With the version it was shown, the same change goes through.
    const result = await updateTask(cadre, task.id, { version: 2, status: "in_progress" });
    expect(result).toMatchObject({ status: "in_progress", version: 3, title: "改造东海未名园" });
  });

  it("refuses a version from the future too", async () => {
    const task = taskFor(actors.leader, "owner");
    await expectRefused(
      task.id,
      () => updateTask(actors.leader, task.id, { version: 2, title: "x" }),
      "conflict",
    );
  });

  it("names nobody when the change has no audit row", async () => {
    const task = taskFor(actors.leader, "owner", { version: 5 });
    const error = await expectRefused(
      task.id,
      () => updateTask(actors.leader, task.id, { version: 4, title: "x" }),
      "conflict",
    );
    expect(error.details).toMatchObject({
      current: expect.objectContaining({ version: 5 }),
      changedBy: null,
      changedAt: null,
    });
  });

  it("keeps the version and writes no audit row when nothing changes", async () => {
    const leader = actors.leader;
    const task = taskFor(leader, "coUnit", {
      projectId: insertProject(db, { planId, title: "单任务板块" }).id,
      status: "blocked",
      blockedReason: "等待审批",
    });
    const same: Omit<TaskPatchInput, "version">[] = [
      {},
      { title: task.title },
      { status: "blocked" },
      { status: "blocked", blockedReason: "等待审批" },
      { coUnitIds: [leader.unitId, unitC] },
      // The lead unit never counts as a co-unit too.
      { coUnitIds: [unitC, leader.unitId, unitB] },
      { dueDate: task.dueDate, weight: task.weight, archived: false },
      { position: task.position },
    ];
    for (const patch of same) {
      const before = stateOf(task.id);
      const result = await updateTask(leader, task.id, { version: 1, ...patch });
      expect(result.version, JSON.stringify(patch)).toBe(1);
      expect(stateOf(task.id), JSON.stringify(patch)).toEqual(before);
    }
  });

  it("lets only one of two writes based on the same version through", async () => {
    const task = taskFor(actors.leader, "owner");
    const results = await Promise.allSettled([
      updateTask(actors.leader, task.id, { version: 1, title: "甲的标题" }),
      updateTask(actors.admin, task.id, { version: 1, title: "乙的标题" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const won = results.find((r) => r.status === "fulfilled")!;
    const lost = results.find((r) => r.status === "rejected")!;
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const title = (won as PromiseFulfilledResult<{ title: string }>).value.title;
    expect(rowOf(task.id)).toMatchObject({ title, version: 2 });
    expect(auditRowsOf(db, "task", task.id)).toHaveLength(1);
  });

  it("writes the task and its audit row together or not at all", async () => {
    const task = taskFor(actors.admin, "owner");
    // An actor that is no user: the audit row cannot be written, so the change must not be.
    const ghost: Actor = { id: 987_654, role: "admin", unitId: office.unit.id };
    const before = stateOf(task.id);
    await expect(updateTask(ghost, task.id, { version: 1, title: "幽灵" })).rejects.toThrow(
      /FOREIGN KEY/,
    );
    expect(stateOf(task.id)).toEqual(before);
  });
});

describe("audit rows", () => {
  it("record one row per write with only the changed fields", async () => {
    const leader = actors.leader;
    const task = taskFor(leader, "leadUnit", { weight: 1 });
    const audit = auditCount();
    await updateTask(leader, task.id, {
      version: 1,
      title: "增设停车位",
      weight: 3,
      dueDate: task.dueDate,
      coUnitIds: [unitC, unitD],
    });
    await updateTask(leader, task.id, { version: 2, status: "in_progress" });
    expect(auditCount()).toBe(audit + 2);
    const rows = auditRowsOf(db, "task", task.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actorId: leader.id,
      action: "update",
      entityType: "task",
      before: { title: task.title, weight: 1, coUnitIds: [unitC] },
      after: { title: "增设停车位", weight: 3, coUnitIds: [unitC, unitD].sort((a, b) => a - b) },
    });
    expect(rows[1]).toMatchObject({
      action: "status",
      before: { status: "not_started" },
      after: { status: "in_progress" },
    });
  });
});

describe("history", () => {
  it("lists every change to a task, newest first, with who made it", async () => {
    const task = taskFor(actors.cadre, "owner");
    await updateTask(actors.cadre, task.id, { version: 1, status: "in_progress" });
    await updateTask(actors.leader, task.id, { version: 2, title: "改造华顺公寓", weight: 2 });
    const history = await listHistory("task", task.id);
    expect(history).toEqual([
      {
        id: expect.any(Number),
        action: "update",
        at: NOW.toISOString(),
        actor: { id: office.leader.id, name: office.leader.displayName },
        before: { title: task.title, weight: 1 },
        after: { title: "改造华顺公寓", weight: 2 },
        labels: {},
      },
      {
        id: expect.any(Number),
        action: "status",
        at: NOW.toISOString(),
        actor: { id: office.cadre.id, name: office.cadre.displayName },
        before: { status: "not_started" },
        after: { status: "in_progress" },
        labels: {},
      },
    ]);
    expect(history[0]!.id).toBeGreaterThan(history[1]!.id);
    expect(await lastChange("task", task.id)).toEqual({
      actor: { id: office.leader.id, name: office.leader.displayName },
      at: NOW.toISOString(),
    });
    // Ids of people and units are named.
    await updateTask(actors.leader, task.id, {
      version: 3,
      ownerId: office.leader.id,
      coUnitIds: [unitD],
    });
    const [handover] = await listHistory("task", task.id);
    expect(handover!.labels).toEqual({
      [`ownerId:${office.cadre.id}`]: office.cadre.displayName,
      [`ownerId:${office.leader.id}`]: office.leader.displayName,
      [`coUnitIds:${unitC}`]: "C社区",
      [`coUnitIds:${unitD}`]: "D科室",
    });
    // Another kind of thing with the same id has its own (here: empty) history.
    expect(await listHistory("indicator", task.id)).toEqual([]);
    expect(await lastChange("task", 987_654)).toBeNull();
  });
});

describe("people and dates", () => {
  const leader = () => actors.leader;

  it("refuses a due date before the start date", async () => {
    const task = taskFor(leader(), "owner", { startDate: "2023-03-01", dueDate: "2023-09-30" });
    for (const patch of [
      { dueDate: "2023-02-28" },
      { startDate: "2023-10-01" },
      { startDate: "2023-06-01", dueDate: "2023-05-31" },
    ]) {
      const error = await expectRefused(
        task.id,
        () => updateTask(leader(), task.id, { version: 1, ...patch }),
        "validation_failed",
      );
      expect(error.fields).toEqual({ dueDate: "validation.dueBeforeStart" });
    }
    // A one-day task is fine.
    await updateTask(leader(), task.id, { version: 1, dueDate: "2023-03-01" });
    expect(rowOf(task.id).dueDate).toBe("2023-03-01");
  });

  it("refuses unknown or inactive owners and unknown or archived units", async () => {
    const task = taskFor(leader(), "owner");
    const cases: [Omit<TaskPatchInput, "version">, Record<string, string>][] = [
      [{ ownerId: 987_654 }, { ownerId: "validation.unknownUser" }],
      [{ ownerId: inactive.id }, { ownerId: "validation.unknownUser" }],
      [{ leadUnitId: 987_654 }, { leadUnitId: "validation.unknownUnit" }],
      [{ leadUnitId: archivedUnit }, { leadUnitId: "validation.unknownUnit" }],
      [{ coUnitIds: [unitD, 987_654] }, { coUnitIds: "validation.unknownUnit" }],
      [
        { ownerId: 987_654, coUnitIds: [archivedUnit] },
        { ownerId: "validation.unknownUser", coUnitIds: "validation.unknownUnit" },
      ],
    ];
    for (const [patch, fields] of cases) {
      const error = await expectRefused(
        task.id,
        () => updateTask(leader(), task.id, { version: 1, ...patch }),
        "validation_failed",
      );
      expect(error.fields).toEqual(fields);
    }
  });

  it("accepts the units a task already has back, even one archived since", async () => {
    // The edit form sends every field back, the units it did not touch included.
    const task = taskFor(leader(), "owner", {});
    db.insert(taskCoUnits).values({ taskId: task.id, unitId: archivedUnit }).run();
    await updateTask(leader(), task.id, {
      version: 1,
      title: "改造邻里中心",
      leadUnitId: unitB,
      coUnitIds: [unitC, archivedUnit],
    });
    expect(rowOf(task.id)).toMatchObject({ title: "改造邻里中心", version: 2 });
    expect(auditRowsOf(db, "task", task.id)[0]).toMatchObject({
      before: { title: task.title },
      after: { title: "改造邻里中心" },
    });
    // Adding one more live unit beside it is fine; the archived one cannot come back once gone.
    await updateTask(leader(), task.id, { version: 2, coUnitIds: [unitC, archivedUnit, unitD] });
    await updateTask(leader(), task.id, { version: 3, coUnitIds: [unitC] });
    const error = await expectRefused(
      task.id,
      () => updateTask(leader(), task.id, { version: 4, coUnitIds: [unitC, archivedUnit] }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ coUnitIds: "validation.unknownUnit" });
  });

  it("moves a co-unit that becomes the lead unit out of the co-units", async () => {
    const task = taskFor(leader(), "owner", {});
    // Lead B, co-unit C: C takes the lead.
    await updateTask(leader(), task.id, { version: 1, leadUnitId: unitC });
    expect(rowOf(task.id).leadUnitId).toBe(unitC);
    expect(stateOf(task.id).coUnits).toEqual([]);
    expect(auditRowsOf(db, "task", task.id)[0]).toMatchObject({
      before: { leadUnitId: unitB, coUnitIds: [unitC] },
      after: { leadUnitId: unitC, coUnitIds: [] },
    });
  });
});

describe("moving and archiving", () => {
  /** A project with `n` tasks at positions 1..n; returns their ids in order. */
  function projectWith(n: number) {
    const project = insertProject(db, { planId, title: `板块${n}` });
    const ids = Array.from(
      { length: n },
      (_, i) =>
        insertTask(db, {
          projectId: project.id,
          title: `任务${i + 1}`,
          ownerId: colleague.id,
          leadUnitId: unitB,
        }).id,
    );
    return { projectId: project.id, ids };
  }

  const order = (projectId: number) =>
    db
      .select({ id: tasks.id, position: tasks.position, archivedAt: tasks.archivedAt })
      .from(tasks)
      .where(eq(tasks.projectId, projectId))
      .orderBy(asc(tasks.position), asc(tasks.id))
      .all()
      .filter((t) => t.archivedAt === null)
      .map(({ id, position }) => ({ id, position }));

  const numbered = (ids: number[]) => ids.map((id, i) => ({ id, position: i + 1 }));

  it("moves a task up and renumbers its siblings 1..n", async () => {
    const { projectId, ids } = projectWith(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    const result = await updateTask(actors.leader, d, { version: 1, position: 2 });
    expect(result.position).toBe(2);
    expect(order(projectId)).toEqual(numbered([a, d, b, c]));
    expect(rowOf(d).version).toBe(2);
    expect(auditRowsOf(db, "task", d)).toEqual([
      expect.objectContaining({ action: "move", before: { position: 4 }, after: { position: 2 } }),
    ]);
    // Moving down, and past the end (clamped to the last place).
    await updateTask(actors.leader, a, { version: 1, position: 3 });
    expect(order(projectId)).toEqual(numbered([d, b, a, c]));
    await updateTask(actors.leader, d, { version: 2, position: 99 });
    expect(order(projectId)).toEqual(numbered([b, a, c, d]));
  });

  it("closes the gap an archived task leaves, and appends it when restored", async () => {
    const { projectId, ids } = projectWith(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    await updateTask(actors.admin, b, { version: 1, archived: true });
    expect(order(projectId)).toEqual(numbered([a, c, d]));
    expect(rowOf(b).archivedAt).toBeInstanceOf(Date);
    expect(auditRowsOf(db, "task", b)).toEqual([
      expect.objectContaining({
        action: "archive",
        before: { archived: false },
        after: { archived: true },
      }),
    ]);

    await updateTask(actors.admin, b, { version: 2, archived: false });
    expect(rowOf(b).archivedAt).toBeNull();
    expect(order(projectId)).toEqual(numbered([a, c, d, b]));
    expect(auditRowsOf(db, "task", b)[1]).toMatchObject({
      action: "restore",
      before: { archived: true, position: 2 },
      after: { archived: false, position: 4 },
    });
  });

  it("appends a task moved to another project and closes the gap it leaves", async () => {
    const from = projectWith(3);
    const to = projectWith(2);
    const [a, b, c] = from.ids as [number, number, number];
    const result = await updateTask(actors.leader, b, { version: 1, projectId: to.projectId });
    expect(result).toMatchObject({ projectId: to.projectId, position: 3 });
    expect(order(from.projectId)).toEqual(numbered([a, c]));
    expect(order(to.projectId)).toEqual(numbered([...to.ids, b]));
    expect(auditRowsOf(db, "task", b)).toEqual([
      expect.objectContaining({
        action: "update",
        before: { projectId: from.projectId, position: 2 },
        after: { projectId: to.projectId, position: 3 },
      }),
    ]);
  });

  it("puts a task moved to another project at the asked position", async () => {
    const from = projectWith(2);
    const to = projectWith(2);
    const [a, b] = from.ids as [number, number];
    await updateTask(actors.leader, a, { version: 1, projectId: to.projectId, position: 1 });
    expect(order(to.projectId)).toEqual(numbered([a, ...to.ids]));
    expect(order(from.projectId)).toEqual(numbered([b]));
  });

  it("refuses a project of another plan, an archived one, or one that does not exist", async () => {
    const otherPlan = insertPlan(db, { year: 2022 });
    const lastYear = insertProject(db, { planId: otherPlan.id, title: "去年" });
    const archived = insertProject(db, { planId, title: "旧板块", archivedAt: new Date() });
    const { ids } = projectWith(1);
    for (const projectId of [lastYear.id, archived.id, 987_654]) {
      const error = await expectRefused(
        ids[0]!,
        () => updateTask(actors.leader, ids[0]!, { version: 1, projectId }),
        "validation_failed",
      );
      expect(error.fields).toEqual({ projectId: "validation.unknownProject" });
    }
  });

  it("keeps the version when a move changes nothing", async () => {
    const { projectId, ids } = projectWith(2);
    const before = stateOf(ids[1]!);
    // Already last: position 2, and anything past the end, leave it where it is.
    for (const position of [2, 5]) {
      const result = await updateTask(actors.leader, ids[1]!, { version: 1, position });
      expect(result.version).toBe(1);
    }
    expect(stateOf(ids[1]!)).toEqual(before);
    expect(order(projectId)).toEqual(numbered(ids));
  });
});
