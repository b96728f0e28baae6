import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, projects, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import type { ErrorCode } from "@/lib/errors";
import {
  auditRowsOf,
  asActor,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { createProject, updateProject } from "./write";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;
let leader: Actor;
let cadre: Actor;
let inactiveLeader: number;
let currentPlanId: number;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
  leader = asActor(office.leader);
  cadre = asActor(office.cadre);
  inactiveLeader = db
    .insert(users)
    .values({
      username: "retired",
      displayName: "退休领导",
      unitId: office.unit.id,
      role: "leader",
      passwordHash: "x",
      active: false,
    })
    .returning()
    .get().id;
  currentPlanId = insertPlan(db, { year: 2023, isCurrent: true }).id;
});

afterAll(closeTestDatabase);

const rowOf = (id: number) => db.select().from(projects).where(eq(projects.id, id)).get()!;
const projectCount = () => db.select({ n: count() }).from(projects).get()!.n;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

/** The live projects of a plan as { id, position }, in order. */
const order = (planId: number) =>
  db
    .select({ id: projects.id, position: projects.position, archivedAt: projects.archivedAt })
    .from(projects)
    .where(eq(projects.planId, planId))
    .orderBy(asc(projects.position), asc(projects.id))
    .all()
    .filter((p) => p.archivedAt === null)
    .map(({ id, position }) => ({ id, position }));
const numbered = (ids: number[]) => ids.map((id, i) => ({ id, position: i + 1 }));

let planYear = 2030;

/** A plan of its own with `n` projects at 1..n. */
function planWith(n: number) {
  const plan = insertPlan(db, { year: planYear++ });
  const ids = Array.from(
    { length: n },
    (_, i) => insertProject(db, { planId: plan.id, title: `板块${i + 1}` }).id,
  );
  return { planId: plan.id, ids };
}

/** Expects a refusal with `code`, and no project or audit row changed or added. */
async function expectRefused(call: () => Promise<unknown>, code: ErrorCode) {
  const before = {
    projects: db.select().from(projects).all(),
    audit: auditCount(),
  };
  const error = await refusal(call(), code);
  expect({ projects: db.select().from(projects).all(), audit: auditCount() }).toEqual(before);
  return error;
}

describe("createProject", () => {
  it("adds a project at the end of the current plan, with its audit row", async () => {
    const first = await createProject(leader, {
      title: "讲政治",
      description: "党建引领",
      leadLeaderId: leader.id,
    });
    const second = await createProject(admin, {
      title: "抓经济",
      description: "",
      leadLeaderId: null,
    });
    expect(first).toMatchObject({
      planId: currentPlanId,
      position: 1,
      title: "讲政治",
      description: "党建引领",
      leadLeaderId: leader.id,
      leadLeaderName: office.leader.displayName,
      archived: false,
      version: 1,
    });
    expect(second).toMatchObject({ position: 2, leadLeaderId: null, leadLeaderName: null });
    expect(order(currentPlanId)).toEqual(numbered([first.id, second.id]));
    expect(auditRowsOf(db, "project", first.id)).toEqual([
      expect.objectContaining({
        actorId: leader.id,
        action: "create",
        before: null,
        after: {
          title: "讲政治",
          description: "党建引领",
          leadLeaderId: leader.id,
          position: 1,
          archived: false,
        },
      }),
    ]);
    expect(auditRowsOf(db, "project", second.id)).toHaveLength(1);
  });

  it("adds to the plan asked for, after its live projects", async () => {
    const { planId, ids } = planWith(2);
    const archived = insertProject(db, { planId, title: "旧", archivedAt: new Date() });
    const created = await createProject(admin, {
      planId,
      title: "守平安",
      description: "",
      leadLeaderId: null,
    });
    expect(created).toMatchObject({ planId, position: 3 });
    expect(order(planId)).toEqual(numbered([...ids, created.id]));
    expect(rowOf(archived.id).archivedAt).not.toBeNull();
  });

  it("is for leaders and admins only", async () => {
    const error = await expectRefused(
      () => createProject(cadre, { title: "x", description: "", leadLeaderId: null }),
      "forbidden",
    );
    expect(error.status).toBe(403);
  });

  it("refuses a lead leader who is a cadre, inactive or unknown, and an unknown plan", async () => {
    const count = projectCount();
    for (const leadLeaderId of [cadre.id, inactiveLeader, 987_654]) {
      const error = await expectRefused(
        () => createProject(admin, { title: "x", description: "", leadLeaderId }),
        "validation_failed",
      );
      expect(error.fields).toEqual({ leadLeaderId: "validation.notALeader" });
    }
    await expectRefused(
      () =>
        createProject(admin, { planId: 987_654, title: "x", description: "", leadLeaderId: null }),
      "not_found",
    );
    expect(projectCount()).toBe(count);
  });
});

describe("updateProject", () => {
  it("edits fields with a new version and one audit row of what changed", async () => {
    const { ids } = planWith(1);
    const id = ids[0]!;
    const result = await updateProject(leader, id, {
      version: 1,
      title: "惠民生",
      description: "",
      leadLeaderId: admin.id,
    });
    expect(result).toMatchObject({ title: "惠民生", leadLeaderId: admin.id, version: 2 });
    expect(rowOf(id)).toMatchObject({ title: "惠民生", leadLeaderId: admin.id, version: 2 });
    expect(auditRowsOf(db, "project", id)).toEqual([
      expect.objectContaining({
        actorId: leader.id,
        action: "update",
        before: { title: "板块1", leadLeaderId: null },
        after: { title: "惠民生", leadLeaderId: admin.id },
      }),
    ]);
    // Clearing the lead leader.
    await updateProject(leader, id, { version: 2, leadLeaderId: null });
    expect(rowOf(id)).toMatchObject({ leadLeaderId: null, version: 3 });
  });

  it("is for leaders and admins only, and 404 for an unknown project", async () => {
    const { ids } = planWith(1);
    await expectRefused(
      () => updateProject(cadre, ids[0]!, { version: 1, title: "x" }),
      "forbidden",
    );
    await expectRefused(
      () => updateProject(admin, 987_654, { version: 1, title: "x" }),
      "not_found",
    );
  });

  it("refuses a lead leader who is not a leader", async () => {
    const { ids } = planWith(1);
    const error = await expectRefused(
      () => updateProject(admin, ids[0]!, { version: 1, title: "新", leadLeaderId: cadre.id }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ leadLeaderId: "validation.notALeader" });
  });

  it("refuses a stale version with the current project and who changed it, writing nothing", async () => {
    const { ids } = planWith(1);
    const id = ids[0]!;
    await updateProject(admin, id, { version: 1, title: "壮队伍" });
    const error = await expectRefused(
      () => updateProject(leader, id, { version: 1, description: "旧页面上的修改" }),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.details).toEqual({
      current: expect.objectContaining({ id, title: "壮队伍", description: "", version: 2 }),
      changedBy: { id: admin.id, name: office.admin.displayName },
      changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it("keeps the version and writes no audit row when nothing changes", async () => {
    const { planId, ids } = planWith(3);
    const archived = insertProject(db, { planId, title: "旧", archivedAt: new Date() });
    const same = [
      { id: ids[1]!, patch: {} },
      { id: ids[1]!, patch: { title: "板块2", description: "", leadLeaderId: null } },
      { id: ids[1]!, patch: { archived: false } },
      { id: ids[1]!, patch: { position: 2 } },
      // Already last: anything past the end leaves it there.
      { id: ids[2]!, patch: { position: 10 } },
      // An archived project has no place to move to.
      { id: archived.id, patch: { archived: true, position: 1 } },
    ];
    for (const { id, patch } of same) {
      const before = { row: rowOf(id), audit: auditCount(), order: order(planId) };
      const result = await updateProject(leader, id, { version: 1, ...patch });
      expect(result.version, JSON.stringify(patch)).toBe(1);
      expect({ row: rowOf(id), audit: auditCount(), order: order(planId) }).toEqual(before);
    }
  });

  it("moves a project and renumbers the plan's projects 1..n", async () => {
    const { planId, ids } = planWith(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    const result = await updateProject(leader, c, { version: 1, position: 1 });
    expect(result).toMatchObject({ position: 1, version: 2 });
    expect(order(planId)).toEqual(numbered([c, a, b, d]));
    expect(auditRowsOf(db, "project", c)).toEqual([
      expect.objectContaining({ action: "move", before: { position: 3 }, after: { position: 1 } }),
    ]);
    // The projects that shifted get no audit row of their own.
    expect(auditRowsOf(db, "project", a)).toEqual([]);
    await updateProject(leader, c, { version: 2, position: 4 });
    expect(order(planId)).toEqual(numbered([a, b, d, c]));
  });

  it("archives a project closing its gap, and restores it at the end", async () => {
    const { planId, ids } = planWith(3);
    const [a, b, c] = ids as [number, number, number];
    const archived = await updateProject(admin, a, { version: 1, archived: true });
    expect(archived).toMatchObject({ archived: true, version: 2 });
    expect(rowOf(a).archivedAt).toBeInstanceOf(Date);
    expect(order(planId)).toEqual(numbered([b, c]));
    expect(auditRowsOf(db, "project", a)).toEqual([
      expect.objectContaining({
        action: "archive",
        before: { archived: false },
        after: { archived: true },
      }),
    ]);

    await updateProject(admin, a, { version: 2, archived: false });
    expect(rowOf(a).archivedAt).toBeNull();
    expect(order(planId)).toEqual(numbered([b, c, a]));
    expect(auditRowsOf(db, "project", a)[1]).toMatchObject({
      action: "restore",
      before: { archived: true, position: 1 },
      after: { archived: false, position: 3 },
    });
  });

  it("writes the project and its audit row together or not at all", async () => {
    const { ids } = planWith(1);
    const ghost: Actor = { id: 987_654, role: "admin", unitId: office.unit.id };
    const before = rowOf(ids[0]!);
    await expect(updateProject(ghost, ids[0]!, { version: 1, title: "幽灵" })).rejects.toThrow(
      /FOREIGN KEY/,
    );
    expect(rowOf(ids[0]!)).toEqual(before);
  });
});
