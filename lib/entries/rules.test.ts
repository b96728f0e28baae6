import { describe, expect, it } from "vitest";
import { decimalsOf, MAX_FIGURE } from "@/lib/numbers";
import {
  entryDateIssue,
  entryDateRange,
  percentIssue,
  readingIssue,
  readingWarnings,
  type ReadingIndicator,
} from "./rules";

const plan2023 = { startDate: "2023-01-01", endDate: "2023-12-31" };

/** A count indicator (个): never below zero, whole numbers. */
const count: ReadingIndicator = {
  unit: "个",
  baseline: 0,
  target: 120,
  direction: "increase",
  decimals: 0,
};
const rate: ReadingIndicator = { ...count, unit: "%", baseline: 80, target: 95, decimals: 1 };
const money: ReadingIndicator = { ...count, unit: "万元", target: 500, decimals: 2 };

describe("entryDateIssue", () => {
  it("accepts a date within the plan, up to and including today", () => {
    expect(entryDateIssue("2023-01-01", plan2023, "2023-07-01")).toBeNull();
    expect(entryDateIssue("2023-07-01", plan2023, "2023-07-01")).toBeNull();
    expect(entryDateIssue("2023-12-31", plan2023, "2026-11-26")).toBeNull();
  });

  it("refuses a date after today, even inside the plan", () => {
    expect(entryDateIssue("2023-07-02", plan2023, "2023-07-01")).toBe("validation.entryDateFuture");
    // A date both after today and after the plan is told as the future first.
    expect(entryDateIssue("2024-01-05", plan2023, "2023-07-01")).toBe("validation.entryDateFuture");
  });

  it("refuses a date before the plan starts", () => {
    expect(entryDateIssue("2022-12-31", plan2023, "2023-07-01")).toBe(
      "validation.entryDateBeforePlan",
    );
  });

  it("refuses a past date after the plan ended", () => {
    expect(entryDateIssue("2024-01-01", plan2023, "2026-11-26")).toBe(
      "validation.entryDateAfterPlan",
    );
  });
});

describe("entryDateRange", () => {
  it("runs from the plan start to today while the plan is under way", () => {
    expect(entryDateRange(plan2023, "2023-07-01")).toEqual({
      min: "2023-01-01",
      max: "2023-07-01",
    });
  });

  it("ends at the plan's end once the plan is over", () => {
    expect(entryDateRange(plan2023, "2026-11-26")).toEqual({
      min: "2023-01-01",
      max: "2023-12-31",
    });
  });

  it("agrees with entryDateIssue at both ends", () => {
    for (const today of ["2023-03-15", "2023-12-31", "2024-02-01"]) {
      const { min, max } = entryDateRange(plan2023, today);
      expect(entryDateIssue(min, plan2023, today)).toBeNull();
      expect(entryDateIssue(max, plan2023, today)).toBeNull();
    }
  });
});

describe("readingIssue", () => {
  it("accepts sane readings", () => {
    expect(readingIssue(count, 0)).toBeNull();
    expect(readingIssue(count, 87)).toBeNull();
    expect(readingIssue(money, 123.45)).toBeNull();
    expect(readingIssue(rate, 91.5)).toBeNull();
    expect(readingIssue(count, MAX_FIGURE)).toBeNull();
  });

  it("refuses what is not a finite number", () => {
    expect(readingIssue(count, Number.NaN)).toBe("validation.invalidNumber");
    expect(readingIssue(count, Number.POSITIVE_INFINITY)).toBe("validation.invalidNumber");
    expect(readingIssue(count, Number.NEGATIVE_INFINITY)).toBe("validation.invalidNumber");
    expect(readingIssue(count, "12" as unknown as number)).toBe("validation.invalidNumber");
  });

  it("refuses a magnitude beyond 1e12, either way", () => {
    expect(readingIssue(count, MAX_FIGURE + 1)).toBe("validation.numberRange");
    expect(readingIssue(count, 5e12)).toBe("validation.numberRange");
    const belowZero = { ...count, baseline: -10 };
    expect(readingIssue(belowZero, -5e12)).toBe("validation.numberRange");
  });

  it("refuses a negative count", () => {
    expect(readingIssue(count, -1)).toBe("validation.negativeReading");
    expect(readingIssue(money, -0.01)).toBe("validation.negativeReading");
  });

  it("allows a negative rate (a fall)", () => {
    expect(readingIssue(rate, -3.5)).toBeNull();
    expect(readingIssue({ ...rate, unit: "％" }, -2)).toBeNull();
    expect(readingIssue({ ...rate, unit: "‰" }, -2)).toBeNull();
    expect(readingIssue({ ...rate, unit: "百分点" }, -2)).toBeNull();
    // The unit is compared trimmed.
    expect(readingIssue({ ...rate, unit: " % " }, -2)).toBeNull();
  });

  it("allows a negative reading of an indicator measured below zero", () => {
    // Baseline below zero (e.g. a deficit being closed).
    expect(readingIssue({ ...count, baseline: -50, target: 0 }, -20)).toBeNull();
    // Target below zero (e.g. a balance to be brought down).
    expect(
      readingIssue({ ...count, baseline: 0, target: -30, direction: "decrease" }, -12),
    ).toBeNull();
  });

  it("refuses more decimals than the indicator keeps", () => {
    expect(readingIssue(count, 1.5)).toBe("validation.tooManyDecimals");
    expect(readingIssue(money, 1.255)).toBe("validation.tooManyDecimals");
    expect(readingIssue(rate, 91.25)).toBe("validation.tooManyDecimals");
    // A float sum that is not what it looks like is not silently rounded.
    expect(readingIssue(money, 0.1 + 0.2)).toBe("validation.tooManyDecimals");
    // A tiny fraction written in exponent notation.
    expect(readingIssue({ ...money, decimals: 4 }, 1e-7)).toBe("validation.tooManyDecimals");
  });

  it("refuses a rate beyond ±1000", () => {
    expect(readingIssue(rate, 1000)).toBeNull();
    expect(readingIssue(rate, -1000)).toBeNull();
    expect(readingIssue(rate, 1000.5)).toBe("validation.rateRange");
    expect(readingIssue(rate, -1001)).toBe("validation.rateRange");
    // The same value is fine for a count.
    expect(readingIssue(count, 1001)).toBeNull();
  });
});

describe("percentIssue", () => {
  it("accepts 0–100 with at most one decimal", () => {
    expect(percentIssue(0)).toBeNull();
    expect(percentIssue(33.3)).toBeNull();
    expect(percentIssue(100)).toBeNull();
  });

  it("refuses what is not a finite number", () => {
    expect(percentIssue(Number.NaN)).toBe("validation.invalidNumber");
    expect(percentIssue(Number.POSITIVE_INFINITY)).toBe("validation.invalidNumber");
  });

  it("refuses values outside 0–100", () => {
    expect(percentIssue(-0.1)).toBe("validation.percentRange");
    expect(percentIssue(100.1)).toBe("validation.percentRange");
    expect(percentIssue(150)).toBe("validation.percentRange");
  });

  it("refuses a second decimal", () => {
    expect(percentIssue(33.33)).toBe("validation.tooManyDecimals");
  });
});

describe("readingWarnings", () => {
  const up = { target: 100, direction: "increase" as const };
  const down = { target: 10, direction: "decrease" as const };

  it("warns when an increasing indicator goes back", () => {
    expect(readingWarnings(up, 50, 40)).toEqual(["goesBack"]);
  });

  it("warns when a decreasing indicator goes back up", () => {
    expect(readingWarnings(down, 30, 35)).toEqual(["goesBack"]);
  });

  it("warns about the target only on the reading that crosses it", () => {
    expect(readingWarnings(up, 90, 110)).toEqual(["pastTarget"]);
    expect(readingWarnings(up, null, 120)).toEqual(["pastTarget"]);
    expect(readingWarnings(up, 110, 130)).toEqual([]);
    expect(readingWarnings(down, 20, 5)).toEqual(["pastTarget"]);
    expect(readingWarnings(down, null, 8)).toEqual(["pastTarget"]);
    expect(readingWarnings(down, 5, 3)).toEqual([]);
  });

  it("does not count reaching the target exactly as going past it", () => {
    expect(readingWarnings(up, 90, 100)).toEqual([]);
    expect(readingWarnings(down, 20, 10)).toEqual([]);
  });

  it("warns only of going back when a reading past the target falls but stays past it", () => {
    expect(readingWarnings(up, 130, 110)).toEqual(["goesBack"]);
    expect(readingWarnings(down, 3, 6)).toEqual(["goesBack"]);
  });

  it("says nothing about a normal step forward, a repeat or a first reading", () => {
    expect(readingWarnings(up, 40, 60)).toEqual([]);
    expect(readingWarnings(up, 60, 60)).toEqual([]);
    expect(readingWarnings(up, null, 30)).toEqual([]);
    expect(readingWarnings(down, 40, 25)).toEqual([]);
    expect(readingWarnings(down, null, 40)).toEqual([]);
  });
});

describe("decimalsOf", () => {
  it("counts the decimals a number is written with", () => {
    expect(decimalsOf(12)).toBe(0);
    expect(decimalsOf(0.5)).toBe(1);
    expect(decimalsOf(-3.25)).toBe(2);
    expect(decimalsOf(1e21)).toBe(0);
  });

  it("is Infinity for what cannot be written plainly", () => {
    expect(decimalsOf(Number.NaN)).toBe(Infinity);
    expect(decimalsOf(Number.POSITIVE_INFINITY)).toBe(Infinity);
    expect(decimalsOf(1e-7)).toBe(Infinity);
  });
});
