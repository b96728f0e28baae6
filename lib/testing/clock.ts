import { afterAll, beforeAll, vi } from "vitest";

/**
 * Fakes `Date` (timers stay real) at `now` for the whole test file. Call at the top level,
 * before the file's own beforeAll, so that everything it inserts is dated `now` too.
 */
export function fakeDateAt(now: Date): void {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}
