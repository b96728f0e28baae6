import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, timestamps } from "./columns";
import { tasks } from "./tasks";
import { users } from "./users";

/** 领导批示: a leader's directive on a task; the owner acknowledges (签收) and answers. */
export const instructions = sqliteTable(
  "instructions",
  {
    id: id(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    text: text("text").notNull(),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    acknowledgedById: integer("acknowledged_by_id").references(() => users.id),
    reply: text("reply"),
    repliedAt: integer("replied_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    index("instructions_task_idx").on(t.taskId),
    index("instructions_author_idx").on(t.authorId),
  ],
);

/** 催办: a reminder to a late owner. */
export const urges = sqliteTable(
  "urges",
  {
    id: id(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => users.id),
    message: text("message").notNull().default(""),
    ...timestamps,
  },
  (t) => [index("urges_task_idx").on(t.taskId)],
);
