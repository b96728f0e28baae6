import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, timestamps } from "./columns";
import { plans } from "./plans";
import { users } from "./users";

/** 工作板块: a theme of the plan, with its lead leader (分管领导). */
export const projects = sqliteTable(
  "projects",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    leadLeaderId: integer("lead_leader_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [index("projects_plan_idx").on(t.planId, t.position)],
);
