import "server-only";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { plans, projects, tasks } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { lastChange } from "@/lib/audit/history";
import { authorize, type Actor } from "@/lib/auth/policy";
import { conflict, validationFailed, type FieldErrors } from "@/lib/errors";
import { resolvePlan, type Plan } from "./queries";
import type { PlanSettingsInput } from "./settings-schema";

async function staleSettings(planId: number) {
  const [current, change] = await Promise.all([resolvePlan(planId), lastChange("plan", planId)]);
  return conflict({ current, changedBy: change?.actor ?? null, changedAt: change?.at ?? null });
}

const settingsOf = (plan: Plan) => ({
  title: plan.title,
  startDate: plan.startDate,
  endDate: plan.endDate,
  timeZone: plan.timeZone,
  reportingDay: plan.reportingDay,
  greenMaxGap: plan.greenMaxGap,
  yellowMaxGap: plan.yellowMaxGap,
});
type Settings = ReturnType<typeof settingsOf>;

/** Whether a live task of the plan (not archived, nor its theme) matches `where`. */
function hasLiveTask(tx: Tx, planId: number, where: ReturnType<typeof lt>) {
  return (
    tx
      .select({ id: tasks.id })
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(
        and(
          eq(projects.planId, planId),
          isNull(projects.archivedAt),
          isNull(tasks.archivedAt),
          where,
        ),
      )
      .limit(1)
      .get() !== undefined
  );
}

/**
 * A period moved inward may not leave a live task outside it: a later start refuses while a task
 * begins before it, an earlier end while a task is due after it.
 */
function periodIssues(tx: Tx, planId: number, before: Settings, after: Settings): FieldErrors {
  const fields: FieldErrors = {};
  if (
    after.startDate > before.startDate &&
    hasLiveTask(tx, planId, lt(tasks.startDate, after.startDate))
  ) {
    fields.startDate = "validation.periodExcludesTasks";
  }
  if (after.endDate < before.endDate && hasLiveTask(tx, planId, gt(tasks.dueDate, after.endDate))) {
    fields.endDate = "validation.periodExcludesTasks";
  }
  return fields;
}

/**
 * Plan settings (leaders and admins): the title, the period and the time zone, the monthly
 * reporting day and the light thresholds. The start may not follow the end, nor may a narrower
 * period leave a live task outside it; the green gap may not exceed the yellow one. A stale version
 * gets a 409 naming who changed the plan.
 */
export async function updatePlanSettings(actor: Actor, planId: number, input: PlanSettingsInput) {
  authorize(actor, "plan:edit");
  const plan = await resolvePlan(planId);
  // A stale copy is told so first: its values were chosen against settings that have changed.
  if (input.version !== plan.version) throw await staleSettings(planId);
  const before = settingsOf(plan);
  const after: Settings = {
    title: input.title ?? before.title,
    startDate: input.startDate ?? before.startDate,
    endDate: input.endDate ?? before.endDate,
    timeZone: input.timeZone ?? before.timeZone,
    reportingDay: input.reportingDay ?? before.reportingDay,
    greenMaxGap: input.greenMaxGap ?? before.greenMaxGap,
    yellowMaxGap: input.yellowMaxGap ?? before.yellowMaxGap,
  };
  // Each rule names the field that was sent (the other one is the plan's as it is).
  const fields: FieldErrors = {};
  if (after.greenMaxGap > after.yellowMaxGap) {
    fields[input.greenMaxGap !== undefined ? "greenMaxGap" : "yellowMaxGap"] =
      "validation.thresholdOrder";
  }
  if (after.startDate > after.endDate) {
    fields[input.endDate !== undefined ? "endDate" : "startDate"] = "validation.periodOrder";
  }
  if (Object.keys(fields).length > 0) throw validationFailed(fields);

  const stale = getDb().transaction((tx) => {
    const diff = changedFields(before, after);
    if (!diff) return false;
    const outside = periodIssues(tx, planId, before, after);
    if (Object.keys(outside).length > 0) throw validationFailed(outside);
    const updated = tx
      .update(plans)
      .set({ ...after, version: plan.version + 1 })
      .where(and(eq(plans.id, planId), eq(plans.version, plan.version)))
      .run();
    if (updated.changes !== 1) return true;
    recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "plan",
      entityId: planId,
      ...diff,
    });
    return false;
  });
  if (stale) throw await staleSettings(planId);
  return resolvePlan(planId);
}
