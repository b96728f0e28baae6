import { describe, expect, it } from "vitest";
import { sessionIsCurrent, sessionMaxAgeMs } from "./session-validity";

const HOUR = 3_600_000;
const now = Date.parse("2026-03-02T09:00:00Z");

describe("session validity", () => {
  it("lasts 8 hours by default, or SESSION_MAX_AGE_HOURS", () => {
    expect(sessionMaxAgeMs(undefined)).toBe(8 * HOUR);
    expect(sessionMaxAgeMs("2")).toBe(2 * HOUR);
    expect(sessionMaxAgeMs("0.5")).toBe(HOUR / 2);
    expect(sessionMaxAgeMs("-1")).toBe(8 * HOUR);
    expect(sessionMaxAgeMs("forever")).toBe(8 * HOUR);
  });

  it("ends 8 hours after sign-in however often it is used (an absolute limit)", () => {
    expect(sessionIsCurrent(now - 8 * HOUR + 1, now, null, 8 * HOUR)).toBe(true);
    expect(sessionIsCurrent(now - 8 * HOUR, now, null, 8 * HOUR)).toBe(false);
  });

  it("ends when the user's sessions were ended after it signed in", () => {
    const signedIn = now - HOUR;
    expect(sessionIsCurrent(signedIn, now, new Date(signedIn - 1))).toBe(true);
    expect(sessionIsCurrent(signedIn, now, new Date(signedIn))).toBe(true);
    expect(sessionIsCurrent(signedIn, now, new Date(signedIn + 1))).toBe(false);
  });

  it("refuses a token without a sign-in time, or one from the future", () => {
    for (const bad of [undefined, null, "1", Number.NaN, Infinity]) {
      expect(sessionIsCurrent(bad, now), String(bad)).toBe(false);
    }
    expect(sessionIsCurrent(now + 30_000, now)).toBe(true);
    expect(sessionIsCurrent(now + HOUR, now)).toBe(false);
  });
});
