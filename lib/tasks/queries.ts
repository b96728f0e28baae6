import "server-only";
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { projects, taskCoUnits, tasks, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { daysBetween } from "@/lib/dates/calendar";
import { notFound } from "@/lib/errors";
import { defaultAsOf, paceRulesOf } from "@/lib/plans/as-of";
import { memoized } from "@/lib/cache/memo";
import { resolvePlan, type Plan } from "@/lib/plans/queries";
import { urgeCounts } from "@/lib/urges/urges";
import { computeTaskFigures, type TaskFigures } from "./figures";
import type { TaskListQuery, TaskSort } from "./schemas";

const owner = alias(users, "owner");

const taskColumns = {
  id: tasks.id,
  planId: projects.planId,
  projectId: tasks.projectId,
  projectTitle: projects.title,
  projectPosition: projects.position,
  position: tasks.position,
  title: tasks.title,
  description: tasks.description,
  ownerId: tasks.ownerId,
  ownerName: owner.displayName,
  leadUnitId: tasks.leadUnitId,
  leadUnitName: units.name,
  startDate: tasks.startDate,
  dueDate: tasks.dueDate,
  status: tasks.status,
  blockedReason: tasks.blockedReason,
  completionNote: tasks.completionNote,
  completedOn: tasks.completedOn,
  weight: tasks.weight,
  version: tasks.version,
  archivedAt: tasks.archivedAt,
  updatedAt: tasks.updatedAt,
};

function selectTasks(where: SQL | undefined) {
  return getDb()
    .select(taskColumns)
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(owner, eq(owner.id, tasks.ownerId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(where)
    .orderBy(asc(projects.position), asc(projects.id), asc(tasks.position), asc(tasks.id))
    .all();
}

type TaskRow = ReturnType<typeof selectTasks>[number];

/** Co-units of tasks, with names, in one query. */
function coUnitsOf(taskIds: number[]) {
  const byTask = new Map<number, { id: number; name: string }[]>();
  if (taskIds.length === 0) return byTask;
  const rows = getDb()
    .select({ taskId: taskCoUnits.taskId, id: units.id, name: units.name })
    .from(taskCoUnits)
    .innerJoin(units, eq(units.id, taskCoUnits.unitId))
    .where(inArray(taskCoUnits.taskId, taskIds))
    .orderBy(asc(units.position), asc(units.id))
    .all();
  for (const { taskId, ...unit } of rows) byTask.set(taskId, [...(byTask.get(taskId) ?? []), unit]);
  return byTask;
}

// Written out: drizzle leaves a correlated subquery's columns unqualified, so "id" is ambiguous.
const coUnitIs = (unitId: number) =>
  sql`EXISTS (SELECT 1 FROM task_co_units c WHERE c.task_id = ${tasks.id} AND c.unit_id = ${unitId})`;

/** SQL for "the actor works on this task" (the policy's `isOnTask`, as a filter). */
const onTask = (actor: Actor) =>
  or(eq(tasks.ownerId, actor.id), eq(tasks.leadUnitId, actor.unitId), coUnitIs(actor.unitId));

function toItem(
  row: TaskRow,
  figures: TaskFigures,
  coUnits: { id: number; name: string }[],
  urgeCount: number,
) {
  return {
    id: row.id,
    planId: row.planId,
    projectId: row.projectId,
    projectTitle: row.projectTitle,
    position: row.position,
    title: row.title,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    leadUnitId: row.leadUnitId,
    leadUnitName: row.leadUnitName,
    coUnitIds: coUnits.map((u) => u.id),
    coUnits,
    startDate: row.startDate,
    dueDate: row.dueDate,
    status: row.status,
    blockedReason: row.blockedReason,
    completionNote: row.completionNote,
    completedOn: row.completedOn,
    weight: row.weight,
    progress: figures.progress,
    timeProgress: figures.timeProgress,
    light: figures.light,
    overdue: figures.overdue,
    notReported: figures.notReported,
    urgeCount,
    archived: row.archivedAt !== null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type TaskItem = ReturnType<typeof toItem>;

type WithFigures = { row: TaskRow; figures: TaskFigures };

function withFigures(
  rows: TaskRow[],
  plan: Plan,
  asOf: string,
  options?: { indicators?: boolean },
): WithFigures[] {
  const figures = computeTaskFigures(rows, asOf, paceRulesOf(plan), options);
  return rows.map((row) => ({ row, figures: figures.get(row.id)! }));
}

/** Items of the rows shown, with their co-units and urge counts (two queries, whatever the page). */
function toItems(shown: WithFigures[]): TaskItem[] {
  const ids = shown.map(({ row }) => row.id);
  const coUnits = coUnitsOf(ids);
  const urged = urgeCounts(ids);
  return shown.map(({ row, figures }) =>
    toItem(row, figures, coUnits.get(row.id) ?? [], urged.get(row.id) ?? 0),
  );
}

/** Due on or after `asOf` and at most `days` days later (the dashboard's "due soon" list). */
export const isDueWithin = (dueDate: string, asOf: string, days: number) =>
  dueDate >= asOf && daysBetween(asOf, dueDate) <= days;

const LIGHT_ORDER = { red: 0, yellow: 1, green: 2, blue: 3 } as const;
const STATUS_ORDER = { blocked: 0, not_started: 1, in_progress: 2, completed: 3 } as const;

const compareBy: Record<TaskSort, (a: WithFigures, b: WithFigures) => number> = {
  position: () => 0, // rows arrive in plan order
  dueDate: (a, b) => a.row.dueDate.localeCompare(b.row.dueDate),
  progress: (a, b) => a.figures.progress - b.figures.progress,
  title: (a, b) => a.row.title.localeCompare(b.row.title, "zh-CN"),
  status: (a, b) => STATUS_ORDER[a.row.status] - STATUS_ORDER[b.row.status],
  light: (a, b) => LIGHT_ORDER[a.figures.light] - LIGHT_ORDER[b.figures.light],
};

/**
 * The task list of a plan (the current one by default) as of a date, filtered, sorted and paged.
 * SQL narrows by the stored fields; light and overdue depend on the as-of figures.
 */
export async function listTasks(actor: Actor, query: Partial<TaskListQuery>) {
  const plan = await resolvePlan(query.planId);
  const asOf = query.asOf ?? (await defaultAsOf(plan));
  // Kept until the database changes; only "mine" depends on who asks.
  const key = JSON.stringify({ ...query, planId: plan.id, asOf, me: query.mine ? actor : null });
  return memoized(`tasks:${key}`, () => taskPage(actor, plan, asOf, query));
}

function taskPage(actor: Actor, plan: Plan, asOf: string, query: Partial<TaskListQuery>) {
  const q = query.q?.trim();
  const escaped = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;

  const rows = selectTasks(
    and(
      eq(projects.planId, plan.id),
      isNull(projects.archivedAt),
      isNull(tasks.archivedAt),
      query.projectId === undefined ? undefined : eq(tasks.projectId, query.projectId),
      query.ownerId === undefined ? undefined : eq(tasks.ownerId, query.ownerId),
      query.status === undefined ? undefined : eq(tasks.status, query.status),
      query.unitId === undefined
        ? undefined
        : or(eq(tasks.leadUnitId, query.unitId), coUnitIs(query.unitId)),
      query.mine ? onTask(actor) : undefined,
      escaped
        ? or(
            sql`${tasks.title} LIKE ${escaped} ESCAPE '\\'`,
            sql`${tasks.description} LIKE ${escaped} ESCAPE '\\'`,
          )
        : undefined,
    ),
  );

  // The list shows no indicator: their figures are left out.
  let items = withFigures(rows, plan, asOf, { indicators: false })
    .filter(({ figures }) => !query.light || figures.light === query.light)
    .filter(({ figures }) => query.overdue === undefined || figures.overdue === query.overdue)
    .filter(
      ({ figures }) => query.notReported === undefined || figures.notReported === query.notReported,
    )
    .filter(
      ({ row, figures }) =>
        query.dueWithin === undefined ||
        (!figures.completed && isDueWithin(row.dueDate, asOf, query.dueWithin)),
    );

  const sort = query.sort ?? "position";
  if (sort === "position") {
    // Rows arrive in plan order, so descending is that order reversed.
    if (query.order === "desc") items = [...items].reverse();
  } else {
    const direction = query.order === "desc" ? -1 : 1;
    // Ties keep plan order (Array.prototype.sort is stable).
    items = [...items].sort((a, b) => direction * compareBy[sort](a, b));
  }
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const page = toItems(items.slice(offset, offset + limit));
  return { items: page, total: items.length, asOf, planId: plan.id };
}

/** One task with its indicators as of a date (archived tasks too: links to them keep working). */
export async function getTask(id: number, asOfInput?: string) {
  const [row] = selectTasks(eq(tasks.id, id));
  if (!row) throw notFound();
  const plan = await resolvePlan(row.planId);
  const asOf = asOfInput ?? (await defaultAsOf(plan));
  const [entry] = withFigures([row], plan, asOf);
  const { figures } = entry!;
  return {
    ...toItems([entry!])[0]!,
    asOf,
    indicators: figures.indicators,
    percent: figures.percent,
    plan: { id: plan.id, title: plan.title, startDate: plan.startDate, endDate: plan.endDate },
  };
}

export type TaskDetail = Awaited<ReturnType<typeof getTask>>;

/** The plan a task belongs to, or 404. */
export async function taskPlanId(id: number): Promise<number> {
  const row = getDb()
    .select({ planId: projects.planId })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(eq(tasks.id, id))
    .get();
  if (!row) throw notFound();
  return row.planId;
}
