import "server-only";
import { and, eq, gt, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottles, type ThrottleKind } from "@/db/schema";
import type { Reader, Tx } from "@/db/transaction";
import { afterFailure, isLocked, lockoutLimits, type ThrottleState } from "./lockout-rules";

/** Who is trying to sign in: the username as typed (normalised) and the client's address. */
export interface SignInAttempt {
  username: string;
  /** Null when it cannot be told (then only the account is counted). */
  address: string | null;
}

/** A lock in force: what is locked, and until when. */
export interface SignInLock {
  scope: ThrottleKind;
  until: Date;
}

const subjects = (attempt: SignInAttempt) =>
  [
    ["address", attempt.address],
    ["account", attempt.username],
  ] as const satisfies readonly (readonly [ThrottleKind, string | null])[];

function readState(db: Reader, kind: ThrottleKind, subject: string): ThrottleState | undefined {
  return db
    .select({
      failures: signInThrottles.failures,
      windowStartedAt: signInThrottles.windowStartedAt,
      lockCount: signInThrottles.lockCount,
      lockedUntil: signInThrottles.lockedUntil,
      lastFailureAt: signInThrottles.lastFailureAt,
    })
    .from(signInThrottles)
    .where(and(eq(signInThrottles.kind, kind), eq(signInThrottles.subject, subject)))
    .get();
}

/**
 * The lock that refuses this attempt, if any: the address first (unlocking the account would not
 * help), then the account. Nothing is checked against a password while locked.
 */
export function signInLock(
  db: Reader,
  attempt: SignInAttempt,
  now = new Date(),
): SignInLock | null {
  for (const [kind, subject] of subjects(attempt)) {
    if (subject === null) continue;
    const state = readState(db, kind, subject);
    if (isLocked(state, now)) return { scope: kind, until: state!.lockedUntil! };
  }
  return null;
}

/**
 * Counts a failed sign-in against the account and the address, in one transaction; answers the lock
 * this failure set off, if it did. Unknown usernames count the same as real ones.
 */
export function recordSignInFailure(
  db: Db,
  attempt: SignInAttempt,
  now = new Date(),
): SignInLock | null {
  return db.transaction((tx) => {
    let lock: SignInLock | null = null;
    for (const [kind, subject] of subjects(attempt)) {
      if (subject === null) continue;
      const next = afterFailure(readState(tx, kind, subject), now, lockoutLimits(kind));
      tx.insert(signInThrottles)
        .values({ kind, subject, ...next })
        .onConflictDoUpdate({ target: [signInThrottles.kind, signInThrottles.subject], set: next })
        .run();
      if (!lock && isLocked(next, now)) lock = { scope: kind, until: next.lockedUntil! };
    }
    pruneStale(tx, now);
    return lock;
  });
}

/** Counts a wrong current password given to change one's own password (the account only). */
export function recordPasswordFailure(db: Db, username: string, now = new Date()) {
  return recordSignInFailure(db, { username, address: null }, now);
}

/** Forgets an account's failures and lock: after a good sign-in, or an admin's unlock. */
export function clearAccountThrottle(db: Reader, username: string): void {
  db.delete(signInThrottles)
    .where(and(eq(signInThrottles.kind, "account"), eq(signInThrottles.subject, username)))
    .run();
}

/** An account's lock in force, if any (for the admin's list of people). */
export function accountLockedUntil(db: Reader, usernames: string[], now = new Date()) {
  if (usernames.length === 0) return new Map<string, Date>();
  const rows = db
    .select({ subject: signInThrottles.subject, lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(
      and(
        eq(signInThrottles.kind, "account"),
        inArray(signInThrottles.subject, usernames),
        gt(signInThrottles.lockedUntil, now),
      ),
    )
    .all();
  return new Map(rows.map((row) => [row.subject, row.lockedUntil!]));
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Drops rows that no longer matter (no failure for two days, no lock in the last day), a hundred
 * at a time: random usernames tried by an attacker must not grow the table for ever.
 */
function pruneStale(tx: Tx, now: Date): void {
  const stale = tx
    .select({ id: signInThrottles.id })
    .from(signInThrottles)
    .where(
      and(
        lt(signInThrottles.lastFailureAt, new Date(now.getTime() - 2 * DAY)),
        or(
          isNull(signInThrottles.lockedUntil),
          lt(signInThrottles.lockedUntil, new Date(now.getTime() - DAY)),
        ),
      ),
    )
    .limit(100);
  tx.delete(signInThrottles).where(inArray(signInThrottles.id, stale)).run();
}
