import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { plans } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import { resolvePlan } from "./queries";

/**
 * Makes a plan the current one (admins): the plan every page shows when none is asked for. The
 * plan that was current stops being so, in the same transaction, each with its audit row. Making
 * the current plan current again changes nothing.
 */
export async function setCurrentPlan(actor: Actor, planId: number) {
  authorize(actor, "admin:manage");
  getDb().transaction((tx) => {
    const plan = tx
      .select({ id: plans.id, isCurrent: plans.isCurrent })
      .from(plans)
      .where(eq(plans.id, planId))
      .get();
    if (!plan) throw notFound();
    if (plan.isCurrent) return;
    const previous = tx
      .update(plans)
      .set({ isCurrent: false })
      .where(and(eq(plans.isCurrent, true), ne(plans.id, planId)))
      .returning({ id: plans.id })
      .all();
    for (const { id } of previous) {
      recordAudit(tx, {
        actorId: actor.id,
        action: "update",
        entityType: "plan",
        entityId: id,
        before: { isCurrent: true },
        after: { isCurrent: false },
      });
    }
    tx.update(plans).set({ isCurrent: true }).where(eq(plans.id, planId)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "plan",
      entityId: planId,
      before: { isCurrent: false },
      after: { isCurrent: true },
    });
  });
  return resolvePlan(planId);
}
