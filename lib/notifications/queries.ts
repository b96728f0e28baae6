import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { raiseReminders } from "./reminders";

function unreadCount(userId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/**
 * The bell: the newest messages first and how many are unread. Reminders that have come due
 * (a task due within 7 days, this month's entry missing) are raised first, once each.
 */
export async function listNotifications(actor: Actor, limit = 50) {
  await raiseReminders(actor);
  const items = getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      taskId: notifications.taskId,
      taskTitle: tasks.title,
      refId: notifications.refId,
      body: notifications.body,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(tasks, eq(tasks.id, notifications.taskId))
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all()
    .map(({ readAt, createdAt, ...item }) => ({
      ...item,
      read: readAt !== null,
      createdAt: createdAt.toISOString(),
    }));
  return { unread: unreadCount(actor.id), items };
}

export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];

/** Marks the user's own messages read: the given ones, or all. Others' ids change nothing. */
export async function markNotificationsRead(
  actor: Actor,
  input: { ids?: number[]; all?: boolean },
) {
  const mine = eq(notifications.userId, actor.id);
  const which = input.all ? mine : and(mine, inArray(notifications.id, input.ids ?? []));
  getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(which, isNull(notifications.readAt)))
    .run();
  return { unread: unreadCount(actor.id) };
}
