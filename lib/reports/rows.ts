import "server-only";
import { aliasedTable, and, asc, between, count, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { progressEntries, projects, taskCoUnits, tasks, units, urges, users } from "@/db/schema";
import { addDays } from "@/lib/dashboard/months";
import { startOfDay } from "@/lib/dates/calendar";
import { paceRulesOf } from "@/lib/plans/as-of";
import type { Plan } from "@/lib/plans/queries";
import { computeTaskFigures } from "@/lib/tasks/figures";
import { monthStart } from "./month";
import { numberRows } from "./summarize";
import type { ReportRow } from "./types";

/** Distinct non-empty texts, in order, one per line. */
const joinDistinct = (texts: readonly string[]) =>
  [...new Set(texts.map((text) => text.trim()).filter(Boolean))].join("\n");

/**
 * 本月进展: the month's notes in date order, one per line; with more than one, each is dated
 * ("11月20日：…") so the reader can tell them apart.
 */
function monthNotes(entries: readonly { date: string; note: string }[]): string {
  const notes = entries.filter((entry) => entry.note.trim());
  const dated = (e: { date: string; note: string }) =>
    `${Number(e.date.slice(5, 7))}月${Number(e.date.slice(8))}日：${e.note.trim()}`;
  return notes.length === 1 ? notes[0]!.note.trim() : notes.map(dated).join("\n");
}

/**
 * The plan's live projects and one row per live task for a month, as of `asOf` (the month's last
 * day, or today while it runs): figures from what was recorded on or before `asOf`, the month's
 * counting entries (neither withdrawn nor returned) dated from its first day to `asOf`, and the
 * urges sent before `asOf` ended on the office's clock. A fixed number of queries, whatever the
 * plan's size.
 */
export function reportRows(plan: Plan, month: string, asOf: string) {
  const db = getDb();
  const owner = aliasedTable(users, "owner");
  const projectList = db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(eq(projects.planId, plan.id), isNull(projects.archivedAt)))
    .orderBy(asc(projects.position), asc(projects.id))
    .all();
  const taskList = db
    .select({
      id: tasks.id,
      projectId: tasks.projectId,
      title: tasks.title,
      leadUnitId: tasks.leadUnitId,
      leadUnitName: units.name,
      ownerId: tasks.ownerId,
      ownerName: owner.displayName,
      startDate: tasks.startDate,
      dueDate: tasks.dueDate,
      weight: tasks.weight,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .innerJoin(owner, eq(owner.id, tasks.ownerId))
    .where(and(eq(projects.planId, plan.id), isNull(projects.archivedAt), isNull(tasks.archivedAt)))
    .orderBy(asc(projects.position), asc(projects.id), asc(tasks.position), asc(tasks.id))
    .all();
  const ids = taskList.map((task) => task.id);
  const figures = computeTaskFigures(taskList, asOf, paceRulesOf(plan));

  const coUnits = new Map<number, number[]>();
  const entries = new Map<
    number,
    { date: string; note: string; problems: string; nextSteps: string }[]
  >();
  const urgeCount = new Map<number, number>();
  if (ids.length > 0) {
    for (const { taskId, unitId } of db
      .select({ taskId: taskCoUnits.taskId, unitId: taskCoUnits.unitId })
      .from(taskCoUnits)
      .where(inArray(taskCoUnits.taskId, ids))
      .all()) {
      coUnits.set(taskId, [...(coUnits.get(taskId) ?? []), unitId]);
    }
    for (const { taskId, ...entry } of db
      .select({
        taskId: progressEntries.taskId,
        date: progressEntries.entryDate,
        note: progressEntries.note,
        problems: progressEntries.problems,
        nextSteps: progressEntries.nextSteps,
      })
      .from(progressEntries)
      .where(
        and(
          inArray(progressEntries.taskId, ids),
          between(progressEntries.entryDate, monthStart(month), asOf),
          isNull(progressEntries.withdrawnAt),
          ne(progressEntries.reviewStatus, "returned"),
        ),
      )
      .orderBy(asc(progressEntries.entryDate), asc(progressEntries.id))
      .all()) {
      entries.set(taskId, [...(entries.get(taskId) ?? []), entry]);
    }
    const endOfAsOf = startOfDay(addDays(asOf, 1), plan.timeZone);
    for (const { taskId, n } of db
      .select({ taskId: urges.taskId, n: count() })
      .from(urges)
      .where(and(inArray(urges.taskId, ids), lt(urges.createdAt, endOfAsOf)))
      .groupBy(urges.taskId)
      .all()) {
      urgeCount.set(taskId, n);
    }
  }

  const deadline = `${month}-${String(plan.reportingDay).padStart(2, "0")}`;
  const rows = taskList.map((task): ReportRow => {
    const f = figures.get(task.id)!;
    const own = entries.get(task.id) ?? [];
    const { id, ...fields } = task;
    return {
      ...fields,
      taskId: id,
      number: 0,
      coUnitIds: coUnits.get(task.id) ?? [],
      indicators: f.indicators.map((indicator) => ({
        name: indicator.name,
        unit: indicator.unit,
        decimals: indicator.decimals,
        target: indicator.target,
        current: indicator.current,
      })),
      progress: f.progress,
      timeProgress: f.timeProgress,
      light: f.light,
      completed: f.completed,
      overdue: f.overdue,
      // This month's own 未填报: begun by its reporting day, which has come, open, and no entry
      // dated in it. The dashboard's rule (`reportingWindow`) looks at the latest deadline before
      // a date instead; at a month's end the two agree, except that a report made while the month
      // runs lists nobody before the reporting day rather than last month's late reporters.
      notReported:
        !f.completed && task.startDate <= deadline && deadline <= asOf && own.length === 0,
      monthProgress: monthNotes(own),
      problems: joinDistinct(own.map((entry) => entry.problems)),
      nextSteps: own.map((entry) => entry.nextSteps.trim()).findLast(Boolean) ?? "",
      urgeCount: urgeCount.get(task.id) ?? 0,
    };
  });
  return { projects: projectList, rows: numberRows(rows) };
}
