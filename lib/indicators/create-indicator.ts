import "server-only";
import { and, eq, isNull, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicators, tasks } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { notFound, validationFailed } from "@/lib/errors";
import { indicatorIssues, type IndicatorCreateInput } from "./schemas";
import { indicatorSnapshot } from "./snapshot";
import { getIndicator } from "./queries";

/**
 * Adds an indicator after the task's others, with its audit row, inside the caller's transaction.
 * An indicator whose target or decimals do not fit is refused (400 on `fieldPrefix` + field).
 */
export function insertIndicator(
  tx: Tx,
  actor: Actor,
  taskId: number,
  input: IndicatorCreateInput,
  fieldPrefix = "",
) {
  const issues = indicatorIssues(input);
  if (issues.length > 0) {
    throw validationFailed(
      Object.fromEntries(issues.map((i) => [`${fieldPrefix}${i.field}`, i.message])),
    );
  }
  const last = tx
    .select({ position: max(indicators.position) })
    .from(indicators)
    .where(and(eq(indicators.taskId, taskId), isNull(indicators.archivedAt)))
    .get();
  const { id } = tx
    .insert(indicators)
    .values({
      taskId,
      position: (last?.position ?? 0) + 1,
      name: input.name,
      measureUnit: input.unit,
      baseline: input.baseline,
      target: input.target,
      direction: input.direction,
      decimals: input.decimals,
      weight: input.weight,
    })
    .returning({ id: indicators.id })
    .get();
  recordAudit(tx, {
    actorId: actor.id,
    action: "create",
    entityType: "indicator",
    entityId: id,
    after: { taskId, ...indicatorSnapshot(tx, id)!.fields },
  });
  return id;
}

/** Adds an indicator to a task (leaders and admins). */
export async function createIndicator(actor: Actor, taskId: number, input: IndicatorCreateInput) {
  authorize(actor, "plan:edit");
  const id = getDb().transaction((tx) => {
    const task = tx
      .select({ archivedAt: tasks.archivedAt })
      .from(tasks)
      .where(eq(tasks.id, taskId))
      .get();
    if (!task) throw notFound();
    if (task.archivedAt) throw validationFailed({ _: "validation.taskArchived" });
    return insertIndicator(tx, actor, taskId, input);
  });
  return getIndicator(id);
}
