import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { getEntry } from "@/lib/entries/queries";
import { MAX_ATTACHMENTS } from "@/lib/entries/rules";
import { resubmitIfReturned } from "@/lib/entries/resubmit";
import { entrySnapshot, type EntrySnapshot } from "@/lib/entries/snapshot";
import { openEntryForChange } from "@/lib/entries/update-entry";
import { insertAttachments, prepareFiles, storeFilesWith } from "./prepare";

/**
 * Records an evidence change of an entry, inside its transaction. On a returned entry it is a fix
 * by its author, so it resubmits the entry (as a save of its fields does): the audit row shows
 * the review status going back to pending.
 */
function recordEvidenceChange(tx: Tx, actor: Actor, entryId: number, entry: EntrySnapshot) {
  const resubmission = resubmitIfReturned(tx, { ...entry, id: entryId });
  // The entry was read in this very transaction: its row cannot have moved on since.
  if (resubmission === "stale") throw new AppError("internal");
  recordAudit(tx, {
    actorId: actor.id,
    action: "evidence",
    entityType: "entry",
    entityId: entryId,
    before: { attachments: entry.fields.attachments, ...resubmission.before },
    after: {
      attachments: entrySnapshot(tx, entryId)!.fields.attachments,
      ...resubmission.after,
    },
  });
}

const liveCount = (entryId: number) =>
  getDb()
    .select({ n: count() })
    .from(attachments)
    .where(and(eq(attachments.entryId, entryId), isNull(attachments.removedAt)))
    .get()?.n ?? 0;

/**
 * Adds evidence files to an entry its author may still change; all of them or none. A returned
 * entry is resubmitted with them. Returns the entry with its attachments.
 */
export async function addAttachments(actor: Actor, entryId: number, files: File[]) {
  // Check the entry before reading the files, and again inside the transaction.
  getDb().transaction((tx) => openEntryForChange(tx, actor, entryId, undefined));
  if (files.length === 0) throw validationFailed({ files: "validation.noFiles" });
  const prepared = await prepareFiles(files, liveCount(entryId));

  await storeFilesWith(prepared, () =>
    getDb().transaction((tx) => {
      const entry = openEntryForChange(tx, actor, entryId, undefined);
      if ("stale" in entry) throw notFound();
      if (entry.fields.attachments.length + prepared.length > MAX_ATTACHMENTS) {
        throw validationFailed({ files: "validation.tooManyFiles" });
      }
      insertAttachments(tx, entryId, actor.id, prepared);
      recordEvidenceChange(tx, actor, entryId, entry);
    }),
  );
  return getEntry(entryId, actor);
}

/**
 * Removes an attachment from an entry its author may still change; the file is kept, unserved. A
 * returned entry is resubmitted.
 */
export async function removeAttachment(actor: Actor, attachmentId: number) {
  const entryId = getDb().transaction((tx) => {
    const row = tx
      .select({ entryId: attachments.entryId })
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), isNull(attachments.removedAt)))
      .get();
    if (!row) throw notFound();
    const entry = openEntryForChange(tx, actor, row.entryId, undefined);
    if ("stale" in entry) throw notFound();
    tx.update(attachments)
      .set({ removedAt: new Date() })
      .where(eq(attachments.id, attachmentId))
      .run();
    recordEvidenceChange(tx, actor, row.entryId, entry);
    return row.entryId;
  });
  return getEntry(entryId, actor);
}
