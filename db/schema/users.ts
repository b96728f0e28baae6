import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, isOneOf, timestamps } from "./columns";
import { units } from "./units";

export const ROLES = ["admin", "leader", "cadre"] as const;
export type Role = (typeof ROLES)[number];

/** 用户. `title` is the post (职务) shown beside the name, e.g. 街道主任. */
export const users = sqliteTable(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    title: text("title"),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    mustChangePassword: integer("must_change_password", { mode: "boolean" })
      .notNull()
      .default(false),
    /**
     * Sessions signed in before this instant are over: set when the password is changed or reset
     * and when the account is deactivated (lib/auth/session-validity.ts).
     */
    sessionsValidAfter: integer("sessions_valid_after", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    index("users_unit_idx").on(t.unitId),
    check("users_role_check", isOneOf(t.role, ROLES)),
    // Sign-in lower-cases what is typed, so a stored username must be lower case to be reachable.
    check(
      "users_username_check",
      sql`${t.username} = lower(trim(${t.username})) AND length(${t.username}) BETWEEN 1 AND 64`,
    ),
  ],
);
