import { describe, expect, it } from "vitest";
import {
  calendarDateIn,
  dayNumber,
  daysBetween,
  isCalendarDate,
  isValidTimeZone,
} from "./calendar";

describe("isCalendarDate", () => {
  it("accepts real dates, leap days included", () => {
    expect(isCalendarDate("2023-11-30")).toBe(true);
    expect(isCalendarDate("2024-02-29")).toBe(true);
  });

  it("refuses impossible or malformed dates", () => {
    for (const bad of [
      "2023-02-29",
      "2023-13-01",
      "2023-00-10",
      "2023-4-01",
      "20230401",
      "",
      "2023-04-31",
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });
});

describe("daysBetween", () => {
  it("counts calendar days across months and years", () => {
    expect(daysBetween("2023-01-01", "2023-12-31")).toBe(364);
    expect(daysBetween("2023-12-31", "2024-01-01")).toBe(1);
    expect(daysBetween("2023-03-01", "2023-02-28")).toBe(-1);
  });

  it("is not shifted by daylight-saving changes", () => {
    // Europe changes clocks on 2023-03-26; a calendar day is still one day.
    expect(daysBetween("2023-03-25", "2023-03-27")).toBe(2);
  });

  it("throws on a non-date", () => {
    expect(() => dayNumber("2023-02-30")).toThrow(RangeError);
  });
});

describe("calendarDateIn", () => {
  it("gives the office's date, not UTC's, near midnight", () => {
    // 2023-11-30 17:30 UTC is already 2023-12-01 01:30 in Shanghai.
    const instant = new Date("2023-11-30T17:30:00Z");
    expect(calendarDateIn("Asia/Shanghai", instant)).toBe("2023-12-01");
    expect(calendarDateIn("UTC", instant)).toBe("2023-11-30");
  });

  it("knows valid time zones", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
