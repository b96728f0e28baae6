import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.readAt),
    check("notifications_kind_check", isOneOf(t.kind, NOTIFICATION_KINDS)),
  ],
);
