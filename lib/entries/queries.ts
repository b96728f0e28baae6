import "server-only";
import { and, asc, eq, inArray, isNull, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  attachments,
  auditLog,
  indicatorReadings,
  indicators,
  progressEntries,
  projects,
  tasks,
  users,
} from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import { frozenThrough } from "@/lib/reports/frozen";

/** Why an entry is closed to its author's changes, if it is. */
export type EntryLock = "withdrawn" | "reviewed" | "published";

/** The latest published month of the plan a task belongs to: entries up to it are frozen. */
function taskFrozenThrough(taskId: number): string | null {
  const planId = getDb()
    .select({ planId: projects.planId })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(eq(tasks.id, taskId))
    .get()?.planId;
  return planId === undefined ? null : frozenThrough(getDb(), planId);
}

/** The readings of entries, each named by its indicator, in the indicators' order. */
export function readingsOf(entryIds: number[]) {
  if (entryIds.length === 0) return [];
  return getDb()
    .select({
      entryId: indicatorReadings.entryId,
      indicatorId: indicatorReadings.indicatorId,
      name: indicators.name,
      unit: indicators.measureUnit,
      decimals: indicators.decimals,
      value: indicatorReadings.value,
    })
    .from(indicatorReadings)
    .innerJoin(indicators, eq(indicators.id, indicatorReadings.indicatorId))
    .where(inArray(indicatorReadings.entryId, entryIds))
    .orderBy(asc(indicators.position), asc(indicators.id))
    .all();
}

/** The evidence still attached to entries (removed files are left out). */
export function attachmentsOf(entryIds: number[]) {
  if (entryIds.length === 0) return [];
  return getDb()
    .select({
      entryId: attachments.entryId,
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      size: attachments.size,
      width: attachments.width,
      height: attachments.height,
      thumbnailKey: attachments.thumbnailKey,
    })
    .from(attachments)
    .where(and(inArray(attachments.entryId, entryIds), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.id))
    .all()
    .map(({ thumbnailKey, ...file }) => ({ ...file, hasThumbnail: thumbnailKey !== null }));
}

/**
 * A task's progress entries, newest first, each with its readings (and the change of each since
 * the indicator's previous counting reading: withdrawn and returned entries do not count), its
 * evidence, its lock and, for `viewer`, whether they may still edit or withdraw it.
 */
export async function listTaskEntries(taskId: number, viewer?: Actor) {
  const db = getDb();
  const entries = db
    .select({
      id: progressEntries.id,
      taskId: progressEntries.taskId,
      date: progressEntries.entryDate,
      authorId: progressEntries.authorId,
      authorName: users.displayName,
      percent: progressEntries.percent,
      note: progressEntries.note,
      problems: progressEntries.problems,
      nextSteps: progressEntries.nextSteps,
      reviewStatus: progressEntries.reviewStatus,
      reviewReason: progressEntries.reviewReason,
      withdrawnAt: progressEntries.withdrawnAt,
      version: progressEntries.version,
      createdAt: progressEntries.createdAt,
    })
    .from(progressEntries)
    .innerJoin(users, eq(users.id, progressEntries.authorId))
    .where(eq(progressEntries.taskId, taskId))
    .orderBy(asc(progressEntries.entryDate), asc(progressEntries.id))
    .all();
  const ids = entries.map((e) => e.id);
  const readings = readingsOf(ids);
  const files = attachmentsOf(ids);
  const frozen = taskFrozenThrough(taskId);
  // When each entry was last edited by its author, from the audit log that keeps every version.
  const edits = new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: auditLog.entityId, at: max(auditLog.createdAt) })
          .from(auditLog)
          .where(
            and(
              eq(auditLog.entityType, "entry"),
              eq(auditLog.action, "update"),
              inArray(auditLog.entityId, ids),
            ),
          )
          .groupBy(auditLog.entityId)
          .all()
          .map((row) => [row.id, row.at]),
  );

  const previous = new Map<number, number>();
  const timeline = entries.map(({ withdrawnAt, createdAt, ...entry }) => {
    const counts = withdrawnAt === null && entry.reviewStatus !== "returned";
    const own = readings
      .filter((r) => r.entryId === entry.id)
      .map(({ entryId: _entry, ...reading }) => {
        void _entry;
        const before = previous.get(reading.indicatorId);
        if (counts) previous.set(reading.indicatorId, reading.value);
        return { ...reading, change: before === undefined ? null : reading.value - before };
      });
    const lock: EntryLock | null =
      withdrawnAt !== null
        ? "withdrawn"
        : entry.reviewStatus === "approved"
          ? "reviewed"
          : frozen !== null && entry.date.slice(0, 7) <= frozen
            ? "published"
            : null;
    return {
      ...entry,
      withdrawn: withdrawnAt !== null,
      counts,
      createdAt: createdAt.toISOString(),
      editedAt: edits.get(entry.id)?.toISOString() ?? null,
      readings: own,
      attachments: files
        .filter((f) => f.entryId === entry.id)
        .map(({ entryId: _entry, ...file }) => {
          void _entry;
          return file;
        }),
      lock,
      amendable: lock === null && can(viewer, "entry:amend", { authorId: entry.authorId }),
      /** Whether the viewer may approve or return it now (a leader, not on their own entry). */
      reviewable:
        withdrawnAt === null &&
        entry.reviewStatus === "pending" &&
        can(viewer, "entry:decide", { authorId: entry.authorId }),
    };
  });
  return timeline.reverse();
}

export type TaskEntry = Awaited<ReturnType<typeof listTaskEntries>>[number];
export type EntryAttachment = TaskEntry["attachments"][number];

/** One entry, as the task's timeline shows it. */
export async function getEntry(id: number, viewer?: Actor): Promise<TaskEntry> {
  const row = getDb()
    .select({ taskId: progressEntries.taskId })
    .from(progressEntries)
    .where(eq(progressEntries.id, id))
    .get();
  if (!row) throw notFound();
  const entry = (await listTaskEntries(row.taskId, viewer)).find((e) => e.id === id);
  if (!entry) throw notFound();
  return entry;
}
