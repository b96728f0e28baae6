/**
 * The sign-in lockout rules, as pure functions of a throttle's state and the time (the database
 * side is lib/auth/lockout.ts). Each account (the username typed) and each client address has a
 * counter of failures in a window; reaching the limit locks it, and each further lock lasts twice
 * as long as the one before, up to a day.
 */
import type { ThrottleKind } from "@/db/schema/sign-in";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface LockoutLimits {
  /** Failures in one window that lock. */
  maxFailures: number;
  /** How long failures are remembered: the count starts over a window after its first failure. */
  windowMs: number;
  /** The first lock's length; each further one doubles it. */
  firstLockMs: number;
  maxLockMs: number;
  /** A lock that ended this long ago no longer makes the next one longer. */
  growthMemoryMs: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockCount: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

/** A positive whole number from the environment, or the default. */
function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/**
 * The limits, read from the environment each time (tests and operators may set them):
 * SIGN_IN_MAX_FAILURES (5 per account in 24 hours), SIGN_IN_ADDRESS_MAX_FAILURES (20 per address
 * in an hour: an office behind one address shares it), SIGN_IN_LOCK_MINUTES (15, doubling to 24 h).
 */
export function lockoutLimits(kind: ThrottleKind): LockoutLimits {
  const firstLockMs = envCount("SIGN_IN_LOCK_MINUTES", 15) * MINUTE;
  const common = { firstLockMs, maxLockMs: 24 * HOUR, growthMemoryMs: 24 * HOUR };
  return kind === "account"
    ? { ...common, maxFailures: envCount("SIGN_IN_MAX_FAILURES", 5), windowMs: 24 * HOUR }
    : { ...common, maxFailures: envCount("SIGN_IN_ADDRESS_MAX_FAILURES", 20), windowMs: HOUR };
}

/** Whether the state is locked at `now`. */
export const isLocked = (state: ThrottleState | undefined, now: Date): boolean =>
  state?.lockedUntil != null && state.lockedUntil.getTime() > now.getTime();

/** The length of lock number `lockCount + 1`: 15, 30, 60 … minutes, at most a day. */
export const lockLength = (lockCount: number, limits: LockoutLimits): number =>
  Math.min(limits.firstLockMs * 2 ** Math.min(lockCount, 30), limits.maxLockMs);

/**
 * The state after one more failure at `now` (never called while locked: attempts then are refused
 * unchecked and not counted, so waiting out a lock always works).
 */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  limits: LockoutLimits,
): ThrottleState {
  const t = now.getTime();
  const lockEnded = state?.lockedUntil?.getTime();
  const lockCount =
    state && lockEnded !== undefined && t - lockEnded < limits.growthMemoryMs ? state.lockCount : 0;
  const windowOpen = state !== undefined && t - state.windowStartedAt.getTime() < limits.windowMs;
  const failures = (windowOpen ? state.failures : 0) + 1;
  if (failures >= limits.maxFailures) {
    return {
      failures: 0,
      windowStartedAt: now,
      lockCount: lockCount + 1,
      lockedUntil: new Date(t + lockLength(lockCount, limits)),
      lastFailureAt: now,
    };
  }
  return {
    failures,
    windowStartedAt: windowOpen ? state.windowStartedAt : now,
    lockCount,
    lockedUntil: state?.lockedUntil ?? null,
    lastFailureAt: now,
  };
}
