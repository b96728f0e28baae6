import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { monthSnapshots, users } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { planToday } from "@/lib/plans/as-of";
import { resolvePlan } from "@/lib/plans/queries";
import { assertReportMonth, buildMonthlyReport, publishedReport } from "./monthly-report";
import type { PublishInput, ReopenInput } from "./schemas";
import type { MonthlyReport } from "./types";

const actorName = (tx: Tx, actor: Actor) =>
  tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id)).get()?.name ??
  "";

/**
 * 定稿: a leader publishes a month that is over. Its report is stored as it is now (with the
 * narrative as the leader edited it) and served from then on; entries dated in it or earlier are
 * frozen. A month already published is a 409 `month_published`; one still under way a 400.
 */
export async function publishMonth(actor: Actor, input: PublishInput): Promise<MonthlyReport> {
  authorize(actor, "report:publish");
  const plan = await resolvePlan(input.planId);
  const today = planToday(plan);
  assertReportMonth(plan, input.month, today);
  getDb().transaction((tx) => {
    if (publishedReport(tx, plan.id, input.month)) {
      throw new AppError(
        "month_published",
        { month: "validation.alreadyPublished" },
        {
          reason: "published",
        },
      );
    }
    // Inside the transaction: no entry can slip in between the report and its snapshot.
    const report = buildMonthlyReport(plan, input.month, today);
    if (!report.complete) throw validationFailed({ month: "validation.monthNotOver" });
    const narrative = input.narrative?.trim() || report.narrative;
    const publishedAt = new Date();
    // Who published it is stored with the report, named as they were then.
    const published = {
      at: publishedAt.toISOString(),
      byId: actor.id,
      byName: actorName(tx, actor),
    };
    const snapshot = tx
      .insert(monthSnapshots)
      .values({
        planId: plan.id,
        month: input.month,
        content: { ...report, narrative, published },
        narrative,
        publishedById: actor.id,
        publishedAt,
      })
      .returning({ id: monthSnapshots.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "publish",
      entityType: "report",
      entityId: snapshot.id,
      after: { planId: plan.id, month: input.month, narrative },
    });
  });
  return publishedReport(getDb(), plan.id, input.month)!;
}

/**
 * An admin reopens a published month, with a reason (audited with what was published): its
 * report is made live again and its entries can change. A later month still published keeps it
 * frozen, so that one is reopened first (409).
 */
export async function reopenMonth(actor: Actor, input: ReopenInput): Promise<MonthlyReport> {
  authorize(actor, "report:reopen");
  const plan = await resolvePlan(input.planId);
  getDb().transaction((tx) => {
    const snapshot = tx
      .select()
      .from(monthSnapshots)
      .where(and(eq(monthSnapshots.planId, plan.id), eq(monthSnapshots.month, input.month)))
      .get();
    if (!snapshot) throw notFound();
    const later = tx
      .select({ month: monthSnapshots.month })
      .from(monthSnapshots)
      .where(and(eq(monthSnapshots.planId, plan.id), gt(monthSnapshots.month, input.month)))
      .get();
    if (later) {
      throw new AppError(
        "conflict",
        { month: "validation.laterMonthPublished" },
        { reason: "later_month_published", month: later.month },
      );
    }
    tx.delete(monthSnapshots).where(eq(monthSnapshots.id, snapshot.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "reopen",
      entityType: "report",
      entityId: snapshot.id,
      // What had been published, whole: the report that went up the chain is never lost.
      before: {
        planId: plan.id,
        month: input.month,
        narrative: snapshot.narrative,
        publishedById: snapshot.publishedById,
        publishedAt: snapshot.publishedAt.toISOString(),
        content: snapshot.content,
      },
      after: { reason: input.reason },
    });
  });
  return buildMonthlyReport(plan, input.month, planToday(plan));
}
