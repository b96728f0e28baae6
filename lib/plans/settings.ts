import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { plans } from "@/db/schema";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { lastChange } from "@/lib/audit/history";
import { authorize, type Actor } from "@/lib/auth/policy";
import { conflict, validationFailed } from "@/lib/errors";
import { resolvePlan, type Plan } from "./queries";
import type { PlanSettingsInput } from "./settings-schema";

async function staleSettings(planId: number) {
  const [current, change] = await Promise.all([resolvePlan(planId), lastChange("plan", planId)]);
  return conflict({ current, changedBy: change?.actor ?? null, changedAt: change?.at ?? null });
}

const settingsOf = (plan: Plan) => ({
  reportingDay: plan.reportingDay,
  greenMaxGap: plan.greenMaxGap,
  yellowMaxGap: plan.yellowMaxGap,
});

/**
 * Plan settings (leaders and admins): the monthly reporting day and the light thresholds. The
 * green gap may not exceed the yellow one; a stale version gets a 409 naming who changed them.
 */
export async function updatePlanSettings(actor: Actor, planId: number, input: PlanSettingsInput) {
  authorize(actor, "plan:edit");
  const plan = await resolvePlan(planId);
  // A stale copy is told so first: its values were chosen against settings that have changed.
  if (input.version !== plan.version) throw await staleSettings(planId);
  const before = settingsOf(plan);
  const after = {
    reportingDay: input.reportingDay ?? before.reportingDay,
    greenMaxGap: input.greenMaxGap ?? before.greenMaxGap,
    yellowMaxGap: input.yellowMaxGap ?? before.yellowMaxGap,
  };
  if (after.greenMaxGap > after.yellowMaxGap) {
    throw validationFailed({
      [input.greenMaxGap !== undefined ? "greenMaxGap" : "yellowMaxGap"]:
        "validation.thresholdOrder",
    });
  }
  const stale = getDb().transaction((tx) => {
    const diff = changedFields(before, after);
    if (!diff) return false;
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
