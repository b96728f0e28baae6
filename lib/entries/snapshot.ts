import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { attachments, indicatorReadings, progressEntries, projects, tasks } from "@/db/schema";
import type { Reader } from "@/db/transaction";

/** An entry as its rules and the audit log see it: the fields its author can change, and its state. */
export function entrySnapshot(tx: Reader, id: number) {
  const row = tx
    .select({
      taskId: progressEntries.taskId,
      planId: projects.planId,
      authorId: progressEntries.authorId,
      version: progressEntries.version,
      reviewStatus: progressEntries.reviewStatus,
      withdrawnAt: progressEntries.withdrawnAt,
      date: progressEntries.entryDate,
      note: progressEntries.note,
      problems: progressEntries.problems,
      nextSteps: progressEntries.nextSteps,
      percent: progressEntries.percent,
    })
    .from(progressEntries)
    .innerJoin(tasks, eq(tasks.id, progressEntries.taskId))
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(eq(progressEntries.id, id))
    .get();
  if (!row) return undefined;
  const readings = tx
    .select({ indicatorId: indicatorReadings.indicatorId, value: indicatorReadings.value })
    .from(indicatorReadings)
    .where(eq(indicatorReadings.entryId, id))
    .orderBy(asc(indicatorReadings.indicatorId))
    .all();
  const files = tx
    .select({ id: attachments.id, fileName: attachments.fileName })
    .from(attachments)
    .where(and(eq(attachments.entryId, id), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.id))
    .all();
  const { taskId, planId, authorId, version, reviewStatus, withdrawnAt, ...fields } = row;
  return {
    taskId,
    planId,
    authorId,
    version,
    reviewStatus,
    withdrawn: withdrawnAt !== null,
    fields: { ...fields, readings, attachments: files },
  };
}

export type EntrySnapshot = NonNullable<ReturnType<typeof entrySnapshot>>;
export type EntryFields = EntrySnapshot["fields"];
