import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, timestamps } from "./columns";
import { plans } from "./plans";
import { users } from "./users";

/** 定稿: a published month of a plan; `content` is the report as JSON, served from then on. */
export const monthSnapshots = sqliteTable(
  "month_snapshots",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    month: text("month").notNull(),
    content: text("content", { mode: "json" }).notNull(),
    narrative: text("narrative").notNull().default(""),
    publishedById: integer("published_by_id")
      .notNull()
      .references(() => users.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("month_snapshots_plan_month_unique").on(t.planId, t.month),
    check("month_snapshots_month_check", sql`${t.month} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`),
  ],
);
