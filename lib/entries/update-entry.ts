import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicatorReadings, progressEntries } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { planToday } from "@/lib/plans/as-of";
import { resolvePlan } from "@/lib/plans/queries";
import { monthPublished } from "@/lib/reports/frozen";
import { assertEntryDateOpen, entryContentErrors, entryLock, liveIndicators } from "./checks";
import { staleEntryConflict } from "./conflicts";
import { getEntry, type EntryLock } from "./queries";
import { RESUBMISSION, resubmits } from "./resubmit";
import type { EntryPatchInput } from "./schemas";
import { entrySnapshot, type EntrySnapshot } from "./snapshot";

const LOCK_MESSAGES: Record<EntryLock, string> = {
  withdrawn: "validation.entryWithdrawn",
  reviewed: "validation.entryReviewed",
  published: "validation.entryPublished",
};

/**
 * 409 naming why an entry is closed to changes: withdrawn, reviewed, or its month published (then
 * with the code `month_published`, as for a new entry dated in such a month).
 */
export const entryLocked = (reason: EntryLock) =>
  reason === "published"
    ? monthPublished("_")
    : new AppError("conflict", { _: LOCK_MESSAGES[reason] }, { reason });

/**
 * Loads an entry for a change by its author, inside a transaction: 404, 403, the lock, then the
 * version, in that order, so a stranger learns nothing and a stale copy is told so.
 */
export function openEntryForChange(
  tx: Tx,
  actor: Actor,
  id: number,
  version: number | undefined,
): EntrySnapshot | { stale: true } {
  const entry = entrySnapshot(tx, id);
  if (!entry) throw notFound();
  authorize(actor, "entry:amend", entry);
  const lock = entryLock(tx, entry);
  if (lock) throw entryLocked(lock);
  if (version !== undefined && version !== entry.version) return { stale: true };
  return entry;
}

/** Runs a change of an entry; a stale version becomes a 409 with the entry as it now is. */
async function changeEntry(actor: Actor, id: number, change: (tx: Tx) => "stale" | void) {
  const stale = getDb().transaction(change) === "stale";
  if (stale) throw await staleEntryConflict(id);
  return getEntry(id, actor);
}

type Reading = { indicatorId: number; value: number };

/**
 * The readings an edit leaves: those sent, plus the entry's readings of indicators archived since,
 * which the form no longer shows and so cannot send back (history is not lost by an edit).
 */
function replacedReadings(
  current: readonly Reading[],
  sent: readonly Reading[],
  live: ReadonlyMap<number, unknown>,
): Reading[] {
  const kept = current.filter(
    (r) => !live.has(r.indicatorId) && !sent.some((s) => s.indicatorId === r.indicatorId),
  );
  return [...sent, ...kept].sort((a, b) => a.indicatorId - b.indicatorId);
}

async function planOfEntry(id: number) {
  const entry = entrySnapshot(getDb(), id);
  if (!entry) throw notFound();
  return resolvePlan(entry.planId);
}

/**
 * Edits an entry: only its author, only while it is not approved and its month unpublished. The
 * audit row keeps the earlier version; `readings`, when given, replaces all of them. Saving a
 * returned entry resubmits it: it waits for review again and counts again.
 */
export async function updateEntry(actor: Actor, id: number, input: EntryPatchInput) {
  const plan = await planOfEntry(id);
  const today = planToday(plan);
  return changeEntry(actor, id, (tx) => {
    const entry = openEntryForChange(tx, actor, id, input.version);
    if ("stale" in entry) return "stale";
    const current = entry.fields;
    const next = {
      ...current,
      date: input.date ?? current.date,
      note: input.note ?? current.note,
      problems: input.problems ?? current.problems,
      nextSteps: input.nextSteps ?? current.nextSteps,
      percent: input.percent === undefined ? current.percent : input.percent,
      readings: input.readings
        ? replacedReadings(current.readings, input.readings, liveIndicators(tx, entry.taskId))
        : current.readings,
    };
    // Saving a returned entry resubmits it for review, even unchanged: its author has seen why.
    const resubmit = resubmits(entry);
    const diff = changedFields(
      { ...current, reviewStatus: entry.reviewStatus },
      { ...next, reviewStatus: resubmit ? RESUBMISSION.after.reviewStatus : entry.reviewStatus },
    );
    if (!diff) return;
    assertEntryDateOpen(tx, entry, plan, today, next.date);
    const errors = entryContentErrors(tx, { id: entry.taskId, planId: entry.planId }, plan, today, {
      date: next.date,
      // Only a percent being set is checked: an old one stays valid as it was.
      percent: input.percent,
      readings: input.readings ?? [],
    });
    if (Object.keys(errors).length > 0) throw validationFailed(errors);

    const updated = tx
      .update(progressEntries)
      .set({
        entryDate: next.date,
        note: next.note,
        problems: next.problems,
        nextSteps: next.nextSteps,
        percent: next.percent,
        ...(resubmit && RESUBMISSION.set),
        version: entry.version + 1,
      })
      .where(and(eq(progressEntries.id, id), eq(progressEntries.version, entry.version)))
      .run();
    if (updated.changes !== 1) return "stale";
    if (input.readings) {
      tx.delete(indicatorReadings).where(eq(indicatorReadings.entryId, id)).run();
      for (const reading of next.readings) {
        tx.insert(indicatorReadings)
          .values({ entryId: id, ...reading })
          .run();
      }
    }
    recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "entry",
      entityId: id,
      ...diff,
    });
  });
}

/** Withdraws an entry (撤回): it stays in the history, marked, and no longer counts anywhere. */
export async function withdrawEntry(actor: Actor, id: number, version: number) {
  return changeEntry(actor, id, (tx) => {
    const entry = openEntryForChange(tx, actor, id, version);
    if ("stale" in entry) return "stale";
    const updated = tx
      .update(progressEntries)
      .set({ withdrawnAt: new Date(), version: entry.version + 1 })
      .where(and(eq(progressEntries.id, id), eq(progressEntries.version, entry.version)))
      .run();
    if (updated.changes !== 1) return "stale";
    recordAudit(tx, {
      actorId: actor.id,
      action: "withdraw",
      entityType: "entry",
      entityId: id,
      before: { withdrawn: false },
      after: { withdrawn: true },
    });
  });
}
