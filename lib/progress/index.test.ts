import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  aggregateProgress,
  indicatorProgress,
  isNotReported,
  reportingWindow,
  taskLight,
  taskProgress,
  timeProgress,
} from "./index";

describe("indicatorProgress", () => {
  const estates = { baseline: 0, target: 3, direction: "increase" as const };
  const hazards = { baseline: 120, target: 0, direction: "decrease" as const };

  it("measures an increase from baseline to target", () => {
    expect(indicatorProgress(estates, 0)).toBe(0);
    expect(indicatorProgress(estates, 2)).toBeCloseTo(2 / 3);
    expect(indicatorProgress(estates, 3)).toBe(1);
  });

  it("measures a decrease from baseline down to target", () => {
    expect(indicatorProgress(hazards, 120)).toBe(0);
    expect(indicatorProgress(hazards, 30)).toBeCloseTo(0.75);
    expect(indicatorProgress(hazards, 0)).toBe(1);
  });

  it("clamps below baseline and past target", () => {
    expect(indicatorProgress(estates, -1)).toBe(0);
    expect(indicatorProgress(estates, 5)).toBe(1);
    expect(indicatorProgress(hazards, 150)).toBe(0);
  });

  it("counts a missing reading as no progress", () => {
    expect(indicatorProgress(estates, null)).toBe(0);
  });

  it("uses a non-zero baseline (Pugongying swaps 283 → 312)", () => {
    expect(
      indicatorProgress({ baseline: 283, target: 312, direction: "increase" }, 300),
    ).toBeCloseTo(17 / 29);
  });
});

describe("taskProgress", () => {
  it("is the weighted mean of indicator progress", () => {
    const p = taskProgress({
      status: "in_progress",
      indicators: [
        { weight: 3, progress: 1 },
        { weight: 1, progress: 0 },
      ],
      percent: null,
    });
    expect(p).toBeCloseTo(0.75);
  });

  it("uses the latest percent for a task without indicators", () => {
    expect(taskProgress({ status: "in_progress", indicators: [], percent: 40 })).toBeCloseTo(0.4);
    expect(taskProgress({ status: "not_started", indicators: [], percent: null })).toBe(0);
  });

  it("is 100 % once completed, whatever was reported", () => {
    expect(
      taskProgress({
        status: "completed",
        indicators: [{ weight: 1, progress: 0.2 }],
        percent: null,
      }),
    ).toBe(1);
  });
});

describe("aggregateProgress", () => {
  it("weights tasks", () => {
    expect(
      aggregateProgress([
        { weight: 2, progress: 0.5 },
        { weight: 1, progress: 1 },
      ]),
    ).toBeCloseTo(2 / 3);
  });

  it("is 0 for nothing", () => {
    expect(aggregateProgress([])).toBe(0);
  });
});

describe("timeProgress", () => {
  it("is the elapsed share of the period", () => {
    expect(timeProgress("2023-01-01", "2023-12-31", "2023-07-02")).toBeCloseTo(182 / 364);
  });

  it("is 0 before the start and 1 after the due date", () => {
    expect(timeProgress("2023-03-01", "2023-06-30", "2023-02-01")).toBe(0);
    expect(timeProgress("2023-03-01", "2023-06-30", "2023-08-01")).toBe(1);
  });

  it("handles a one-day task (start = due)", () => {
    expect(timeProgress("2023-05-04", "2023-05-04", "2023-05-03")).toBe(0);
    expect(timeProgress("2023-05-04", "2023-05-04", "2023-05-04")).toBe(1);
  });
});

describe("taskLight", () => {
  const base = {
    status: "in_progress" as const,
    dueDate: "2023-12-31",
    asOf: "2023-06-30",
    thresholds: DEFAULT_THRESHOLDS,
  };

  it("is blue when completed, even late", () => {
    expect(
      taskLight({ ...base, status: "completed", progress: 1, timeProgress: 1, asOf: "2024-01-10" }),
    ).toBe("blue");
  });

  it("is green up to and including the green threshold", () => {
    expect(taskLight({ ...base, timeProgress: 0.5, progress: 0.5 })).toBe("green");
    expect(taskLight({ ...base, timeProgress: 0.5, progress: 0.4 })).toBe("green");
    expect(taskLight({ ...base, timeProgress: 0.3, progress: 0.8 })).toBe("green");
  });

  it("is yellow above 10 and up to 30 points", () => {
    expect(taskLight({ ...base, timeProgress: 0.5, progress: 0.39 })).toBe("yellow");
    expect(taskLight({ ...base, timeProgress: 0.5, progress: 0.2 })).toBe("yellow");
  });

  it("is red above 30 points", () => {
    expect(taskLight({ ...base, timeProgress: 0.5, progress: 0.19 })).toBe("red");
  });

  it("is red when past due and not completed, but not on the due date itself", () => {
    expect(taskLight({ ...base, asOf: "2024-01-01", timeProgress: 1, progress: 0.95 })).toBe("red");
    expect(taskLight({ ...base, asOf: "2023-12-31", timeProgress: 1, progress: 0.95 })).toBe(
      "green",
    );
  });

  it("follows the plan's own thresholds", () => {
    const strict = { greenMaxGap: 5, yellowMaxGap: 15 };
    expect(taskLight({ ...base, thresholds: strict, timeProgress: 0.5, progress: 0.42 })).toBe(
      "yellow",
    );
    expect(taskLight({ ...base, thresholds: strict, timeProgress: 0.5, progress: 0.34 })).toBe(
      "red",
    );
  });
});

describe("reportingWindow", () => {
  it("judges by this month's reporting day once it has passed, else by last month's", () => {
    expect(reportingWindow("2023-11-26", 25)).toEqual({
      month: "2023-11",
      start: "2023-11-01",
      deadline: "2023-11-25",
    });
    // On the reporting day itself the month's deadline has not passed yet.
    expect(reportingWindow("2023-11-25", 25)).toEqual({
      month: "2023-10",
      start: "2023-10-01",
      deadline: "2023-10-25",
    });
    expect(reportingWindow("2023-01-05", 25).deadline).toBe("2022-12-25");
    expect(reportingWindow("2023-03-02", 1).deadline).toBe("2023-03-01");
    expect(reportingWindow("2023-03-01", 1).deadline).toBe("2023-02-01");
  });
});

describe("isNotReported (未填报)", () => {
  const base = {
    completed: false,
    startDate: "2023-01-01",
    lastEntryDate: null as string | null,
    reportingDay: 25,
  };
  it("is late once a deadline passed with no entry since its month began", () => {
    expect(isNotReported({ ...base, asOf: "2023-11-26" })).toBe(true);
    expect(isNotReported({ ...base, asOf: "2023-11-26", lastEntryDate: "2023-10-31" })).toBe(true);
    expect(isNotReported({ ...base, asOf: "2023-11-26", lastEntryDate: "2023-11-01" })).toBe(false);
    // A late entry, after the deadline, still means the owner has reported.
    expect(isNotReported({ ...base, asOf: "2023-11-27", lastEntryDate: "2023-11-27" })).toBe(false);
  });

  it("before this month's deadline, judges last month's", () => {
    expect(isNotReported({ ...base, asOf: "2023-11-24", lastEntryDate: "2023-10-20" })).toBe(false);
    expect(isNotReported({ ...base, asOf: "2023-11-24", lastEntryDate: "2023-09-20" })).toBe(true);
    // Catching up this month, before its deadline, counts too.
    expect(isNotReported({ ...base, asOf: "2023-11-24", lastEntryDate: "2023-11-03" })).toBe(false);
  });

  it("spares completed tasks and tasks begun after the deadline", () => {
    expect(isNotReported({ ...base, asOf: "2023-11-26", completed: true })).toBe(false);
    expect(isNotReported({ ...base, asOf: "2023-11-26", startDate: "2023-11-26" })).toBe(false);
    expect(isNotReported({ ...base, asOf: "2023-11-26", startDate: "2023-11-25" })).toBe(true);
  });
});
