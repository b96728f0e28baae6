import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicators, projects, taskCoUnits, tasks, units, users } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/policy";
import { resolvePlan } from "@/lib/plans/queries";
import { DIRECTION_LABELS, templateWorkbook, type TemplateRow } from "./template";

/**
 * The template rows of a plan's live tasks (of its live projects), in the plan's order: a task's
 * first row holds its fields and first indicator, each further indicator a row of its own with
 * the project and title repeated — what the import reads back as the same tasks.
 */
export function planTemplateRows(planId: number): TemplateRow[] {
  const db = getDb();
  const taskRows = db
    .select({
      id: tasks.id,
      projectTitle: projects.title,
      title: tasks.title,
      description: tasks.description,
      owner: users.username,
      leadUnit: units.name,
      startDate: tasks.startDate,
      dueDate: tasks.dueDate,
      weight: tasks.weight,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(users, eq(users.id, tasks.ownerId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(and(eq(projects.planId, planId), isNull(projects.archivedAt), isNull(tasks.archivedAt)))
    .orderBy(asc(projects.position), asc(projects.id), asc(tasks.position), asc(tasks.id))
    .all();
  const ids = taskRows.map((task) => task.id);
  if (ids.length === 0) return [];

  const coUnits = db
    .select({ taskId: taskCoUnits.taskId, name: units.name })
    .from(taskCoUnits)
    .innerJoin(units, eq(units.id, taskCoUnits.unitId))
    .where(inArray(taskCoUnits.taskId, ids))
    .orderBy(asc(units.position), asc(units.id))
    .all();
  const indicatorRows = db
    .select({
      taskId: indicators.taskId,
      name: indicators.name,
      measureUnit: indicators.measureUnit,
      baseline: indicators.baseline,
      target: indicators.target,
      direction: indicators.direction,
      decimals: indicators.decimals,
    })
    .from(indicators)
    .where(and(inArray(indicators.taskId, ids), isNull(indicators.archivedAt)))
    .orderBy(asc(indicators.position), asc(indicators.id))
    .all();

  return taskRows.flatMap((task) => {
    const taskCells: TemplateRow = {
      description: task.description,
      owner: task.owner,
      leadUnit: task.leadUnit,
      coUnits: coUnits
        .filter((unit) => unit.taskId === task.id)
        .map((unit) => unit.name)
        .join("、"),
      startDate: task.startDate,
      dueDate: task.dueDate,
      weight: task.weight,
    };
    const own = indicatorRows.filter((indicator) => indicator.taskId === task.id);
    const indicatorCells = own.map((indicator): TemplateRow => ({
      indicatorName: indicator.name,
      measureUnit: indicator.measureUnit,
      baseline: indicator.baseline,
      target: indicator.target,
      direction: DIRECTION_LABELS[indicator.direction],
      decimals: indicator.decimals,
    }));
    const key = { project: task.projectTitle, title: task.title };
    if (indicatorCells.length === 0) return [{ ...key, ...taskCells }];
    return indicatorCells.map((cells, i) => ({ ...key, ...(i === 0 ? taskCells : {}), ...cells }));
  });
}

/**
 * A plan as the task import template (导出 Excel), with the file's name: leaders and admins only,
 * as the file names every owner by login name.
 */
export async function exportPlanXlsx(actor: Actor, planId: number) {
  authorize(actor, "plan:edit");
  const plan = await resolvePlan(planId);
  const bytes = await templateWorkbook(planTemplateRows(plan.id));
  const name = plan.title.replace(/[\\/:*?"<>|\s]+/g, "_");
  return { bytes, fileName: `${name}-任务.xlsx` };
}
