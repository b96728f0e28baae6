import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";
import { calendarDate, id, isCalendarDate, isOneOf, timestamps } from "./columns";
import { projects } from "./projects";
import { units } from "./units";
import { users } from "./users";

export const TASK_STATUSES = ["not_started", "in_progress", "blocked", "completed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** 重点任务. `version` grows with every write so a stale edit is refused, never applied. */
export const tasks = sqliteTable(
  "tasks",
  {
    id: id(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    leadUnitId: integer("lead_unit_id")
      .notNull()
      .references(() => units.id),
    startDate: calendarDate("start_date").notNull(),
    dueDate: calendarDate("due_date").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("not_started"),
    blockedReason: text("blocked_reason"),
    /** Why a task was completed with indicators below target (asked for when completing). */
    completionNote: text("completion_note"),
    /** The calendar day the task was completed: lights as of an earlier day are not blue. */
    completedOn: calendarDate("completed_on"),
    weight: real("weight").notNull().default(1),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    index("tasks_project_idx").on(t.projectId, t.position),
    index("tasks_owner_idx").on(t.ownerId),
    index("tasks_lead_unit_idx").on(t.leadUnitId),
    check("tasks_status_check", isOneOf(t.status, TASK_STATUSES)),
    check("tasks_start_date_check", isCalendarDate(t.startDate)),
    check("tasks_due_date_check", isCalendarDate(t.dueDate)),
    check("tasks_completed_on_check", isCalendarDate(t.completedOn)),
    check("tasks_period_check", sql`${t.startDate} <= ${t.dueDate}`),
    check("tasks_weight_check", sql`${t.weight} > 0`),
  ],
);

/** 配合单位: the units that work with the lead unit on a task. */
export const taskCoUnits = sqliteTable(
  "task_co_units",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.unitId] }),
    index("task_co_units_unit_idx").on(t.unitId),
  ],
);
