import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { progressEntries, projects, tasks, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";

const reviewer = alias(users, "reviewer");

/**
 * 被退回的填报: entries the person wrote that a leader returned and that wait for their fix, on
 * live tasks (an archived task or theme is no longer worked on), newest return first. Withdrawn
 * entries are left out: they no longer count, so there is nothing to resubmit.
 */
export async function listReturnedEntriesFor(actor: Actor, limit = 100) {
  return getDb()
    .select({
      id: progressEntries.id,
      taskId: tasks.id,
      taskTitle: tasks.title,
      date: progressEntries.entryDate,
      reviewReason: progressEntries.reviewReason,
      reviewedByName: reviewer.displayName,
      reviewedAt: progressEntries.reviewedAt,
    })
    .from(progressEntries)
    .innerJoin(tasks, eq(tasks.id, progressEntries.taskId))
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .leftJoin(reviewer, eq(reviewer.id, progressEntries.reviewedById))
    .where(
      and(
        eq(progressEntries.authorId, actor.id),
        eq(progressEntries.reviewStatus, "returned"),
        isNull(progressEntries.withdrawnAt),
        isNull(tasks.archivedAt),
        isNull(projects.archivedAt),
      ),
    )
    .orderBy(desc(progressEntries.reviewedAt), desc(progressEntries.id))
    .limit(limit)
    .all()
    .map(({ reviewedAt, ...entry }) => ({
      ...entry,
      reviewedAt: reviewedAt?.toISOString() ?? null,
    }));
}

export type ReturnedEntry = Awaited<ReturnType<typeof listReturnedEntriesFor>>[number];
