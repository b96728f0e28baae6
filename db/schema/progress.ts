import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { calendarDate, id, isCalendarDate, isOneOf, timestamps } from "./columns";
import { indicators } from "./indicators";
import { tasks } from "./tasks";
import { users } from "./users";

export const REVIEW_STATUSES = ["pending", "approved", "returned"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** 进展填报: a dated report on a task. Append-only history; a withdrawn entry stops counting. */
export const progressEntries = sqliteTable(
  "progress_entries",
  {
    id: id(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    entryDate: calendarDate("entry_date").notNull(),
    /** Percent done (0–100) for a task without indicators. */
    percent: real("percent"),
    note: text("note").notNull(),
    problems: text("problems").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    reviewStatus: text("review_status", { enum: REVIEW_STATUSES }).notNull().default("pending"),
    reviewReason: text("review_reason"),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("progress_entries_task_date_idx").on(t.taskId, t.entryDate),
    index("progress_entries_review_idx").on(t.reviewStatus),
    check("progress_entries_date_check", isCalendarDate(t.entryDate)),
    check("progress_entries_review_check", isOneOf(t.reviewStatus, REVIEW_STATUSES)),
    check(
      "progress_entries_percent_check",
      sql`${t.percent} IS NULL OR (${t.percent} >= 0 AND ${t.percent} <= 100)`,
    ),
  ],
);

/** One cumulative reading of an indicator, reported in an entry. */
export const indicatorReadings = sqliteTable(
  "indicator_readings",
  {
    id: id(),
    entryId: integer("entry_id")
      .notNull()
      .references(() => progressEntries.id, { onDelete: "cascade" }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    value: real("value").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("indicator_readings_entry_indicator_unique").on(t.entryId, t.indicatorId),
    index("indicator_readings_indicator_idx").on(t.indicatorId),
  ],
);
