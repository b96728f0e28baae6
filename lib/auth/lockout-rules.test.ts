import { afterEach, describe, expect, it, vi } from "vitest";
import type { ThrottleKind } from "@/db/schema/sign-in";
import {
  afterFailure,
  isLocked,
  lockLength,
  lockoutLimits,
  type ThrottleState,
} from "./lockout-rules";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date("2026-03-02T01:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

/** `count` failures, one a second from `from`, on top of `state`. */
function fail(
  state: ThrottleState | undefined,
  count: number,
  from: Date,
  kind: ThrottleKind = "account",
) {
  let next = state;
  for (let i = 0; i < count; i++) {
    next = afterFailure(next, new Date(from.getTime() + i * 1000), lockoutLimits(kind));
  }
  return next!;
}

afterEach(() => vi.unstubAllEnvs());

describe("the lockout rules", () => {
  it("default to 5 failures an account, 20 an address, a first lock of 15 minutes", () => {
    expect(lockoutLimits("account")).toMatchObject({ maxFailures: 5, firstLockMs: 15 * MINUTE });
    expect(lockoutLimits("address")).toMatchObject({ maxFailures: 20, windowMs: HOUR });
  });

  it("lock an account at the fifth failure, for 15 minutes, not before", () => {
    const four = fail(undefined, 4, start);
    expect(four.failures).toBe(4);
    expect(isLocked(four, at(4000))).toBe(false);
    const five = afterFailure(four, at(5000), lockoutLimits("account"));
    expect(five.lockedUntil).toEqual(at(5000 + 15 * MINUTE));
    expect(isLocked(five, at(5000 + 15 * MINUTE - 1))).toBe(true);
    expect(isLocked(five, at(5000 + 15 * MINUTE))).toBe(false);
    expect(five).toMatchObject({ failures: 0, lockCount: 1 });
  });

  it("double each further lock: 15, 30, 60 … minutes, at most a day", () => {
    const limits = lockoutLimits("account");
    expect([0, 1, 2, 3, 6, 7, 40].map((n) => lockLength(n, limits) / MINUTE)).toEqual([
      15, 30, 60, 120, 960, 1440, 1440,
    ]);
    let state = fail(undefined, 5, start);
    const lengths: number[] = [];
    for (let lock = 0; lock < 8; lock++) {
      const from = new Date(state.lockedUntil!.getTime());
      state = fail(state, 5, from);
      lengths.push((state.lockedUntil!.getTime() - state.lastFailureAt.getTime()) / MINUTE);
    }
    expect(lengths).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440]);
  });

  it("start the growth over when the last lock ended a day ago", () => {
    const locked = fail(fail(undefined, 5, start), 5, at(HOUR));
    expect(locked.lockCount).toBe(2);
    const later = fail(locked, 5, new Date(locked.lockedUntil!.getTime() + 25 * HOUR));
    expect(later.lockedUntil!.getTime() - later.lastFailureAt.getTime()).toBe(15 * MINUTE);
  });

  it("forget an account's failures a day after the first of them", () => {
    const four = fail(undefined, 4, start);
    const next = afterFailure(four, at(24 * HOUR), lockoutLimits("account"));
    expect(next).toMatchObject({ failures: 1, lockedUntil: null, windowStartedAt: at(24 * HOUR) });
    const within = afterFailure(four, at(24 * HOUR - 1), lockoutLimits("account"));
    expect(isLocked(within, at(24 * HOUR))).toBe(true);
  });

  it("lock an address at 20 failures within an hour", () => {
    const nineteen = fail(undefined, 19, start, "address");
    expect(isLocked(nineteen, at(19_000))).toBe(false);
    expect(isLocked(afterFailure(nineteen, at(20_000), lockoutLimits("address")), at(20_000))).toBe(
      true,
    );
    // Spread over more than an hour, the count starts over.
    const slow = afterFailure(nineteen, at(HOUR), lockoutLimits("address"));
    expect(slow).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("take their limits from the environment", () => {
    vi.stubEnv("SIGN_IN_MAX_FAILURES", "3");
    vi.stubEnv("SIGN_IN_ADDRESS_MAX_FAILURES", "7");
    vi.stubEnv("SIGN_IN_LOCK_MINUTES", "2");
    expect(lockoutLimits("account")).toMatchObject({ maxFailures: 3, firstLockMs: 2 * MINUTE });
    expect(lockoutLimits("address")).toMatchObject({ maxFailures: 7 });
    expect(isLocked(fail(undefined, 3, start), at(3000))).toBe(true);
    vi.stubEnv("SIGN_IN_MAX_FAILURES", "nonsense");
    expect(lockoutLimits("account").maxFailures).toBe(5);
  });
});
