import "server-only";
import { count, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { urges, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { taskSnapshot } from "@/lib/tasks/snapshot";

const author = alias(users, "author");
const recipient = alias(users, "recipient");

/** A task's urges, newest first. */
export async function listTaskUrges(taskId: number) {
  return getDb()
    .select({
      id: urges.id,
      taskId: urges.taskId,
      authorName: author.displayName,
      recipientName: recipient.displayName,
      message: urges.message,
      createdAt: urges.createdAt,
    })
    .from(urges)
    .innerJoin(author, eq(author.id, urges.authorId))
    .innerJoin(recipient, eq(recipient.id, urges.recipientId))
    .where(eq(urges.taskId, taskId))
    .orderBy(desc(urges.createdAt), desc(urges.id))
    .all()
    .map(({ createdAt, ...urge }) => ({ ...urge, createdAt: createdAt.toISOString() }));
}

export type UrgeItem = Awaited<ReturnType<typeof listTaskUrges>>[number];

/** How many times each task was urged (催办次数), for lists and reports. */
export function urgeCounts(taskIds: number[]): Map<number, number> {
  if (taskIds.length === 0) return new Map();
  const rows = getDb()
    .select({ taskId: urges.taskId, n: count() })
    .from(urges)
    .where(inArray(urges.taskId, taskIds))
    .groupBy(urges.taskId)
    .all();
  return new Map(rows.map((r) => [r.taskId, r.n]));
}

/**
 * 催办: a leader urges a task's owner, who finds it in their bell. A completed or archived task is
 * not urged.
 */
export async function urgeTask(actor: Actor, taskId: number, input: { message?: string }) {
  authorize(actor, "task:urge");
  const message = input.message ?? "";
  const id = getDb().transaction((tx) => {
    const task = taskSnapshot(tx, taskId);
    if (!task) throw notFound();
    if (task.retired) {
      throw new AppError("validation_failed", { _: "validation.taskArchived" });
    }
    if (task.fields.status === "completed") {
      throw new AppError("conflict", { _: "validation.urgeCompleted" });
    }
    const row = tx
      .insert(urges)
      .values({ taskId, authorId: actor.id, recipientId: task.fields.ownerId, message })
      .returning({ id: urges.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "urge",
      entityId: row.id,
      after: { taskId, recipientId: task.fields.ownerId, message },
    });
    notify(tx, {
      userId: task.fields.ownerId,
      kind: "urged",
      taskId,
      refId: row.id,
      body: message,
    });
    return row.id;
  });
  const count = urgeCounts([taskId]).get(taskId) ?? 0;
  return { id, taskId, message, count };
}
