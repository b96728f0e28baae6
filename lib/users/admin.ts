import "server-only";
import { and, asc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { projects, tasks, units, users, type Role } from "@/db/schema";
import type { Reader, Tx } from "@/db/transaction";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { accountLockedUntil, clearAccountThrottle } from "@/lib/auth/lockout";
import { hashPassword } from "@/lib/auth/password";
import { authorize, type Actor } from "@/lib/auth/policy";
import { generateTemporaryPassword } from "@/lib/auth/temporary-password";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { resolvePlan } from "@/lib/plans/queries";
import type { UserCreateInput, UserListQuery, UserPatchInput } from "./schemas";

/** A person as the admin pages see them. */
export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  title: string | null;
  role: Role;
  unitId: number;
  unitName: string;
  active: boolean;
  /** Holds a one-time password: must set their own at the next sign-in. */
  mustChangePassword: boolean;
  /** Locked after wrong passwords until then (an admin may unlock); null when not locked. */
  lockedUntil: Date | null;
}

const adminColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  title: users.title,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
};

/** `%`, `_` and `\` typed into a search match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function readUsers(db: Reader, where: SQL | undefined): AdminUser[] {
  const rows = db
    .select(adminColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(units.position), asc(units.id), asc(users.id))
    .all();
  const locks = accountLockedUntil(
    db,
    rows.map((row) => row.username),
  );
  return rows.map((row) => ({ ...row, lockedUntil: locks.get(row.username) ?? null }));
}

/** Every user (active or not) with their unit, by unit order; filters are all optional. */
export async function listUsers(query: UserListQuery = {}): Promise<AdminUser[]> {
  const conditions: SQL[] = [];
  if (query.q) {
    // LIKE ignores ASCII case, as usernames do.
    const pattern = likePattern(query.q);
    conditions.push(
      or(
        sql`${users.username} LIKE ${pattern} ESCAPE '\\'`,
        sql`${users.displayName} LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  if (query.unitId !== undefined) conditions.push(eq(users.unitId, query.unitId));
  if (query.role !== undefined) conditions.push(eq(users.role, query.role));
  if (query.active !== undefined) conditions.push(eq(users.active, query.active));
  return readUsers(getDb(), conditions.length > 0 ? and(...conditions) : undefined);
}

/** One user as the admin pages see them; 404 when there is none. */
export async function getAdminUser(id: number): Promise<AdminUser> {
  const user = readUsers(getDb(), eq(users.id, id))[0];
  if (!user) throw notFound();
  return user;
}

/** A unit people may be put in: one that exists and is not archived (400 naming `unitId`). */
function checkUnit(tx: Tx, unitId: number) {
  const unit = tx
    .select({ archivedAt: units.archivedAt })
    .from(units)
    .where(eq(units.id, unitId))
    .get();
  if (!unit) throw validationFailed({ unitId: "validation.unknownUnit" });
  if (unit.archivedAt !== null) throw validationFailed({ unitId: "validation.unitArchived" });
}

/** The fields a user's audit rows record: never a password or its hash. */
function auditedFields(tx: Tx, id: number) {
  const row = tx.select().from(users).where(eq(users.id, id)).get();
  if (!row) return undefined;
  return {
    username: row.username,
    displayName: row.displayName,
    title: row.title,
    unitId: row.unitId,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
  };
}

/** Whether an active admin other than user `id` remains. */
function otherActiveAdmin(tx: Tx, id: number): boolean {
  return (
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)))
      .limit(1)
      .get() !== undefined
  );
}

/** A refusal about the caller's own account, told as a 409 with a reason (not a stale write). */
const ownAccount = (message: string) =>
  new AppError("conflict", { _: message }, { reason: "own_account" });

/**
 * Creates a user with a one-time password, returned once and stored only as a hash; they must
 * set their own at their first sign-in. A taken username is a 400 naming `username`.
 */
export async function createUser(
  actor: Actor,
  input: UserCreateInput,
): Promise<{ id: number; temporaryPassword: string }> {
  authorize(actor, "admin:manage");
  const temporaryPassword = generateTemporaryPassword(input.username);
  const passwordHash = await hashPassword(temporaryPassword);
  const id = getDb().transaction((tx) => {
    const fields: Record<string, string> = {};
    const taken = tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username))
      .get();
    if (taken) fields.username = "validation.usernameTaken";
    try {
      checkUnit(tx, input.unitId);
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      Object.assign(fields, error.fields);
    }
    if (Object.keys(fields).length > 0) throw validationFailed(fields);
    const { id } = tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        title: input.title,
        unitId: input.unitId,
        role: input.role,
        passwordHash,
        active: true,
        mustChangePassword: true,
      })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "user",
      entityId: id,
      after: auditedFields(tx, id)!,
    });
    return id;
  });
  return { id, temporaryPassword };
}

/**
 * Edits a user: name, post, unit, role, or active (deactivating one ends their sessions at once
 * and keeps them from signing in; their open tasks show in `listTasksNeedingOwner`). An admin
 * cannot deactivate themselves or drop their own admin role (409, `fields._`).
 */
export async function updateUser(
  actor: Actor,
  id: number,
  input: UserPatchInput,
): Promise<AdminUser> {
  authorize(actor, "admin:manage");
  getDb().transaction((tx) => {
    const current = auditedFields(tx, id);
    if (!current) throw notFound();
    if (id === actor.id && input.active === false) {
      throw ownAccount("validation.selfDeactivate");
    }
    if (id === actor.id && input.role !== undefined && input.role !== "admin") {
      throw ownAccount("validation.selfDemote");
    }
    if (input.unitId !== undefined && input.unitId !== current.unitId) checkUnit(tx, input.unitId);
    const next = {
      ...current,
      displayName: input.displayName ?? current.displayName,
      title: input.title === undefined ? current.title : input.title,
      unitId: input.unitId ?? current.unitId,
      role: input.role ?? current.role,
      active: input.active ?? current.active,
    };
    const wasAdmin = current.role === "admin" && current.active;
    if (wasAdmin && !(next.role === "admin" && next.active) && !otherActiveAdmin(tx, id)) {
      // Two admins taking each other's role (one with a session older than the change) could
      // otherwise leave the office with none: read in this transaction, so the count is current.
      throw new AppError("conflict", { _: "validation.lastAdmin" }, { reason: "last_admin" });
    }
    const diff = changedFields(current, next);
    if (!diff) return;
    tx.update(users)
      .set({
        displayName: next.displayName,
        title: next.title,
        unitId: next.unitId,
        role: next.role,
        active: next.active,
        // Deactivating ends their sessions for good: reactivating later does not revive them.
        ...(current.active && !next.active ? { sessionsValidAfter: new Date() } : {}),
      })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "user",
      entityId: id,
      ...diff,
    });
  });
  return getAdminUser(id);
}

/**
 * Gives a user a new one-time password, returned once: their old password stops working, their
 * sessions end, and they must set their own at their next sign-in. The audit row says it
 * happened, never what it is.
 */
export async function resetPassword(
  actor: Actor,
  id: number,
): Promise<{ temporaryPassword: string }> {
  authorize(actor, "admin:manage");
  const user = getDb()
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!user) throw notFound();
  const temporaryPassword = generateTemporaryPassword(user.username);
  const passwordHash = await hashPassword(temporaryPassword);
  getDb().transaction((tx) => {
    const before = auditedFields(tx, id);
    if (!before) throw notFound();
    tx.update(users)
      .set({ passwordHash, mustChangePassword: true, sessionsValidAfter: new Date() })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "user",
      entityId: id,
      before: { mustChangePassword: before.mustChangePassword },
      after: { mustChangePassword: true, passwordReset: true },
    });
  });
  return { temporaryPassword };
}

/**
 * Unlocks an account locked by wrong passwords: its failures and lock are forgotten, so the next
 * lock starts again at the shortest. Audited even when it was not locked (the admin asked).
 */
export async function unlockUser(actor: Actor, id: number): Promise<AdminUser> {
  authorize(actor, "user:unlock");
  getDb().transaction((tx) => {
    const user = readUsers(tx, eq(users.id, id))[0];
    if (!user) throw notFound();
    clearAccountThrottle(tx, user.username);
    recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "user",
      entityId: id,
      before: { lockedUntil: user.lockedUntil?.toISOString() ?? null },
      after: { lockedUntil: null, unlocked: true },
    });
  });
  return getAdminUser(id);
}

/** An open task whose owner is deactivated: it needs a new owner (责任人). */
export interface TaskNeedingOwner {
  id: number;
  title: string;
  projectId: number;
  projectTitle: string;
  status: (typeof tasks.$inferSelect)["status"];
  dueDate: string;
  leadUnitId: number;
  leadUnitName: string;
  ownerId: number;
  ownerName: string;
  /** The task's version, for the edit that gives it a new owner. */
  version: number;
}

const leadUnits = alias(units, "lead_units");

/**
 * The plan's open tasks (task and theme live, not completed) whose owner is deactivated, by theme
 * and position; the current plan unless one is given (404 when it does not exist).
 */
export async function listTasksNeedingOwner(planId?: number): Promise<TaskNeedingOwner[]> {
  const plan = await resolvePlan(planId);
  return getDb()
    .select({
      id: tasks.id,
      title: tasks.title,
      projectId: tasks.projectId,
      projectTitle: projects.title,
      status: tasks.status,
      dueDate: tasks.dueDate,
      leadUnitId: tasks.leadUnitId,
      leadUnitName: leadUnits.name,
      ownerId: tasks.ownerId,
      ownerName: users.displayName,
      version: tasks.version,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(users, eq(users.id, tasks.ownerId))
    .innerJoin(leadUnits, eq(leadUnits.id, tasks.leadUnitId))
    .where(
      and(
        eq(projects.planId, plan.id),
        isNull(projects.archivedAt),
        isNull(tasks.archivedAt),
        ne(tasks.status, "completed"),
        eq(users.active, false),
      ),
    )
    .orderBy(asc(projects.position), asc(tasks.position), asc(tasks.id))
    .all();
}
