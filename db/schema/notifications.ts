import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, isOneOf, timestamps } from "./columns";
import { tasks } from "./tasks";
import { users } from "./users";

export const NOTIFICATION_KINDS = [
  "instruction_received",
  "entry_returned",
  "urged",
  "task_due_soon",
  "entry_missing",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A message in a user's bell. `refId` points at the instruction, entry or urge it is about. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    taskId: integer("task_id").references(() => tasks.id),
    refId: integer("ref_id"),
    body: text("body").notNull().default(""),
    /** Set on reminders the app raises itself (due soon, entry missing), so each is raised once. */
    dedupeKey: text("dedupe_key"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.readAt),
    uniqueIndex("notifications_dedupe_unique")
      .on(t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} IS NOT NULL`),
    check("notifications_kind_check", isOneOf(t.kind, NOTIFICATION_KINDS)),
  ],
);
