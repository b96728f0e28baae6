import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { progressEntries } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { isDateFrozen } from "@/lib/reports/frozen";
import { staleEntryConflict } from "@/lib/entries/conflicts";
import { getEntry } from "@/lib/entries/queries";
import { entrySnapshot } from "@/lib/entries/snapshot";
import { entryLocked } from "@/lib/entries/update-entry";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import type { BulkApproveItem, ReviewInput } from "./schemas";

/** 409: the entry is no longer waiting for review (someone reviewed it, or it was sent back). */
const notPending = (ids: number[]) =>
  new AppError("conflict", { _: "validation.entryNotPending" }, { reason: "not_pending", ids });

/**
 * 409: some entries were changed (by their authors, say) since the leader loaded them: approving
 * them would approve content the leader never saw.
 */
const staleEntries = (ids: number[]) =>
  new AppError("conflict", { _: "validation.entriesChanged" }, { reason: "stale", ids });

/** An entry waiting for the actor's review, or the refusal that says why it is not. */
function openForReview(tx: Tx, actor: Actor, id: number) {
  const entry = entrySnapshot(tx, id);
  if (!entry) throw notFound();
  authorize(actor, "entry:decide", entry);
  if (entry.withdrawn) throw entryLocked("withdrawn");
  if (entry.reviewStatus !== "pending") throw notPending([id]);
  return entry;
}

function setReview(
  tx: Tx,
  actor: Actor,
  id: number,
  version: number,
  decision: ReviewInput["decision"],
  reason: string | null,
): boolean {
  const reviewStatus = decision === "approve" ? "approved" : "returned";
  const updated = tx
    .update(progressEntries)
    .set({
      reviewStatus,
      reviewReason: reason,
      reviewedById: actor.id,
      reviewedAt: new Date(),
      version: version + 1,
    })
    .where(and(eq(progressEntries.id, id), eq(progressEntries.version, version)))
    .run();
  if (updated.changes !== 1) return false;
  recordAudit(tx, {
    actorId: actor.id,
    action: "review",
    entityType: "entry",
    entityId: id,
    before: { reviewStatus: "pending" },
    after: { reviewStatus, ...(reason && { reviewReason: reason }) },
  });
  return true;
}

/**
 * 审核: a leader approves a pending entry, or returns it with a reason. A returned entry stops
 * counting until its author fixes and resubmits it, and the author is told in their bell. An
 * entry in a published month can still be approved (nothing changes) but not returned.
 */
export async function reviewEntry(actor: Actor, id: number, input: ReviewInput) {
  authorize(actor, "entry:review");
  const stale = getDb().transaction((tx) => {
    const entry = openForReview(tx, actor, id);
    if (input.version !== undefined && input.version !== entry.version) return true;
    if (input.decision === "return" && isDateFrozen(tx, entry.planId, entry.fields.date)) {
      throw entryLocked("published");
    }
    const reason = input.decision === "return" ? input.reason! : null;
    if (!setReview(tx, actor, id, entry.version, input.decision, reason)) return true;
    if (input.decision === "return") {
      notify(tx, {
        userId: entry.authorId,
        kind: "entry_returned",
        taskId: entry.taskId,
        refId: id,
        body: reason!,
      });
    }
    return false;
  });
  if (stale) throw await staleEntryConflict(id);
  return getEntry(id, actor);
}

/**
 * Approves routine entries together, each at the version the leader saw: all of them, or none
 * when any is no longer pending (409 `not_pending`) or was changed since (409 `stale`), naming
 * those entries.
 */
export async function approveEntries(actor: Actor, items: BulkApproveItem[]) {
  authorize(actor, "entry:review");
  getDb().transaction((tx) => {
    const entries = items.map(({ id, version }) => {
      const entry = entrySnapshot(tx, id);
      if (!entry) throw notFound();
      authorize(actor, "entry:decide", entry);
      return { id, version, entry };
    });
    const closed = entries
      .filter(({ entry }) => entry.withdrawn || entry.reviewStatus !== "pending")
      .map(({ id }) => id);
    if (closed.length > 0) throw notPending(closed);
    const stale = entries
      .filter(({ version, entry }) => version !== entry.version)
      .map(({ id }) => id);
    if (stale.length > 0) throw staleEntries(stale);
    for (const { id, version } of entries) {
      // Changed between the read and the write: undo them all (the throw rolls back).
      if (!setReview(tx, actor, id, version, "approve", null)) throw staleEntries([id]);
    }
  });
  return { approved: items.length };
}
