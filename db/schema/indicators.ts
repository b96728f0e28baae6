import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, isOneOf, timestamps } from "./columns";
import { tasks } from "./tasks";

export const DIRECTIONS = ["increase", "decrease"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** 指标: a quantitative target of a task, measured in `measureUnit` (个/户/万元/%…). */
export const indicators = sqliteTable(
  "indicators",
  {
    id: id(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    measureUnit: text("measure_unit").notNull(),
    baseline: real("baseline").notNull().default(0),
    target: real("target").notNull(),
    direction: text("direction", { enum: DIRECTIONS }).notNull().default("increase"),
    decimals: integer("decimals").notNull().default(0),
    weight: real("weight").notNull().default(1),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    index("indicators_task_idx").on(t.taskId),
    check("indicators_direction_check", isOneOf(t.direction, DIRECTIONS)),
    check("indicators_decimals_check", sql`${t.decimals} BETWEEN 0 AND 4`),
    check("indicators_weight_check", sql`${t.weight} > 0`),
    check("indicators_target_check", sql`${t.target} <> ${t.baseline}`),
  ],
);
