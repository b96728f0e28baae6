import "server-only";
import { and, inArray, isNull, max, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { progressEntries } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { daysBetween } from "@/lib/dates/calendar";
import { listTasks, type TaskItem } from "./queries";

export const MY_TASK_GROUPS = ["overdue", "dueSoon", "notReported", "rest"] as const;
export type MyTaskGroup = (typeof MY_TASK_GROUPS)[number];

export type MyTask = TaskItem & { lastEntryDate: string | null; daysToDue: number };

/** The latest counting entry's date of each task on or before `asOf`. */
function lastEntryDates(taskIds: number[], asOf: string) {
  if (taskIds.length === 0) return new Map<number, string>();
  const rows = getDb()
    .select({ taskId: progressEntries.taskId, last: max(progressEntries.entryDate) })
    .from(progressEntries)
    .where(
      and(
        inArray(progressEntries.taskId, taskIds),
        sql`${progressEntries.entryDate} <= ${asOf}`,
        isNull(progressEntries.withdrawnAt),
        sql`${progressEntries.reviewStatus} <> 'returned'`,
      ),
    )
    .groupBy(progressEntries.taskId)
    .all();
  return new Map(rows.flatMap((r) => (r.last ? [[r.taskId, r.last] as const] : [])));
}

/** Which group a task falls in, first match wins: what needs the person most comes first. */
export function myTaskGroup(task: MyTask): MyTaskGroup {
  if (task.light === "blue") return "rest";
  if (task.overdue) return "overdue";
  if (task.daysToDue <= 30) return "dueSoon";
  if (task.notReported) return "notReported";
  return "rest";
}

/**
 * 我的任务: the tasks the person owns or whose lead unit or a co-unit is theirs, grouped by what
 * needs them: overdue, due within 30 days, no entry yet this month, the rest.
 */
export async function listMyTasks(actor: Actor) {
  const { items, asOf } = await listTasks(actor, { mine: true, limit: 10_000, offset: 0 });
  const last = lastEntryDates(
    items.map((t) => t.id),
    asOf,
  );
  const groups: Record<MyTaskGroup, MyTask[]> = {
    overdue: [],
    dueSoon: [],
    notReported: [],
    rest: [],
  };
  for (const item of items) {
    const task: MyTask = {
      ...item,
      lastEntryDate: last.get(item.id) ?? null,
      daysToDue: daysBetween(asOf, item.dueDate),
    };
    groups[myTaskGroup(task)].push(task);
  }
  groups.dueSoon.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  groups.overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return { asOf, total: items.length, groups };
}
