import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { id, isOneOf } from "./columns";

/** What a sign-in throttle counts: one typed username, or one client address. */
export const THROTTLE_KINDS = ["account", "address"] as const;
export type ThrottleKind = (typeof THROTTLE_KINDS)[number];

/**
 * Failed sign-ins and the lock they lead to (lib/auth/lockout.ts), kept in the database so a
 * restart does not forget them. An account is keyed by the username as typed (normalised), known
 * or not, so an unknown name locks like a real one and the lock tells nothing.
 */
export const signInThrottles = sqliteTable(
  "sign_in_throttles",
  {
    id: id(),
    kind: text("kind", { enum: THROTTLE_KINDS }).notNull(),
    /** The username (lower case) or the client address. */
    subject: text("subject").notNull(),
    /** Failures in the current window (since `windowStartedAt`), reset by each lock. */
    failures: integer("failures").notNull().default(0),
    windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
    /** How many locks in a row: each doubles the next one's length. */
    lockCount: integer("lock_count").notNull().default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("sign_in_throttles_subject_unique").on(t.kind, t.subject),
    index("sign_in_throttles_last_failure_idx").on(t.lastFailureAt),
    check("sign_in_throttles_kind_check", isOneOf(t.kind, THROTTLE_KINDS)),
    check("sign_in_throttles_counts_check", sql`${t.failures} >= 0 AND ${t.lockCount} >= 0`),
  ],
);
