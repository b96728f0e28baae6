import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { taskCoUnits, tasks } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { changedFields, recordAudit, type AuditEntry } from "@/lib/audit/record";
import { lastChange } from "@/lib/audit/history";
import { authorize, type Actor } from "@/lib/auth/policy";
import { conflict, notFound, validationFailed, type FieldErrors } from "@/lib/errors";
import { planToday, paceRulesOf } from "@/lib/plans/as-of";
import { reorder } from "@/lib/plans/ordering";
import { resolvePlan } from "@/lib/plans/queries";
import { ReferenceCheck } from "@/lib/plans/references";
import { hasIndicatorsBelowTarget } from "./figures";
import { getTask, taskPlanId } from "./queries";
import { TASK_PLAN_FIELDS, TASK_STATUS_FIELDS, type TaskPatchInput } from "./schemas";
import { canChangeStatus } from "./status";
import { taskSnapshot, type TaskFields } from "./snapshot";

const touches = (input: TaskPatchInput, fields: readonly string[]) =>
  fields.some((field) => (input as Record<string, unknown>)[field] !== undefined);

/** The status fields after a status change, or field errors. */
export function nextStatusFields(
  current: TaskFields,
  input: Pick<TaskPatchInput, "status" | "blockedReason" | "completionNote">,
  belowTarget: () => boolean,
  today: string,
): {
  values: Pick<TaskFields, (typeof TASK_STATUS_FIELDS)[number] | "completedOn">;
  errors: FieldErrors;
} {
  const status = input.status ?? current.status;
  const errors: FieldErrors = {};
  if (!canChangeStatus(current.status, status)) errors.status = "validation.statusTransition";
  const blockedReason =
    status === "blocked"
      ? (input.blockedReason ?? (current.status === "blocked" ? current.blockedReason : "")) || ""
      : null;
  if (status === "blocked" && !blockedReason)
    errors.blockedReason = "validation.blockedReasonRequired";

  if (status !== "completed") {
    return {
      values: { status, blockedReason, completionNote: null, completedOn: null },
      errors,
    };
  }
  if (current.status === "completed") {
    return {
      values: {
        status,
        blockedReason: null,
        completionNote: input.completionNote ?? current.completionNote,
        completedOn: current.completedOn,
      },
      errors,
    };
  }
  const completionNote = input.completionNote || null;
  if (!completionNote && belowTarget()) errors.completionNote = "validation.completionNoteRequired";
  return {
    values: { status, blockedReason: null, completionNote, completedOn: today },
    errors,
  };
}

function auditAction(after: Partial<TaskFields>): AuditEntry["action"] {
  const keys = Object.keys(after);
  if (keys.includes("archived")) return after.archived ? "archive" : "restore";
  if (
    keys.every((k) => (TASK_STATUS_FIELDS as readonly string[]).includes(k) || k === "completedOn")
  ) {
    return "status";
  }
  if (keys.length === 1 && keys[0] === "position") return "move";
  return "update";
}

/** The position changes that put a task at a position among a project's live tasks. */
function taskMoves(tx: Tx, projectId: number, moving: { id: number; to: number } | null) {
  const siblings = tx
    .select({ id: tasks.id, position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), isNull(tasks.archivedAt)))
    .orderBy(asc(tasks.position), asc(tasks.id))
    .all()
    .filter((task) => task.id !== moving?.id);
  return reorder(siblings, moving);
}

function applyTaskMoves(tx: Tx, moves: { id: number; position: number }[]) {
  for (const move of moves) {
    tx.update(tasks).set({ position: move.position }).where(eq(tasks.id, move.id)).run();
  }
}

/** Puts a task at a position among the live tasks of a project (or just closes gaps). */
export function placeTask(tx: Tx, projectId: number, moving: { id: number; to: number } | null) {
  const moves = taskMoves(tx, projectId, moving);
  applyTaskMoves(tx, moves);
  return moves.find((m) => m.id === moving?.id)?.position;
}

/**
 * Changes a task. Its people may change its status; leaders and admins may change the plan's
 * fields, reopen a completed task, move and archive it. A write based on an old `version` is
 * refused with the current task and who changed it, never applied.
 */
export async function updateTask(actor: Actor, id: number, input: TaskPatchInput) {
  const plan = await resolvePlan(await taskPlanId(id));
  const today = planToday(plan);

  const result = getDb().transaction((tx) => {
    const snapshot = taskSnapshot(tx, id);
    if (!snapshot) throw notFound();
    const current = snapshot.fields;

    if (touches(input, TASK_PLAN_FIELDS)) authorize(actor, "plan:edit");
    if (touches(input, TASK_STATUS_FIELDS)) {
      authorize(actor, "task:report", {
        ownerId: current.ownerId,
        leadUnitId: current.leadUnitId,
        coUnitIds: current.coUnitIds,
      });
    }
    if (
      current.status === "completed" &&
      input.status !== undefined &&
      input.status !== "completed"
    ) {
      authorize(actor, "task:reopen");
    }
    if (snapshot.version !== input.version) return { stale: true as const };

    const errors: FieldErrors = {};
    if (current.archived && input.archived !== false && touches(input, TASK_STATUS_FIELDS)) {
      errors.status = "validation.taskArchived";
    }
    const status = nextStatusFields(
      current,
      input,
      () => hasIndicatorsBelowTarget({ id, ...current }, today, paceRulesOf(plan)),
      today,
    );
    Object.assign(errors, status.errors);

    const next: TaskFields = {
      ...current,
      ...Object.fromEntries(
        Object.entries(input).filter(
          ([key, value]) => value !== undefined && key !== "version" && key !== "position",
        ),
      ),
      ...status.values,
    };
    if (next.dueDate < next.startDate) errors.dueDate = "validation.dueBeforeStart";
    if (Object.keys(errors).length > 0) throw validationFailed(errors);

    const check = new ReferenceCheck(tx);
    if (input.projectId !== undefined && input.projectId !== current.projectId) {
      check.project("projectId", input.projectId, snapshot.planId);
    }
    if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
      check.owner("ownerId", input.ownerId);
    }
    // Only units new to the task: the edit form sends them all back, and a unit archived since
    // it was assigned must not block an edit of the title.
    const onTask = new Set([current.leadUnitId, ...current.coUnitIds]);
    if (input.leadUnitId !== undefined && !onTask.has(input.leadUnitId)) {
      check.units("leadUnitId", [input.leadUnitId]);
    }
    if (input.coUnitIds !== undefined) {
      check.units(
        "coUnitIds",
        input.coUnitIds.filter((unitId) => !onTask.has(unitId)),
      );
    }
    check.done();
    next.coUnitIds = [...new Set(next.coUnitIds)]
      .filter((unitId) => unitId !== next.leadUnitId)
      .sort((a, b) => a - b);
    // Where the task lands, worked out before anything is written: a move to where it already
    // is changes nothing.
    const movedProject = next.projectId !== current.projectId;
    const restored = current.archived && !next.archived;
    const moves =
      !next.archived && (input.position !== undefined || movedProject || restored)
        ? taskMoves(tx, next.projectId, { id, to: input.position ?? Number.MAX_SAFE_INTEGER })
        : [];
    next.position = moves.find((m) => m.id === id)?.position ?? current.position;
    // Nothing to change: keep the version, so others' copies stay current.
    if (!changedFields(current, next)) return { stale: false as const };

    const updated = tx
      .update(tasks)
      .set({
        projectId: next.projectId,
        title: next.title,
        description: next.description,
        ownerId: next.ownerId,
        leadUnitId: next.leadUnitId,
        startDate: next.startDate,
        dueDate: next.dueDate,
        status: next.status,
        blockedReason: next.blockedReason,
        completionNote: next.completionNote,
        completedOn: next.completedOn,
        weight: next.weight,
        archivedAt: next.archived ? (current.archived ? undefined : new Date()) : null,
        version: snapshot.version + 1,
      })
      .where(and(eq(tasks.id, id), eq(tasks.version, input.version)))
      .run();
    if (updated.changes !== 1) return { stale: true as const };

    if (JSON.stringify(next.coUnitIds) !== JSON.stringify(current.coUnitIds)) {
      tx.delete(taskCoUnits).where(eq(taskCoUnits.taskId, id)).run();
      for (const unitId of next.coUnitIds)
        tx.insert(taskCoUnits).values({ taskId: id, unitId }).run();
    }
    applyTaskMoves(tx, moves);
    // Close the gap a task leaves behind when it moves away or is archived.
    if (movedProject || (next.archived && !current.archived))
      placeTask(tx, current.projectId, null);

    const diff = changedFields(current, next);
    if (diff) {
      recordAudit(tx, {
        actorId: actor.id,
        action: auditAction(diff.after),
        entityType: "task",
        entityId: id,
        ...diff,
      });
    }
    return { stale: false as const };
  });

  if (result.stale) {
    const [current, change] = await Promise.all([getTask(id), lastChange("task", id)]);
    throw conflict({ current, changedBy: change?.actor ?? null, changedAt: change?.at ?? null });
  }
  return getTask(id);
}
