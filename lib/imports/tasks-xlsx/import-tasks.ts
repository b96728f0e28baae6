import "server-only";
import { and, eq, isNull, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import { projects, taskCoUnits, tasks, units, users } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { insertIndicator } from "@/lib/indicators/create-indicator";
import { resolvePlan, type Plan } from "@/lib/plans/queries";
import { taskSnapshot } from "@/lib/tasks/snapshot";
import { placeTask } from "@/lib/tasks/update-task";
import { fileIssueText, issueText } from "./messages";
import { readTasksSheet } from "./read";
import { validateRows, type ImportContext, type ImportTask, type RowIssue } from "./validate";

/** A bad cell as the API reports it: the reason in the caller's language. */
export interface RowError {
  row: number;
  column: string;
  cell: string;
  message: string;
}

export interface TasksImportResult {
  /** 工作板块 created: those the file names that the plan had no live project of. */
  projects: number;
  tasks: number;
  indicators: number;
}

/** What the rows are checked against, read inside the import's transaction. */
function loadContext(tx: Tx, plan: Plan): ImportContext {
  const projectRows = tx
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(eq(projects.planId, plan.id), isNull(projects.archivedAt)))
    .all();
  const taskRows = tx
    .select({ projectId: tasks.projectId, title: tasks.title })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(eq(projects.planId, plan.id), isNull(tasks.archivedAt)))
    .all();
  return {
    plan: { startDate: plan.startDate, endDate: plan.endDate },
    projects: projectRows.map((project) => ({
      id: project.id,
      title: project.title.trim(),
      taskTitles: new Set(
        taskRows.filter((t) => t.projectId === project.id).map((t) => t.title.trim()),
      ),
    })),
    users: new Map(
      tx
        .select({ id: users.id, username: users.username, active: users.active })
        .from(users)
        .all()
        .map((user) => [user.username, { id: user.id, active: user.active }]),
    ),
    units: new Map(
      tx
        .select({ id: units.id, name: units.name, archivedAt: units.archivedAt })
        .from(units)
        .all()
        .map((unit) => [unit.name.trim(), { id: unit.id, archived: unit.archivedAt !== null }]),
    ),
  };
}

/** The 400 that lists every bad cell; `fields.file` sums it up. */
function refusal(issues: RowIssue[], locale: Locale): AppError {
  const rows: RowError[] = issues.map((issue) => ({
    row: issue.row,
    column: issue.column,
    cell: issue.cell,
    message: issueText(locale, issue.message, issue.params),
  }));
  const rowNumbers = [...new Set(issues.map((issue) => issue.row))];
  const shown = rowNumbers.slice(0, 10).join(locale === "en" ? ", " : "、");
  return new AppError(
    "validation_failed",
    {
      file: fileIssueText(locale, "summary", {
        count: issues.length,
        rows: rowNumbers.length > 10 ? `${shown}…` : shown,
      }),
    },
    { rows },
  );
}

/**
 * Creates the file's new projects at the end of the plan, in the file's order, each audited as
 * POST /api/v1/projects does (see lib/projects/write.ts); their ids by title.
 */
function insertImportedProjects(
  tx: Tx,
  actor: Actor,
  planId: number,
  titles: readonly string[],
): Map<string, number> {
  const ids = new Map<string, number>();
  if (titles.length === 0) return ids;
  const last = tx
    .select({ position: max(projects.position) })
    .from(projects)
    .where(and(eq(projects.planId, planId), isNull(projects.archivedAt)))
    .get();
  let position = last?.position ?? 0;
  for (const title of titles) {
    position += 1;
    const project = tx
      .insert(projects)
      .values({ planId, position, title, description: "", leadLeaderId: null })
      .returning()
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "project",
      entityId: project.id,
      after: {
        title: project.title,
        description: project.description,
        leadLeaderId: project.leadLeaderId,
        position: project.position,
        archived: false,
      },
    });
    ids.set(title, project.id);
  }
  return ids;
}

/** Writes one task as POST /api/v1/tasks does (see lib/tasks/create-task.ts), at `position`. */
function insertImportedTask(
  tx: Tx,
  actor: Actor,
  task: ImportTask & { projectId: number },
  position: number,
) {
  const { id } = tx
    .insert(tasks)
    .values({
      projectId: task.projectId,
      position,
      title: task.title,
      description: task.description,
      ownerId: task.ownerId,
      leadUnitId: task.leadUnitId,
      startDate: task.startDate,
      dueDate: task.dueDate,
      weight: task.weight,
    })
    .returning({ id: tasks.id })
    .get();
  for (const unitId of task.coUnitIds) {
    if (unitId !== task.leadUnitId) tx.insert(taskCoUnits).values({ taskId: id, unitId }).run();
  }
  recordAudit(tx, {
    actorId: actor.id,
    action: "create",
    entityType: "task",
    entityId: id,
    after: taskSnapshot(tx, id)!.fields,
  });
  task.indicators.forEach((indicator) => insertIndicator(tx, actor, id, indicator));
  return id;
}

/**
 * 从 Excel 导入任务 (admins): reads the uploaded template, checks every row against the plan, and
 * writes all its new projects, tasks and indicators (each with its audit row) in one transaction
 * — or, while any cell is bad, nothing, answering 400 with `rows` naming each bad cell and why.
 * A 工作板块 the plan has no live project of is created at the end of the plan; tasks go at the
 * end of their projects; both in the file's order.
 */
export async function importTasksXlsx(
  actor: Actor,
  input: { planId: number; bytes: Uint8Array },
  locale: Locale,
): Promise<TasksImportResult> {
  authorize(actor, "admin:manage");
  const plan = await resolvePlan(input.planId);
  const sheet = await readTasksSheet(input.bytes, locale);

  return getDb().transaction((tx) => {
    const { tasks: found, issues, newProjects } = validateRows(sheet, loadContext(tx, plan));
    if (issues.length > 0) throw refusal(issues, locale);

    const created = insertImportedProjects(tx, actor, plan.id, newProjects);
    const next = new Map<number, number>();
    let indicatorCount = 0;
    for (const checked of found) {
      const task = {
        ...checked,
        projectId: checked.projectId ?? created.get(checked.projectTitle)!,
      };
      if (!next.has(task.projectId)) {
        const last = tx
          .select({ position: max(tasks.position) })
          .from(tasks)
          .where(and(eq(tasks.projectId, task.projectId), isNull(tasks.archivedAt)))
          .get();
        next.set(task.projectId, (last?.position ?? 0) + 1);
      }
      const position = next.get(task.projectId)!;
      next.set(task.projectId, position + 1);
      insertImportedTask(tx, actor, task, position);
      indicatorCount += task.indicators.length;
    }
    // Positions stay 1…n among each project's live tasks, as after any other write.
    for (const projectId of next.keys()) placeTask(tx, projectId, null);
    return { projects: created.size, tasks: found.length, indicators: indicatorCount };
  });
}
