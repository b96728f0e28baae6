import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Light } from "@/lib/progress";
import { dueSoonSql, figuresTable, type FiguresScope } from "./aggregates";

/** The most rows a dashboard list shows; its total counts them all. */
export const LIST_LIMIT = 50;

export interface DashboardListItem {
  id: number;
  title: string;
  projectId: number;
  projectTitle: string;
  ownerId: number;
  ownerName: string;
  leadUnitId: number;
  leadUnitName: string;
  dueDate: string;
  progress: number;
  timeProgress: number;
  light: Light;
  /** 催办 so far (all time: urges have no as-of). */
  urgeCount: number;
}

interface ListRow {
  id: number;
  title: string;
  project_id: number;
  project_title: string;
  owner_id: number;
  owner_name: string;
  lead_unit_id: number;
  lead_unit_name: string;
  due_date: string;
  progress: number;
  time_progress: number;
  light: Light;
  urge_count: number;
}

const PLAN_ORDER = sql`pr.position, pr.id, tk.position, tk.id`;

function taskList(scope: FiguresScope, where: SQL, orderBy: SQL): DashboardListItem[] {
  const rows = getDb().all<ListRow>(sql`
    SELECT f.task_id AS id, tk.title, f.project_id, pr.title AS project_title,
      f.owner_id, owner.display_name AS owner_name, f.lead_unit_id, un.name AS lead_unit_name,
      f.due_date, f.progress, f.time_progress, f.light,
      (SELECT COUNT(*) FROM urges ug WHERE ug.task_id = f.task_id) AS urge_count
    FROM ${figuresTable(scope)}
    INNER JOIN tasks tk ON tk.id = f.task_id
    INNER JOIN projects pr ON pr.id = f.project_id
    INNER JOIN users owner ON owner.id = f.owner_id
    INNER JOIN units un ON un.id = f.lead_unit_id
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${LIST_LIMIT}`);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    projectId: row.project_id,
    projectTitle: row.project_title,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    leadUnitId: row.lead_unit_id,
    leadUnitName: row.lead_unit_name,
    dueDate: row.due_date,
    progress: row.progress,
    timeProgress: row.time_progress,
    light: row.light,
    urgeCount: row.urge_count,
  }));
}

/** Red tasks, furthest behind first (gap = time progress − progress), then soonest due. */
export const redTasks = (scope: FiguresScope) =>
  taskList(
    scope,
    sql`f.light = 'red'`,
    sql`(f.time_progress - f.progress) DESC, f.due_date, ${PLAN_ORDER}`,
  );

/** Past due and not completed, longest overdue first. */
export const overdueTasks = (scope: FiguresScope) =>
  taskList(scope, sql`f.overdue = 1`, sql`f.due_date, ${PLAN_ORDER}`);

/** Not completed and due within the next 30 days, soonest first. */
export const dueSoonTasks = (scope: FiguresScope) =>
  taskList(scope, dueSoonSql(scope.asOf), sql`f.due_date, ${PLAN_ORDER}`);

/** Not reported this month (未填报), in plan order. */
export const notReportedTasks = (scope: FiguresScope) =>
  taskList(scope, sql`f.not_reported = 1`, PLAN_ORDER);
