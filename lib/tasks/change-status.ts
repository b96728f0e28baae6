import "server-only";
import { and, eq } from "drizzle-orm";
import { tasks, type TaskStatus } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import type { FieldErrors } from "@/lib/errors";
import { paceRulesOf } from "@/lib/plans/as-of";
import type { Plan } from "@/lib/plans/queries";
import { hasIndicatorsBelowTarget } from "./figures";
import { taskSnapshot } from "./snapshot";
import { nextStatusFields } from "./update-task";

export interface StatusChange {
  status: TaskStatus;
  blockedReason?: string;
  completionNote?: string;
}

/**
 * Changes only a task's status, inside the caller's transaction, by the same rules as a task edit
 * (transitions, reasons, reopening by leaders). Returns field errors and writes nothing when the
 * change is refused; `stale` when `expectedVersion` is given and the task has moved on.
 */
export function changeStatusInTx(
  tx: Tx,
  actor: Actor,
  taskId: number,
  change: StatusChange,
  context: {
    plan: Plan;
    /** The day the change takes effect: a completion is dated it, and judged as of it. */
    on: string;
    expectedVersion?: number;
  },
): { errors: FieldErrors; stale: boolean } {
  const snapshot = taskSnapshot(tx, taskId);
  if (!snapshot) return { errors: {}, stale: true };
  const current = snapshot.fields;
  if (current.status === "completed" && change.status !== "completed") {
    authorize(actor, "task:reopen");
  }
  if (context.expectedVersion !== undefined && context.expectedVersion !== snapshot.version) {
    return { errors: {}, stale: true };
  }
  const { values, errors } = nextStatusFields(
    current,
    change,
    // Inside the transaction: the figures already see the readings being saved with it.
    () =>
      hasIndicatorsBelowTarget({ id: taskId, ...current }, context.on, paceRulesOf(context.plan)),
    context.on,
  );
  if (Object.keys(errors).length > 0) return { errors, stale: false };

  const diff = changedFields(current, { ...current, ...values });
  if (!diff) return { errors: {}, stale: false };
  const updated = tx
    .update(tasks)
    .set({ ...values, version: snapshot.version + 1 })
    .where(and(eq(tasks.id, taskId), eq(tasks.version, snapshot.version)))
    .run();
  if (updated.changes !== 1) return { errors: {}, stale: true };
  recordAudit(tx, {
    actorId: actor.id,
    action: "status",
    entityType: "task",
    entityId: taskId,
    ...diff,
  });
  return { errors: {}, stale: false };
}
