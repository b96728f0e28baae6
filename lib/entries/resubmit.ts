import "server-only";
import { and, eq } from "drizzle-orm";
import { progressEntries, type ReviewStatus } from "@/db/schema";
import type { Tx } from "@/db/transaction";

/**
 * What resubmitting a returned entry writes: it waits for review again (and counts again), the
 * earlier review cleared; `before` / `after` go into the change's audit row.
 */
export const RESUBMISSION = {
  set: {
    reviewStatus: "pending" as const,
    reviewReason: null,
    reviewedById: null,
    reviewedAt: null,
  },
  before: { reviewStatus: "returned" as const },
  after: { reviewStatus: "pending" as const },
};

/**
 * Any change by its author to a returned entry resubmits it: a save of its fields (update-entry)
 * or of its evidence (change-attachments). The author has seen why it came back.
 */
export const resubmits = (entry: { reviewStatus: ReviewStatus }) =>
  entry.reviewStatus === "returned";

/**
 * For a change that does not otherwise write the entry's row (its evidence): resubmits the entry
 * if it was returned, bumping its version (a leader holding the old one is told it changed), in
 * the caller's transaction. Returns the audit fields to merge into the change's audit row (none
 * when the entry was not returned), or "stale" when the row moved on since `entry` was read.
 */
export function resubmitIfReturned(
  tx: Tx,
  entry: { id: number; version: number; reviewStatus: ReviewStatus },
):
  | { before: Partial<typeof RESUBMISSION.before>; after: Partial<typeof RESUBMISSION.after> }
  | "stale" {
  if (!resubmits(entry)) return { before: {}, after: {} };
  const updated = tx
    .update(progressEntries)
    .set({ ...RESUBMISSION.set, version: entry.version + 1 })
    .where(and(eq(progressEntries.id, entry.id), eq(progressEntries.version, entry.version)))
    .run();
  if (updated.changes !== 1) return "stale";
  return { before: RESUBMISSION.before, after: RESUBMISSION.after };
}
