import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, indicators } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import type { ErrorCode } from "@/lib/errors";
import { getTask } from "@/lib/tasks/queries";
import {
  auditRowsOf,
  asActor,
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
  type TestIndicator,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { createIndicator } from "./create-indicator";
import { indicatorCreateSchema, indicatorIssues } from "./schemas";
import { removeIndicator, updateIndicator } from "./update-indicator";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;
let leader: Actor;
let cadre: Actor;
let projectId: number;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
  leader = asActor(office.leader);
  cadre = asActor(office.cadre);
  const plan = insertPlan(db, { year: 2023, isCurrent: true });
  projectId = insertProject(db, { planId: plan.id, title: "惠民生" }).id;
});

afterAll(closeTestDatabase);

/** A task the cadre owns, with the given indicators. */
const taskWith = (...list: TestIndicator[]) =>
  insertTask(db, {
    projectId,
    ownerId: cadre.id,
    leadUnitId: office.unit.id,
    indicators: list,
  });

const rowOf = (id: number) => db.select().from(indicators).where(eq(indicators.id, id)).get();
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;
const positions = (taskId: number) =>
  db
    .select({ id: indicators.id, position: indicators.position })
    .from(indicators)
    .where(eq(indicators.taskId, taskId))
    .orderBy(asc(indicators.position), asc(indicators.id))
    .all();
const numbered = (ids: number[]) => ids.map((id, i) => ({ id, position: i + 1 }));

/** Expects a refusal with `code` and no indicator or audit row changed or added. */
async function expectRefused(call: () => Promise<unknown>, code: ErrorCode) {
  const before = { rows: db.select().from(indicators).all(), audit: auditCount() };
  const error = await refusal(call(), code);
  expect({ rows: db.select().from(indicators).all(), audit: auditCount() }).toEqual(before);
  return error;
}

const lifts = {
  name: "加装电梯",
  unit: "台",
  baseline: 0,
  target: 12,
  direction: "increase" as const,
  decimals: 0,
  weight: 1,
};

describe("indicatorIssues", () => {
  it("wants the target ahead of the baseline in the indicator's direction", () => {
    expect(indicatorIssues({ baseline: 0, target: 3, direction: "increase", decimals: 0 })).toEqual(
      [],
    );
    expect(
      indicatorIssues({ baseline: 604, target: 283, direction: "decrease", decimals: 0 }),
    ).toEqual([]);
    for (const value of [
      { baseline: 5, target: 3, direction: "increase" as const },
      { baseline: 3, target: 3, direction: "increase" as const },
      { baseline: 283, target: 604, direction: "decrease" as const },
      { baseline: 283, target: 283, direction: "decrease" as const },
    ]) {
      expect(indicatorIssues({ ...value, decimals: 0 })).toEqual([
        { field: "target", message: "validation.targetDirection" },
      ]);
    }
  });

  it("wants no more decimals than the indicator keeps", () => {
    expect(
      indicatorIssues({ baseline: 1.25, target: 3.5, direction: "increase", decimals: 2 }),
    ).toEqual([]);
    expect(
      indicatorIssues({ baseline: 1.25, target: 3.5, direction: "increase", decimals: 1 }),
    ).toEqual([{ field: "baseline", message: "validation.tooManyDecimals" }]);
    expect(
      indicatorIssues({ baseline: 0.5, target: 0.25, direction: "increase", decimals: 0 }),
    ).toEqual([
      { field: "target", message: "validation.targetDirection" },
      { field: "baseline", message: "validation.tooManyDecimals" },
      { field: "target", message: "validation.tooManyDecimals" },
    ]);
    // Exponent notation is never a plain decimal.
    expect(
      indicatorIssues({ baseline: 0, target: 1e-7, direction: "increase", decimals: 4 }),
    ).toEqual([{ field: "target", message: "validation.tooManyDecimals" }]);
  });

  it("is what the create schema checks, with defaults filled in", () => {
    expect(indicatorCreateSchema.parse({ name: " 托育 ", unit: "个", target: 20 })).toEqual({
      name: "托育",
      unit: "个",
      baseline: 0,
      target: 20,
      direction: "increase",
      decimals: 0,
      weight: 1,
    });
    const bad = indicatorCreateSchema.safeParse({
      name: "x",
      unit: "个",
      baseline: 10,
      target: 2.5,
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["target", "validation.targetDirection"],
      ["target", "validation.tooManyDecimals"],
    ]);
    expect(
      indicatorCreateSchema.safeParse({ name: "x", unit: "个", target: 1, direction: "up" })
        .success,
    ).toBe(false);
  });
});

describe("createIndicator", () => {
  it("adds an indicator after the task's live ones, with its audit row", async () => {
    const task = taskWith({ target: 3 }, { target: 5, position: 2, archivedAt: new Date() });
    const created = await createIndicator(leader, task.id, lifts);
    expect(created).toMatchObject({
      taskId: task.id,
      position: 2,
      name: "加装电梯",
      unit: "台",
      baseline: 0,
      target: 12,
      direction: "increase",
      decimals: 0,
      weight: 1,
      archived: false,
      version: 1,
    });
    expect(rowOf(created.id)).toMatchObject({ measureUnit: "台", target: 12 });
    expect(auditRowsOf(db, "indicator", created.id)).toEqual([
      expect.objectContaining({
        actorId: leader.id,
        action: "create",
        after: { taskId: task.id, ...lifts, position: 2 },
      }),
    ]);
  });

  it("is for leaders and admins only, on a task that exists", async () => {
    const task = taskWith();
    await expectRefused(() => createIndicator(cadre, task.id, lifts), "forbidden");
    await expectRefused(() => createIndicator(admin, 987_654, lifts), "not_found");
  });

  it("refuses an indicator whose target or decimals do not fit, writing nothing", async () => {
    const task = taskWith();
    const error = await expectRefused(
      () => createIndicator(admin, task.id, { ...lifts, baseline: 12, target: 3 }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ target: "validation.targetDirection" });
    const decimals = await expectRefused(
      () => createIndicator(admin, task.id, { ...lifts, target: 2.5 }),
      "validation_failed",
    );
    expect(decimals.fields).toEqual({ target: "validation.tooManyDecimals" });
  });
});

describe("updateIndicator", () => {
  it("edits with a new version and one audit row of what changed", async () => {
    const task = taskWith({ name: "车位", measureUnit: "个", target: 100 });
    const id = task.indicators[0]!.id;
    const result = await updateIndicator(leader, id, { version: 1, target: 120, name: "停车位" });
    expect(result).toMatchObject({ target: 120, name: "停车位", version: 2 });
    expect(rowOf(id)).toMatchObject({ target: 120, name: "停车位", version: 2 });
    expect(auditRowsOf(db, "indicator", id)).toEqual([
      expect.objectContaining({
        actorId: leader.id,
        action: "update",
        before: { name: "车位", target: 100 },
        after: { name: "停车位", target: 120 },
      }),
    ]);
  });

  it("checks the merged indicator, not only the fields sent", async () => {
    const task = taskWith({ baseline: 0, target: 10, decimals: 1 });
    const id = task.indicators[0]!.id;
    const direction = await expectRefused(
      () => updateIndicator(admin, id, { version: 1, direction: "decrease" }),
      "validation_failed",
    );
    expect(direction.fields).toEqual({ target: "validation.targetDirection" });
    await updateIndicator(admin, id, { version: 1, target: 7.5 });
    const decimals = await expectRefused(
      () => updateIndicator(admin, id, { version: 2, decimals: 0 }),
      "validation_failed",
    );
    expect(decimals.fields).toEqual({ target: "validation.tooManyDecimals" });
    // Turning it around in one edit is fine.
    await updateIndicator(admin, id, { version: 2, direction: "decrease", baseline: 20 });
    expect(rowOf(id)).toMatchObject({ direction: "decrease", baseline: 20, target: 7.5 });
  });

  it("is for leaders and admins only, and 404 for an unknown indicator", async () => {
    const task = taskWith({ target: 10 });
    await expectRefused(
      () => updateIndicator(cadre, task.indicators[0]!.id, { version: 1, target: 11 }),
      "forbidden",
    );
    await expectRefused(() => updateIndicator(admin, 987_654, { version: 1 }), "not_found");
  });

  it("refuses a stale version with the current indicator and who changed it", async () => {
    const task = taskWith({ target: 10 });
    const id = task.indicators[0]!.id;
    await updateIndicator(admin, id, { version: 1, target: 11 });
    const error = await expectRefused(
      () => updateIndicator(leader, id, { version: 1, target: 15 }),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.details).toEqual({
      current: expect.objectContaining({ id, target: 11, version: 2 }),
      changedBy: { id: admin.id, name: office.admin.displayName },
      changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it("keeps the version when nothing changes", async () => {
    const task = taskWith({ name: "电梯", measureUnit: "台", target: 10 }, { target: 3 });
    const id = task.indicators[0]!.id;
    for (const patch of [{}, { name: "电梯", unit: "台", target: 10 }, { position: 1 }]) {
      const before = { row: rowOf(id), audit: auditCount() };
      expect((await updateIndicator(leader, id, { version: 1, ...patch })).version).toBe(1);
      expect({ row: rowOf(id), audit: auditCount() }).toEqual(before);
    }
  });

  it("moves an indicator among its task's indicators, renumbering them 1..n", async () => {
    const task = taskWith({ target: 1 }, { target: 2 }, { target: 3 });
    const [a, b, c] = task.indicators.map((i) => i.id) as [number, number, number];
    await updateIndicator(leader, c, { version: 1, position: 1 });
    expect(positions(task.id)).toEqual(numbered([c, a, b]));
    expect(auditRowsOf(db, "indicator", c)).toEqual([
      expect.objectContaining({ before: { position: 3 }, after: { position: 1 } }),
    ]);
    await updateIndicator(leader, c, { version: 2, position: 9 });
    expect(positions(task.id)).toEqual(numbered([a, b, c]));
    expect((await getTask(task.id, "2023-06-30")).indicators.map((i) => i.id)).toEqual([a, b, c]);
  });
});

describe("removeIndicator", () => {
  it("archives an indicator that has readings: the row and its readings stay", async () => {
    const task = taskWith({ target: 10 }, { target: 5 });
    const [kept, other] = task.indicators;
    insertEntry(db, {
      taskId: task.id,
      authorId: cadre.id,
      entryDate: "2023-05-01",
      readings: { [kept!.id]: 4 },
    });
    expect(await removeIndicator(leader, kept!.id, 1)).toEqual({
      id: kept!.id,
      outcome: "archived",
    });
    expect(rowOf(kept!.id)).toMatchObject({ version: 2, archivedAt: expect.any(Date) });
    const audit = auditRowsOf(db, "indicator", kept!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: leader.id,
      action: "archive",
      before: { taskId: task.id, name: kept!.name, target: 10, archived: false },
      after: { taskId: task.id, name: kept!.name, target: 10, archived: true },
    });
    // An archived indicator no longer counts toward its task.
    expect((await getTask(task.id, "2023-06-30")).indicators.map((i) => i.id)).toEqual([other!.id]);
  });

  it("archives one whose only readings were withdrawn: the history still cites it", async () => {
    const task = taskWith({ target: 10 });
    const id = task.indicators[0]!.id;
    insertEntry(db, {
      taskId: task.id,
      authorId: cadre.id,
      entryDate: "2023-05-01",
      withdrawnAt: new Date(),
      readings: { [id]: 4 },
    });
    expect((await removeIndicator(admin, id, 1)).outcome).toBe("archived");
    expect(rowOf(id)).toBeDefined();
  });

  it("deletes an indicator without readings, with an audit row of what it was", async () => {
    const task = taskWith({ name: "托育园", measureUnit: "所", target: 2 });
    const id = task.indicators[0]!.id;
    expect(await removeIndicator(admin, id, 1)).toEqual({ id, outcome: "deleted" });
    expect(rowOf(id)).toBeUndefined();
    expect(auditRowsOf(db, "indicator", id)).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: "delete",
        before: expect.objectContaining({ taskId: task.id, name: "托育园", unit: "所", target: 2 }),
        after: null,
      }),
    ]);
  });

  it("refuses a stale version, a cadre and an unknown indicator, removing nothing", async () => {
    const task = taskWith({ target: 10 });
    const id = task.indicators[0]!.id;
    await updateIndicator(admin, id, { version: 1, target: 20 });
    const stale = await expectRefused(() => removeIndicator(leader, id, 1), "conflict");
    expect(stale.details).toMatchObject({ current: expect.objectContaining({ version: 2 }) });
    await expectRefused(() => removeIndicator(cadre, id, 2), "forbidden");
    await expectRefused(() => removeIndicator(admin, 987_654, 1), "not_found");
    expect(rowOf(id)).toMatchObject({ target: 20, archivedAt: null });
  });

  it("leaves an indicator that is already archived as it was", async () => {
    const archivedAt = new Date("2023-03-01T00:00:00Z");
    const task = taskWith({ target: 10, archivedAt });
    const id = task.indicators[0]!.id;
    insertEntry(db, {
      taskId: task.id,
      authorId: cadre.id,
      entryDate: "2023-02-01",
      readings: { [id]: 4 },
    });
    const before = { row: rowOf(id), audit: auditCount() };
    expect(await removeIndicator(admin, id, 1)).toEqual({ id, outcome: "archived" });
    expect({ row: rowOf(id), audit: auditCount() }).toEqual(before);
  });
});
