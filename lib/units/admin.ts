import "server-only";
import { and, asc, count, eq, inArray, isNull, max, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { projects, tasks, units, users, type UnitType } from "@/db/schema";
import type { Reader, Tx } from "@/db/transaction";
import { changedFields, recordAudit, type AuditEntry } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { notFound, validationFailed } from "@/lib/errors";
import { getCurrentPlan } from "@/lib/plans/queries";
import type { UnitCreateInput, UnitPatchInput } from "./schemas";

/** A unit as the admin pages see it: with the people and the current plan's work it still has. */
export interface AdminUnit {
  id: number;
  name: string;
  type: UnitType;
  position: number;
  archived: boolean;
  /** Active people whose unit it is. */
  memberCount: number;
  /** Open (live, not completed) tasks of the current plan that it leads (牵头). */
  ledTaskCount: number;
}

/** What archiving a unit leaves behind: its people and the open tasks it leads stay as they are. */
export interface UnitArchiveWarnings {
  activeMembers: number;
  openLedTasks: number;
}

/** Active people per unit. */
function memberCounts(db: Reader, unitIds: number[]) {
  if (unitIds.length === 0) return new Map<number, number>();
  const rows = db
    .select({ unitId: users.unitId, n: count() })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.active, true)))
    .groupBy(users.unitId)
    .all();
  return new Map(rows.map((row) => [row.unitId, row.n]));
}

/** Open tasks of a plan per lead unit: the task and its project live, the task not completed. */
function ledTaskCounts(db: Reader, unitIds: number[], planId: number | undefined) {
  if (unitIds.length === 0 || planId === undefined) return new Map<number, number>();
  const rows = db
    .select({ unitId: tasks.leadUnitId, n: count() })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(
      and(
        inArray(tasks.leadUnitId, unitIds),
        eq(projects.planId, planId),
        isNull(projects.archivedAt),
        isNull(tasks.archivedAt),
        ne(tasks.status, "completed"),
      ),
    )
    .groupBy(tasks.leadUnitId)
    .all();
  return new Map(rows.map((row) => [row.unitId, row.n]));
}

async function readUnits(filter: { includeArchived: boolean; id?: number }): Promise<AdminUnit[]> {
  const db = getDb();
  const conditions = [
    ...(filter.includeArchived ? [] : [isNull(units.archivedAt)]),
    ...(filter.id === undefined ? [] : [eq(units.id, filter.id)]),
  ];
  const rows = db
    .select({
      id: units.id,
      name: units.name,
      type: units.type,
      position: units.position,
      archivedAt: units.archivedAt,
    })
    .from(units)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    // Live units first, in their display order; archived ones after them.
    .orderBy(asc(units.archivedAt), asc(units.position), asc(units.id))
    .all();
  const ids = rows.map((row) => row.id);
  const plan = await getCurrentPlan();
  const members = memberCounts(db, ids);
  const led = ledTaskCounts(db, ids, plan?.id);
  return rows.map(({ archivedAt, ...row }) => ({
    ...row,
    archived: archivedAt !== null,
    memberCount: members.get(row.id) ?? 0,
    ledTaskCount: led.get(row.id) ?? 0,
  }));
}

/** Every unit with its counts (archived ones only when asked for), live ones first. */
export async function listAdminUnits(options: { includeArchived?: boolean } = {}) {
  return readUnits({ includeArchived: options.includeArchived ?? false });
}

/** One unit with its counts, archived or not (404 when there is none). */
export async function getAdminUnit(id: number): Promise<AdminUnit> {
  const [unit] = await readUnits({ includeArchived: true, id });
  if (!unit) throw notFound();
  return unit;
}

function unitFields(tx: Tx, id: number) {
  const row = tx.select().from(units).where(eq(units.id, id)).get();
  if (!row) return undefined;
  return {
    name: row.name,
    type: row.type,
    position: row.position,
    archived: row.archivedAt !== null,
  };
}

/**
 * Refuses a name another unit has. Names are unique among all units, archived ones included (an
 * archived unit can be restored under its name), so an archived holder gets its own message.
 */
function checkNameFree(tx: Tx, name: string, exceptId?: number) {
  const holder = tx
    .select({ id: units.id, archivedAt: units.archivedAt })
    .from(units)
    .where(eq(units.name, name))
    .get();
  if (!holder || holder.id === exceptId) return;
  throw validationFailed({
    name: holder.archivedAt === null ? "validation.unitNameTaken" : "validation.unitNameArchived",
  });
}

/** Creates a unit (单位) at the end of the list (admins). */
export async function createUnit(actor: Actor, input: UnitCreateInput): Promise<AdminUnit> {
  authorize(actor, "admin:manage");
  const id = getDb().transaction((tx) => {
    checkNameFree(tx, input.name);
    const last = tx
      .select({ position: max(units.position) })
      .from(units)
      .get();
    const { id } = tx
      .insert(units)
      .values({ name: input.name, type: input.type, position: (last?.position ?? 0) + 1 })
      .returning({ id: units.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "unit",
      entityId: id,
      after: unitFields(tx, id)!,
    });
    return id;
  });
  return getAdminUnit(id);
}

/**
 * Renames, retypes, archives or restores a unit (admins); a unit is never deleted. Archiving one
 * that still has active people or leads open tasks of the current plan is allowed: they keep it
 * until they are moved, and `warnings` says how many there are.
 */
export async function updateUnit(
  actor: Actor,
  id: number,
  input: UnitPatchInput,
): Promise<AdminUnit & { warnings: UnitArchiveWarnings | null }> {
  authorize(actor, "admin:manage");
  const archivedNow = getDb().transaction((tx) => {
    const current = unitFields(tx, id);
    if (!current) throw notFound();
    if (input.name !== undefined && input.name !== current.name) checkNameFree(tx, input.name, id);
    const next = {
      name: input.name ?? current.name,
      type: input.type ?? current.type,
      position: current.position,
      archived: input.archived ?? current.archived,
    };
    const diff = changedFields(current, next);
    if (!diff) return false;
    tx.update(units)
      .set({
        name: next.name,
        type: next.type,
        archivedAt:
          next.archived === current.archived ? undefined : next.archived ? new Date() : null,
      })
      .where(eq(units.id, id))
      .run();
    const action: AuditEntry["action"] =
      "archived" in diff.after ? (next.archived ? "archive" : "restore") : "update";
    recordAudit(tx, { actorId: actor.id, action, entityType: "unit", entityId: id, ...diff });
    return next.archived && !current.archived;
  });
  const unit = await getAdminUnit(id);
  const left = { activeMembers: unit.memberCount, openLedTasks: unit.ledTaskCount };
  const warnings = archivedNow && (left.activeMembers > 0 || left.openLedTasks > 0) ? left : null;
  return { ...unit, warnings };
}
