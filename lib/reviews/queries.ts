import "server-only";
import { and, asc, desc, eq, isNull, ne, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { progressEntries, projects, tasks, units, users } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/policy";
import { attachmentsOf, readingsOf } from "@/lib/entries/queries";
import { resolvePlan } from "@/lib/plans/queries";
import type { ReviewQuery } from "./schemas";

const author = alias(users, "author");
const owner = alias(users, "owner");
const reviewer = alias(users, "reviewer");

/** How many entries the queue shows at once; the rest follow as these are reviewed. */
export const REVIEW_PAGE = 200;

/**
 * 待审核: entries of the plan's live tasks in a review state (pending by default), with their
 * readings and evidence. `scope: "mine"` keeps the themes the leader leads (the default for a leader
 * who leads any; others see all); pending
 * entries come oldest first, reviewed ones newest first.
 */
export async function listReviews(actor: Actor, query: ReviewQuery) {
  authorize(actor, "entry:review");
  const plan = await resolvePlan(query.planId);
  const status = query.status ?? "pending";
  // A leader who leads no theme (e.g. the office's director) reviews across all of them.
  const leadsAny =
    getDb()
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.planId, plan.id),
          eq(projects.leadLeaderId, actor.id),
          isNull(projects.archivedAt),
        ),
      )
      .get() !== undefined;
  const scope = query.scope ?? (leadsAny ? "mine" : "all");
  const where: SQL | undefined = and(
    eq(projects.planId, plan.id),
    isNull(projects.archivedAt),
    isNull(tasks.archivedAt),
    isNull(progressEntries.withdrawnAt),
    eq(progressEntries.reviewStatus, status),
    // A leader's own entries are for another leader to review.
    ne(progressEntries.authorId, actor.id),
    scope === "mine" ? eq(projects.leadLeaderId, actor.id) : undefined,
  );
  const rows = getDb()
    .select({
      id: progressEntries.id,
      version: progressEntries.version,
      date: progressEntries.entryDate,
      taskId: tasks.id,
      taskTitle: tasks.title,
      projectId: projects.id,
      projectTitle: projects.title,
      ownerName: owner.displayName,
      leadUnitName: units.name,
      authorId: progressEntries.authorId,
      authorName: author.displayName,
      percent: progressEntries.percent,
      note: progressEntries.note,
      problems: progressEntries.problems,
      nextSteps: progressEntries.nextSteps,
      reviewStatus: progressEntries.reviewStatus,
      reviewReason: progressEntries.reviewReason,
      reviewedByName: reviewer.displayName,
      reviewedAt: progressEntries.reviewedAt,
      createdAt: progressEntries.createdAt,
    })
    .from(progressEntries)
    .innerJoin(tasks, eq(tasks.id, progressEntries.taskId))
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(owner, eq(owner.id, tasks.ownerId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .innerJoin(author, eq(author.id, progressEntries.authorId))
    .leftJoin(reviewer, eq(reviewer.id, progressEntries.reviewedById))
    .where(where)
    .orderBy(
      ...(status === "pending"
        ? [asc(progressEntries.entryDate), asc(progressEntries.id)]
        : [desc(progressEntries.reviewedAt), desc(progressEntries.id)]),
    )
    .limit(REVIEW_PAGE + 1)
    .all();
  const page = rows.slice(0, REVIEW_PAGE);
  const ids = page.map((r) => r.id);
  const readings = readingsOf(ids);
  const files = attachmentsOf(ids);
  const items = page.map(({ reviewedAt, createdAt, ...row }) => ({
    ...row,
    reviewedAt: reviewedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    // Routine: nothing reported as a problem, so approving it unread is reasonable.
    routine: row.problems.trim() === "",
    readings: readings
      .filter((r) => r.entryId === row.id)
      .map(({ entryId: _entry, ...reading }) => {
        void _entry;
        return reading;
      }),
    attachments: files
      .filter((f) => f.entryId === row.id)
      .map(({ entryId: _entry, ...file }) => {
        void _entry;
        return file;
      }),
  }));
  return { planId: plan.id, status, scope, items, more: rows.length > REVIEW_PAGE };
}

export type ReviewItem = Awaited<ReturnType<typeof listReviews>>["items"][number];
