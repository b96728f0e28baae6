import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicatorReadings, indicators, progressEntries, users } from "@/db/schema";

/**
 * A task's progress entries, newest first, each with its readings and the change of each reading
 * since the indicator's previous counting reading (withdrawn and returned entries do not count).
 */
export async function listTaskEntries(taskId: number) {
  const db = getDb();
  const entries = db
    .select({
      id: progressEntries.id,
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
      createdAt: progressEntries.createdAt,
    })
    .from(progressEntries)
    .innerJoin(users, eq(users.id, progressEntries.authorId))
    .where(eq(progressEntries.taskId, taskId))
    .orderBy(asc(progressEntries.entryDate), asc(progressEntries.id))
    .all();
  const readings =
    entries.length === 0
      ? []
      : db
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
          .where(
            inArray(
              indicatorReadings.entryId,
              entries.map((e) => e.id),
            ),
          )
          .orderBy(asc(indicators.position), asc(indicators.id))
          .all();

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
    return {
      ...entry,
      withdrawn: withdrawnAt !== null,
      createdAt: createdAt.toISOString(),
      readings: own,
    };
  });
  return timeline.reverse();
}

export type TaskEntry = Awaited<ReturnType<typeof listTaskEntries>>[number];
