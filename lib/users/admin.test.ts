import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, units, users } from "@/db/schema";
import { authenticate, SignInLockedError } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
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
import { refusal, rejection } from "@/lib/testing/errors";
import {
  createUser,
  getAdminUser,
  listTasksNeedingOwner,
  listUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from "./admin";
import { userCreateSchema } from "./schemas";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;
let leader: Actor;
let cadre: Actor;
let department: ReturnType<typeof insertUnit>;
let archivedUnit: ReturnType<typeof insertUnit>;

beforeAll(async () => {
  db = openTestDatabase();
  office = insertOffice(db, await hashPassword("the old one, long"));
  admin = asActor(office.admin);
  leader = asActor(office.leader);
  cadre = asActor(office.cadre);
  department = insertUnit(db, "党政办公室");
  archivedUnit = insertUnit(db, "旧科室");
  db.update(units).set({ archivedAt: new Date() }).where(eq(units.id, archivedUnit.id)).run();
});

afterAll(closeTestDatabase);

const userRow = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;
const userCount = () => db.select({ n: count() }).from(users).get()!.n;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;
const newUser = (username: string, unitId = department.id) =>
  userCreateSchema.parse({ username, displayName: `新人${username}`, unitId, role: "cadre" });

describe("createUser", () => {
  it("creates an active user with a hashed one-time password they must change", async () => {
    const { id, temporaryPassword } = await createUser(
      admin,
      userCreateSchema.parse({
        username: "  Wang.Fang ",
        displayName: "王芳",
        title: "科员",
        unitId: department.id,
        role: "cadre",
      }),
    );
    expect(temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    const row = userRow(id);
    expect(row).toMatchObject({
      username: "wang.fang",
      displayName: "王芳",
      title: "科员",
      unitId: department.id,
      role: "cadre",
      active: true,
      mustChangePassword: true,
    });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(temporaryPassword);
    // The one-time password signs in; the audit row names the user, never the password.
    await expect(
      authenticate({ username: "wang.fang", password: temporaryPassword }),
    ).resolves.toMatchObject({ id });
    const [audit] = auditRowsOf(db, "user", id);
    expect(audit).toMatchObject({ action: "create", actorId: admin.id, before: null });
    expect(audit!.after).toMatchObject({ username: "wang.fang", mustChangePassword: true });
    const text = JSON.stringify(audit);
    expect(text).not.toContain(temporaryPassword);
    expect(text).not.toContain("scrypt");
    expect(text).not.toContain('password"');
  });

  it("refuses a taken username (any case) and an archived or missing unit, writing nothing", async () => {
    const before = { users: userCount(), audit: auditCount() };
    const taken = await refusal(createUser(admin, newUser("T-CADRE")), "validation_failed");
    expect(taken.status).toBe(400);
    expect(taken.fields).toEqual({ username: "validation.usernameTaken" });
    const archived = await refusal(
      createUser(admin, newUser("zhao.lei", archivedUnit.id)),
      "validation_failed",
    );
    expect(archived.fields).toEqual({ unitId: "validation.unitArchived" });
    const missing = await refusal(
      createUser(admin, newUser("zhao.lei", 9999)),
      "validation_failed",
    );
    expect(missing.fields).toEqual({ unitId: "validation.unknownUnit" });
    expect({ users: userCount(), audit: auditCount() }).toEqual(before);
  });

  it("takes only 3–32 of a-z 0-9 . _ - as a username", () => {
    for (const bad of ["ab", "a".repeat(33), "王芳", "wang fang", "wang@fang", ""]) {
      const result = userCreateSchema.safeParse({
        username: bad,
        displayName: "x",
        unitId: 1,
        role: "cadre",
      });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.path, bad).toEqual(["username"]);
    }
    for (const good of ["abc", "a".repeat(32), "wang_fang-2.x"]) {
      expect(
        userCreateSchema.safeParse({ username: good, displayName: "x", unitId: 1, role: "cadre" })
          .success,
      ).toBe(true);
    }
  });

  it("is for admins only", async () => {
    const before = userCount();
    await refusal(createUser(leader, newUser("by.leader")), "forbidden");
    await refusal(createUser(cadre, newUser("by.cadre")), "forbidden");
    expect(userCount()).toBe(before);
  });
});

describe("listUsers", () => {
  it("lists every user, inactive ones too, with unit, role, title and flags", async () => {
    const retired = insertUser(db, {
      unitId: office.unit.id,
      role: "cadre",
      username: "retired.li",
      displayName: "李退休",
    });
    db.update(users).set({ active: false }).where(eq(users.id, retired.id)).run();
    const all = await listUsers();
    expect(all.find((u) => u.id === retired.id)).toEqual({
      id: retired.id,
      username: "retired.li",
      displayName: "李退休",
      title: null,
      role: "cadre",
      unitId: office.unit.id,
      unitName: "测试社区",
      active: false,
      mustChangePassword: false,
      lockedUntil: null,
    });
    expect(all.map((u) => u.id)).toContain(office.admin.id);
    expect(all.some((u) => u.active)).toBe(true);
  });

  it("filters by text, unit, role and active", async () => {
    const ids = async (query: Parameters<typeof listUsers>[0]) =>
      (await listUsers(query)).map((u) => u.username).sort();
    expect(await ids({ q: "王" })).toEqual(["wang.fang"]);
    expect(await ids({ q: "WANG" })).toEqual(["wang.fang"]);
    // LIKE's wildcards typed into the search match themselves.
    expect(await ids({ q: "%" })).toEqual([]);
    expect(await ids({ q: "_" })).toEqual([]);
    expect(await ids({ unitId: department.id })).toEqual(["wang.fang"]);
    expect(await ids({ role: "leader" })).toEqual(["t-leader"]);
    expect(await ids({ active: false })).toEqual(["retired.li"]);
    expect(await ids({ active: true, unitId: office.unit.id })).toEqual(
      ["t-admin", "t-cadre", "t-leader"].sort(),
    );
  });
});

describe("updateUser", () => {
  it("edits name, post, unit and role, and audits only what changed", async () => {
    const { id } = await createUser(admin, newUser("chen.jing"));
    const updated = await updateUser(admin, id, {
      displayName: "陈静",
      title: "副科长",
      unitId: office.unit.id,
      role: "leader",
    });
    expect(updated).toMatchObject({
      id,
      displayName: "陈静",
      title: "副科长",
      unitId: office.unit.id,
      unitName: "测试社区",
      role: "leader",
      active: true,
    });
    const rows = auditRowsOf(db, "user", id);
    expect(rows.at(-1)).toMatchObject({
      action: "update",
      before: { displayName: "新人chen.jing", title: null, unitId: department.id, role: "cadre" },
      after: { displayName: "陈静", title: "副科长", unitId: office.unit.id, role: "leader" },
    });
    // Clearing the post; a call that changes nothing writes no audit row.
    await updateUser(admin, id, { title: null });
    expect(userRow(id).title).toBeNull();
    const n = auditCount();
    await updateUser(admin, id, { displayName: "陈静" });
    expect(auditCount()).toBe(n);
  });

  it("refuses a missing or archived unit, and a missing user", async () => {
    const { id } = await createUser(admin, newUser("move.me"));
    const archived = await refusal(updateUser(admin, id, { unitId: archivedUnit.id }));
    expect(archived.fields).toEqual({ unitId: "validation.unitArchived" });
    expect(userRow(id).unitId).toBe(department.id);
    await refusal(updateUser(admin, 9999, { displayName: "无人" }), "not_found");
  });

  it("will not let an admin deactivate themselves or drop their own admin role", async () => {
    const n = auditCount();
    const self = await refusal(updateUser(admin, admin.id, { active: false }), "conflict");
    expect(self.status).toBe(409);
    expect(self.fields).toEqual({ _: "validation.selfDeactivate" });
    expect(self.details).toEqual({ reason: "own_account" });
    const demote = await refusal(updateUser(admin, admin.id, { role: "leader" }), "conflict");
    expect(demote.fields).toEqual({ _: "validation.selfDemote" });
    expect(userRow(admin.id)).toMatchObject({ active: true, role: "admin" });
    expect(auditCount()).toBe(n);
    // Their own name, and keeping their role, are fine.
    await expect(
      updateUser(admin, admin.id, { displayName: "管理员", role: "admin", active: true }),
    ).resolves.toMatchObject({ displayName: "管理员", role: "admin", active: true });
  });

  it("will not leave the office without an active admin, even when two admins act on each other", async () => {
    // Exactly two active admins, X and Y, for this test (the others are set aside and restored).
    const others = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true)))
      .all()
      .map((u) => u.id);
    db.update(users).set({ active: false }).where(inArray(users.id, others)).run();
    try {
      const x = asActor(
        insertUser(db, { unitId: department.id, role: "admin", username: "admin.x" }),
      );
      const y = asActor(
        insertUser(db, { unitId: department.id, role: "admin", username: "admin.y" }),
      );
      // X demotes Y: X remains.
      await expect(updateUser(x, y.id, { role: "leader" })).resolves.toMatchObject({
        role: "leader",
      });
      const n = auditCount();
      // Y, signed in from before the change, takes X's role or account: none would remain.
      for (const patch of [{ role: "cadre" as const }, { active: false }]) {
        const last = await refusal(updateUser(y, x.id, patch), "conflict");
        expect(last.status).toBe(409);
        expect(last.fields).toEqual({ _: "validation.lastAdmin" });
        expect(last.details).toEqual({ reason: "last_admin" });
      }
      expect(userRow(x.id)).toMatchObject({ role: "admin", active: true });
      expect(auditCount()).toBe(n);
      // Other changes to the last admin are fine, and once Y is an admin again X may go.
      await expect(updateUser(y, x.id, { displayName: "唯一管理员" })).resolves.toMatchObject({
        displayName: "唯一管理员",
      });
      await updateUser(x, y.id, { role: "admin" });
      await expect(updateUser(y, x.id, { active: false })).resolves.toMatchObject({
        active: false,
      });
      await refusal(updateUser(x, y.id, { active: false }), "conflict");
    } finally {
      db.update(users).set({ active: true }).where(inArray(users.id, others)).run();
    }
  });

  it("is for admins only", async () => {
    await refusal(updateUser(leader, cadre.id, { active: false }), "forbidden");
    expect(userRow(cadre.id).active).toBe(true);
  });

  it("deactivates a user: they can no longer sign in, and back again once reactivated", async () => {
    const { id, temporaryPassword } = await createUser(admin, newUser("leaving.soon"));
    const credentials = { username: "leaving.soon", password: temporaryPassword };
    await expect(authenticate(credentials)).resolves.toMatchObject({ id });
    await expect(updateUser(admin, id, { active: false })).resolves.toMatchObject({
      active: false,
    });
    await expect(authenticate(credentials)).resolves.toBeNull();
    expect(auditRowsOf(db, "user", id).at(-1)).toMatchObject({
      action: "update",
      before: { active: true },
      after: { active: false },
    });
    await updateUser(admin, id, { active: true });
    await expect(authenticate(credentials)).resolves.toMatchObject({ id });
  });
});

describe("resetPassword", () => {
  it("replaces the password with a one-time one the user must change, audited without it", async () => {
    const { id, temporaryPassword: first } = await createUser(admin, newUser("forgetful"));
    db.update(users).set({ mustChangePassword: false }).where(eq(users.id, id)).run();
    const { temporaryPassword } = await resetPassword(admin, id);
    expect(temporaryPassword).not.toBe(first);
    expect(userRow(id).mustChangePassword).toBe(true);
    await expect(authenticate({ username: "forgetful", password: first })).resolves.toBeNull();
    await expect(
      authenticate({ username: "forgetful", password: temporaryPassword }),
    ).resolves.toMatchObject({ id });
    const audit = auditRowsOf(db, "user", id).at(-1)!;
    expect(audit).toMatchObject({
      action: "update",
      actorId: admin.id,
      before: { mustChangePassword: false },
      after: { mustChangePassword: true, passwordReset: true },
    });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
    expect(JSON.stringify(audit)).not.toContain("scrypt");
  });

  it("is for admins only, and 404 for nobody", async () => {
    const hash = userRow(cadre.id).passwordHash;
    await refusal(resetPassword(leader, cadre.id), "forbidden");
    await refusal(resetPassword(cadre, cadre.id), "forbidden");
    expect(userRow(cadre.id).passwordHash).toBe(hash);
    await refusal(resetPassword(admin, 9999), "not_found");
  });
});

describe("unlockUser", () => {
  it("shows the lock to admins, and unlocking lets the right password in again, audited", async () => {
    const { id, temporaryPassword } = await createUser(admin, newUser("locked.out"));
    for (let i = 0; i < 4; i++) {
      await expect(authenticate({ username: "locked.out", password: "guess" })).resolves.toBeNull();
    }
    const locked = await rejection(authenticate({ username: "locked.out", password: "guess" }));
    expect(locked).toBeInstanceOf(SignInLockedError);
    const until = (locked as SignInLockedError).lock.until;
    expect((await getAdminUser(id)).lockedUntil).toEqual(until);
    expect((await listUsers({ q: "locked.out" }))[0]!.lockedUntil).toEqual(until);
    await expect(
      rejection(authenticate({ username: "locked.out", password: temporaryPassword })),
    ).resolves.toBeInstanceOf(SignInLockedError);

    const before = auditCount();
    await expect(unlockUser(admin, id)).resolves.toMatchObject({ id, lockedUntil: null });
    expect(auditCount()).toBe(before + 1);
    expect(auditRowsOf(db, "user", id).at(-1)).toMatchObject({
      action: "update",
      actorId: admin.id,
      before: { lockedUntil: until.toISOString() },
      after: { lockedUntil: null, unlocked: true },
    });
    await expect(
      authenticate({ username: "locked.out", password: temporaryPassword }),
    ).resolves.toMatchObject({ id });
  });

  it("is for admins only, and 404 for nobody", async () => {
    await refusal(unlockUser(leader, cadre.id), "forbidden");
    await refusal(unlockUser(cadre, cadre.id), "forbidden");
    await refusal(unlockUser(admin, 9999), "not_found");
  });
});

describe("listTasksNeedingOwner", () => {
  it("lists the current plan's open tasks whose owner is deactivated, with the owner's name", async () => {
    const current = insertPlan(db, { year: 2023, isCurrent: true });
    const other = insertPlan(db, { year: 2022 });
    const project = insertProject(db, { planId: current.id, title: "党建引领" });
    const archivedProject = insertProject(db, {
      planId: current.id,
      title: "旧板块",
      archivedAt: new Date(),
    });
    const otherProject = insertProject(db, { planId: other.id });
    const gone = insertUser(db, {
      unitId: department.id,
      role: "cadre",
      username: "gone.zhou",
      displayName: "周离职",
    });
    const stays = office.cadre.id;
    const base = { leadUnitId: department.id, ownerId: gone.id };
    const open = insertTask(db, { ...base, projectId: project.id, title: "开放任务" });
    const blocked = insertTask(db, {
      ...base,
      projectId: project.id,
      title: "受阻任务",
      status: "blocked",
      blockedReason: "等待",
    });
    insertTask(db, {
      ...base,
      projectId: project.id,
      status: "completed",
      completedOn: "2023-05-01",
    });
    insertTask(db, { ...base, projectId: project.id, archivedAt: new Date() });
    insertTask(db, { ...base, projectId: archivedProject.id });
    insertTask(db, { ...base, projectId: otherProject.id });
    insertTask(db, { ...base, projectId: project.id, ownerId: stays });

    // Nothing while the owner is active.
    expect(await listTasksNeedingOwner()).toEqual([]);
    await updateUser(admin, gone.id, { active: false });

    const items = await listTasksNeedingOwner();
    expect(items).toEqual([
      {
        id: open.id,
        title: "开放任务",
        projectId: project.id,
        projectTitle: "党建引领",
        status: "not_started",
        dueDate: "2023-12-31",
        leadUnitId: department.id,
        leadUnitName: "党政办公室",
        ownerId: gone.id,
        ownerName: "周离职",
        version: 1,
      },
      expect.objectContaining({ id: blocked.id, status: "blocked", ownerName: "周离职" }),
    ]);
    // Another plan by id: its own open task only.
    expect((await listTasksNeedingOwner(other.id)).map((t) => t.projectId)).toEqual([
      otherProject.id,
    ]);
    await refusal(listTasksNeedingOwner(9999), "not_found");
  });
});

describe("getAdminUser", () => {
  it("answers 404 for a missing user", async () => {
    await refusal(getAdminUser(9999), "not_found");
  });
});
