import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUnit,
  insertUser,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { createUnit, getAdminUnit, listAdminUnits, updateUnit } from "./admin";
import { unitCreateSchema, unitPatchSchema } from "./schemas";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;
let leader: Actor;
let cadre: Actor;
let currentProjectId: number;
let oldProjectId: number;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
  leader = asActor(office.leader);
  cadre = asActor(office.cadre);
  const old = insertPlan(db, { year: 2022 });
  const current = insertPlan(db, { year: 2023, isCurrent: true });
  currentProjectId = insertProject(db, { planId: current.id }).id;
  oldProjectId = insertProject(db, { planId: old.id }).id;
});

afterAll(closeTestDatabase);

const rowOf = (id: number) => db.select().from(units).where(eq(units.id, id)).get()!;
const unitCount = () => db.select({ n: count() }).from(units).get()!.n;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

/** Expects a refusal, with nothing written: no unit added or changed, no audit row. */
async function expectNothingWritten(call: () => Promise<unknown>) {
  const before = { units: db.select().from(units).all(), audit: auditCount() };
  const error = await refusal(call());
  expect(db.select().from(units).all()).toEqual(before.units);
  expect(auditCount()).toBe(before.audit);
  return error;
}

describe("createUnit", () => {
  it("adds a unit at the end of the list and records who did it", async () => {
    const last = Math.max(
      ...db
        .select()
        .from(units)
        .all()
        .map((u) => u.position),
    );
    const unit = await createUnit(admin, { name: "城建科", type: "department" });
    expect(unit).toEqual({
      id: unit.id,
      name: "城建科",
      type: "department",
      position: last + 1,
      archived: false,
      memberCount: 0,
      ledTaskCount: 0,
    });
    const rows = auditRowsOf(db, "unit", unit.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      action: "create",
      after: { name: "城建科", type: "department", position: last + 1, archived: false },
    });
  });

  it("refuses a name a live unit has (400 naming `name`)", async () => {
    await createUnit(admin, { name: "综治办", type: "department" });
    const error = await expectNothingWritten(() =>
      createUnit(admin, { name: "综治办", type: "other" }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual({ name: "validation.unitNameTaken" });
  });

  it("refuses an archived unit's name, pointing at restoring it", async () => {
    const unit = await createUnit(admin, { name: "老城社区", type: "community" });
    await updateUnit(admin, unit.id, { archived: true });
    const error = await expectNothingWritten(() =>
      createUnit(admin, { name: "老城社区", type: "community" }),
    );
    expect(error.fields).toEqual({ name: "validation.unitNameArchived" });
  });

  it("is for admins only: leaders and cadres get 403 and nothing is written", async () => {
    for (const actor of [leader, cadre]) {
      const error = await expectNothingWritten(() =>
        createUnit(actor, { name: `越权${actor.role}`, type: "other" }),
      );
      expect(error.code).toBe("forbidden");
    }
  });
});

describe("the unit schemas", () => {
  it("trim the name and hold it to 1–50 characters and a known type", () => {
    expect(unitCreateSchema.parse({ name: "  党政办 ", type: "department" })).toEqual({
      name: "党政办",
      type: "department",
    });
    const tooLong = unitCreateSchema.safeParse({ name: "单".repeat(51), type: "department" });
    expect(tooLong.error?.issues.map((i) => i.message)).toEqual(["validation.tooLong"]);
    expect(unitCreateSchema.safeParse({ name: "单".repeat(50), type: "other" }).success).toBe(true);
    const blank = unitCreateSchema.safeParse({ name: "   ", type: "department" });
    expect(blank.error?.issues.map((i) => i.message)).toEqual(["validation.required"]);
    const badType = unitCreateSchema.safeParse({ name: "某科", type: "bureau" });
    expect(badType.error?.issues.map((i) => i.message)).toEqual(["validation.invalidChoice"]);
  });

  it("refuse unknown fields in a patch (no deleting, no moving by the back door)", () => {
    expect(unitPatchSchema.safeParse({ deleted: true }).success).toBe(false);
    expect(unitPatchSchema.parse({ archived: false })).toEqual({ archived: false });
  });
});

describe("updateUnit", () => {
  it("renames and retypes a unit, recording only what changed", async () => {
    const unit = await createUnit(admin, { name: "文化站", type: "other" });
    const updated = await updateUnit(admin, unit.id, { name: "文化中心", type: "department" });
    expect(updated).toMatchObject({
      id: unit.id,
      name: "文化中心",
      type: "department",
      archived: false,
      warnings: null,
    });
    expect(rowOf(unit.id)).toMatchObject({ name: "文化中心", type: "department" });
    const rows = auditRowsOf(db, "unit", unit.id);
    expect(rows.at(-1)).toMatchObject({
      action: "update",
      before: { name: "文化站", type: "other" },
      after: { name: "文化中心", type: "department" },
    });
  });

  it("writes no audit row when nothing changes (its own name is not 'taken')", async () => {
    const unit = await createUnit(admin, { name: "信访办", type: "department" });
    const before = auditRowsOf(db, "unit", unit.id).length;
    const same = await updateUnit(admin, unit.id, { name: "信访办", type: "department" });
    expect(same).toMatchObject({ name: "信访办", warnings: null });
    expect(auditRowsOf(db, "unit", unit.id)).toHaveLength(before);
  });

  it("refuses renaming to another unit's name", async () => {
    const a = await createUnit(admin, { name: "甲社区", type: "community" });
    await createUnit(admin, { name: "乙社区", type: "community" });
    const error = await expectNothingWritten(() => updateUnit(admin, a.id, { name: "乙社区" }));
    expect(error.fields).toEqual({ name: "validation.unitNameTaken" });
  });

  it("archives and restores, never deletes; archived units leave the default list", async () => {
    const unit = await createUnit(admin, { name: "临时专班", type: "other" });
    const archived = await updateUnit(admin, unit.id, { archived: true });
    expect(archived).toMatchObject({ archived: true, warnings: null });
    expect(rowOf(unit.id).archivedAt).toBeInstanceOf(Date);
    expect((await listAdminUnits()).map((u) => u.id)).not.toContain(unit.id);
    const all = await listAdminUnits({ includeArchived: true });
    expect(all.find((u) => u.id === unit.id)).toMatchObject({ archived: true });
    // Live units come first.
    const firstArchived = all.findIndex((u) => u.archived);
    expect(all.slice(firstArchived).every((u) => u.archived)).toBe(true);

    const restored = await updateUnit(admin, unit.id, { archived: false });
    expect(restored).toMatchObject({ archived: false, warnings: null });
    expect(rowOf(unit.id).archivedAt).toBeNull();
    expect(auditRowsOf(db, "unit", unit.id).map((r) => r.action)).toEqual([
      "create",
      "archive",
      "restore",
    ]);
  });

  it("archives a unit that still has people and open tasks, and says how many", async () => {
    const unit = insertUnit(db, "东湖社区", "community");
    const owner = insertUser(db, { unitId: unit.id, role: "cadre", username: "donghu-1" });
    insertUser(db, { unitId: unit.id, role: "cadre", username: "donghu-2" });
    // Counted: live open tasks of the current plan that it leads.
    insertTask(db, { projectId: currentProjectId, ownerId: owner.id, leadUnitId: unit.id });
    insertTask(db, {
      projectId: currentProjectId,
      ownerId: owner.id,
      leadUnitId: unit.id,
      status: "in_progress",
    });
    // Not counted: completed, archived, or of another plan.
    insertTask(db, {
      projectId: currentProjectId,
      ownerId: owner.id,
      leadUnitId: unit.id,
      status: "completed",
    });
    insertTask(db, {
      projectId: currentProjectId,
      ownerId: owner.id,
      leadUnitId: unit.id,
      archivedAt: new Date(),
    });
    insertTask(db, { projectId: oldProjectId, ownerId: owner.id, leadUnitId: unit.id });
    // An inactive member is not counted.
    const gone = insertUser(db, { unitId: unit.id, role: "cadre", username: "donghu-gone" });
    db.update(users).set({ active: false }).where(eq(users.id, gone.id)).run();

    expect(await getAdminUnit(unit.id)).toMatchObject({ memberCount: 2, ledTaskCount: 2 });
    const archived = await updateUnit(admin, unit.id, { archived: true });
    expect(archived).toMatchObject({
      archived: true,
      memberCount: 2,
      ledTaskCount: 2,
      warnings: { activeMembers: 2, openLedTasks: 2 },
    });
    // Its people and tasks stay where they were.
    expect(rowOf(unit.id).archivedAt).not.toBeNull();
    // Archiving again changes nothing and warns no more.
    const again = await updateUnit(admin, unit.id, { archived: true });
    expect(again.warnings).toBeNull();
    expect(auditRowsOf(db, "unit", unit.id).map((r) => r.action)).toEqual(["archive"]);
  });

  it("answers 404 for a unit that does not exist", async () => {
    const error = await expectNothingWritten(() => updateUnit(admin, 999_999, { name: "无" }));
    expect(error.code).toBe("not_found");
  });

  it("is for admins only", async () => {
    const error = await expectNothingWritten(() =>
      updateUnit(leader, office.unit.id, { archived: true }),
    );
    expect(error.code).toBe("forbidden");
    expect(unitCount()).toBeGreaterThan(0);
  });
});

describe("listAdminUnits", () => {
  it("counts active members and open led tasks of the current plan per unit", async () => {
    const items = await listAdminUnits();
    const home = items.find((u) => u.id === office.unit.id);
    // insertOffice's unit holds the admin, the leader and the cadre.
    expect(home).toMatchObject({ name: "测试社区", type: "community", memberCount: 3 });
    expect(items.every((u) => !u.archived)).toBe(true);
    const positions = items.map((u) => u.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
