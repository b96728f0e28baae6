import { describe, expect, it } from "vitest";
import {
  isMonth,
  monthEnd,
  monthLabel,
  monthOf,
  monthStart,
  monthsBetween,
  reportAsOf,
} from "./month";

describe("isMonth", () => {
  it("accepts YYYY-MM months", () => {
    for (const month of ["2023-01", "2023-11", "2023-12", "2024-02"]) {
      expect(isMonth(month), month).toBe(true);
    }
  });

  it("refuses anything else", () => {
    for (const bad of [
      "2023-00",
      "2023-13",
      "2023-1",
      "2023-011",
      "202311",
      "2023-11-01",
      "23-11",
      " 2023-11",
      "2023-11 ",
      "",
    ]) {
      expect(isMonth(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("month boundaries", () => {
  it("gives a month's first and last calendar dates", () => {
    expect(monthStart("2023-11")).toBe("2023-11-01");
    expect(monthEnd("2023-11")).toBe("2023-11-30");
    expect(monthOf("2023-11-30")).toBe("2023-11");
    expect(monthOf("2023-12-01")).toBe("2023-12");
  });

  it("knows February in leap and common years", () => {
    expect(monthEnd("2023-02")).toBe("2023-02-28");
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2100-02")).toBe("2100-02-28");
    expect(monthEnd("2000-02")).toBe("2000-02-29");
  });

  it("knows 30- and 31-day months", () => {
    const ends = Array.from({ length: 12 }, (_, i) =>
      monthEnd(`2023-${String(i + 1).padStart(2, "0")}`),
    );
    expect(ends).toEqual([
      "2023-01-31",
      "2023-02-28",
      "2023-03-31",
      "2023-04-30",
      "2023-05-31",
      "2023-06-30",
      "2023-07-31",
      "2023-08-31",
      "2023-09-30",
      "2023-10-31",
      "2023-11-30",
      "2023-12-31",
    ]);
  });

  it("labels a month in Chinese", () => {
    expect(monthLabel("2023-11")).toBe("2023年11月");
    expect(monthLabel("2024-01")).toBe("2024年1月");
  });
});

describe("monthsBetween", () => {
  it("lists every month that overlaps the period, both ends included", () => {
    expect(monthsBetween("2023-01-15", "2023-04-01")).toEqual([
      "2023-01",
      "2023-02",
      "2023-03",
      "2023-04",
    ]);
    expect(monthsBetween("2023-01-01", "2023-12-31")).toHaveLength(12);
  });

  it("crosses a year end", () => {
    expect(monthsBetween("2023-11-30", "2024-02-01")).toEqual([
      "2023-11",
      "2023-12",
      "2024-01",
      "2024-02",
    ]);
  });

  it("gives one month for a period inside it, and none when the end comes first", () => {
    expect(monthsBetween("2023-11-05", "2023-11-20")).toEqual(["2023-11"]);
    expect(monthsBetween("2023-11-05", "2023-10-31")).toEqual([]);
  });
});

describe("reportAsOf", () => {
  const plan = { endDate: "2023-12-31" };

  it("is the month's last day once the month is over", () => {
    expect(reportAsOf("2023-11", plan, "2023-12-01")).toEqual({
      asOf: "2023-11-30",
      complete: true,
    });
    expect(reportAsOf("2023-02", plan, "2024-06-30")).toEqual({
      asOf: "2023-02-28",
      complete: true,
    });
  });

  it("is today while the month is under way", () => {
    expect(reportAsOf("2023-11", plan, "2023-11-20")).toEqual({
      asOf: "2023-11-20",
      complete: false,
    });
    expect(reportAsOf("2023-11", plan, "2023-11-01")).toEqual({
      asOf: "2023-11-01",
      complete: false,
    });
  });

  it("stops at the plan's end when it comes mid-month", () => {
    const short = { endDate: "2023-06-15" };
    expect(reportAsOf("2023-06", short, "2023-07-10")).toEqual({
      asOf: "2023-06-15",
      complete: true,
    });
    expect(reportAsOf("2023-06", short, "2023-06-10")).toEqual({
      asOf: "2023-06-10",
      complete: false,
    });
  });

  it("counts a month as under way on its own last day (over only from the next day)", () => {
    // On 30 November the office may still report that day; publishing must wait for 1 December.
    expect(reportAsOf("2023-11", plan, "2023-11-30")).toEqual({
      asOf: "2023-11-30",
      complete: false,
    });
    expect(reportAsOf("2023-06", { endDate: "2023-06-15" }, "2023-06-15")).toEqual({
      asOf: "2023-06-15",
      complete: false,
    });
  });
});
