import "server-only";
import { and, asc, eq, inArray, isNull, max, type SQL } from "drizzle-orm";
import { getDb, getSqlite } from "@/db/client";
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

/** The columns of an entry the timeline shows. */
function entryRows(where: SQL) {
  return getDb()
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
    .where(where)
    .orderBy(asc(progressEntries.entryDate), asc(progressEntries.id))
    .all();
}
type EntryRow = ReturnType<typeof entryRows>[number];
type Reading = Omit<ReturnType<typeof readingsOf>[number], "entryId"> & { change: number | null };
type EntryFile = Omit<ReturnType<typeof attachmentsOf>[number], "entryId">;

/** When each entry was last edited by its author, from the audit log that keeps every version. */
function editTimes(ids: number[]): Map<number, Date> {
  if (ids.length === 0) return new Map();
  return new Map(
    getDb()
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
      .flatMap((row) => (row.id === null || row.at === null ? [] : [[row.id, row.at] as const])),
  );
}

/** Groups rows by their entry, without the entry id. */
function byEntry<T extends { entryId: number }>(rows: T[]): Map<number, Omit<T, "entryId">[]> {
  const groups = new Map<number, Omit<T, "entryId">[]>();
  for (const { entryId, ...rest } of rows) {
    const group = groups.get(entryId) ?? [];
    group.push(rest);
    groups.set(entryId, group);
  }
  return groups;
}

/** Whether an entry counts toward the task's figures: neither withdrawn nor returned. */
const countsOf = (entry: EntryRow) =>
  entry.withdrawnAt === null && entry.reviewStatus !== "returned";

/** An entry as the timeline shows it, with its lock and what `viewer` may do with it. */
function timelineEntry(
  row: EntryRow,
  readings: Reading[],
  files: EntryFile[],
  editedAt: Date | undefined,
  frozen: string | null,
  viewer: Actor | undefined,
) {
  const { withdrawnAt, createdAt, ...entry } = row;
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
    counts: countsOf(row),
    createdAt: createdAt.toISOString(),
    editedAt: editedAt?.toISOString() ?? null,
    readings,
    attachments: files,
    lock,
    amendable: lock === null && can(viewer, "entry:amend", { authorId: entry.authorId }),
    /** Whether the viewer may approve or return it now (a leader, not on their own entry). */
    reviewable:
      withdrawnAt === null &&
      entry.reviewStatus === "pending" &&
      can(viewer, "entry:decide", { authorId: entry.authorId }),
  };
}

/**
 * A task's progress entries, newest first, each with its readings (and the change of each since
 * the indicator's previous counting reading: withdrawn and returned entries do not count), its
 * evidence, its lock and, for `viewer`, whether they may still edit or withdraw it.
 */
export async function listTaskEntries(taskId: number, viewer?: Actor) {
  const entries = entryRows(eq(progressEntries.taskId, taskId));
  const ids = entries.map((e) => e.id);
  const readings = byEntry(readingsOf(ids));
  const files = byEntry(attachmentsOf(ids));
  const edits = editTimes(ids);
  const frozen = taskFrozenThrough(taskId);

  const previous = new Map<number, number>();
  const timeline = entries.map((entry) => {
    const counts = countsOf(entry);
    const own = (readings.get(entry.id) ?? []).map((reading) => {
      const before = previous.get(reading.indicatorId);
      if (counts) previous.set(reading.indicatorId, reading.value);
      return { ...reading, change: before === undefined ? null : reading.value - before };
    });
    const attached = files.get(entry.id) ?? [];
    return timelineEntry(entry, own, attached, edits.get(entry.id), frozen, viewer);
  });
  return timeline.reverse();
}

/**
 * The value of each of an entry's indicators in the task's counting entry just before it (by date,
 * then id), as listTaskEntries walks them: one query, however long the task's timeline.
 */
function valuesBefore(entry: EntryRow): Map<number, number> {
  const rows = getSqlite()
    .prepare(
      `SELECT r.indicator_id AS indicatorId,
              (SELECT p.value FROM indicator_readings p
                 JOIN progress_entries pe ON pe.id = p.entry_id
                WHERE p.indicator_id = r.indicator_id AND pe.task_id = ?
                  AND pe.withdrawn_at IS NULL AND pe.review_status <> 'returned'
                  AND (pe.entry_date < ? OR (pe.entry_date = ? AND pe.id < ?))
                ORDER BY pe.entry_date DESC, pe.id DESC LIMIT 1) AS value
         FROM indicator_readings r WHERE r.entry_id = ?`,
    )
    .all(entry.taskId, entry.date, entry.date, entry.id, entry.id) as {
    indicatorId: number;
    value: number | null;
  }[];
  return new Map(rows.flatMap((r) => (r.value === null ? [] : [[r.indicatorId, r.value]])));
}

/** One entry, as the task's timeline shows it. */
export async function getEntry(id: number, viewer?: Actor): Promise<TaskEntry> {
  const entry = entryRows(eq(progressEntries.id, id))[0];
  if (!entry) throw notFound();
  const before = valuesBefore(entry);
  const readings = (byEntry(readingsOf([id])).get(id) ?? []).map((reading) => {
    const value = before.get(reading.indicatorId);
    return { ...reading, change: value === undefined ? null : reading.value - value };
  });
  const files = byEntry(attachmentsOf([id])).get(id) ?? [];
  const frozen = taskFrozenThrough(entry.taskId);
  return timelineEntry(entry, readings, files, editTimes([id]).get(id), frozen, viewer);
}

export type TaskEntry = Awaited<ReturnType<typeof listTaskEntries>>[number];
export type EntryAttachment = TaskEntry["attachments"][number];
