import { describe, expect, it } from "vitest";
import {
  calendarDateIn,
  dayNumber,
  daysBetween,
  isCalendarDate,
  isValidTimeZone,
  startOfDay,
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

describe("startOfDay", () => {
  it("gives the first moment of a date on the office's clock, not UTC midnight", () => {
    // Shanghai is UTC+8 all year: 2023-12-01 00:00 there is 2023-11-30 16:00 UTC.
    expect(startOfDay("2023-12-01", "Asia/Shanghai").toISOString()).toBe(
      "2023-11-30T16:00:00.000Z",
    );
    expect(startOfDay("2024-01-01", "Asia/Shanghai").toISOString()).toBe(
      "2023-12-31T16:00:00.000Z",
    );
    expect(startOfDay("2024-02-29", "Asia/Shanghai").toISOString()).toBe(
      "2024-02-28T16:00:00.000Z",
    );
  });

  it("is midnight UTC in UTC, whatever the process's own zone", () => {
    // The tests run in America/Los_Angeles (vitest-setup.ts): it must not leak in.
    expect(startOfDay("2023-12-01", "UTC").toISOString()).toBe("2023-12-01T00:00:00.000Z");
    expect(startOfDay("2023-03-12", "UTC").toISOString()).toBe("2023-03-12T00:00:00.000Z");
  });

  it("follows daylight-saving changes in New York", () => {
    // 2023-03-12: clocks go forward at 02:00, so the day starts at 00:00 EST (UTC−5) and the next
    // at 00:00 EDT (UTC−4).
    expect(startOfDay("2023-03-12", "America/New_York").toISOString()).toBe(
      "2023-03-12T05:00:00.000Z",
    );
    expect(startOfDay("2023-03-13", "America/New_York").toISOString()).toBe(
      "2023-03-13T04:00:00.000Z",
    );
    // 2023-11-05: clocks go back at 02:00, so the day starts at 00:00 EDT and the next at 00:00 EST.
    expect(startOfDay("2023-11-05", "America/New_York").toISOString()).toBe(
      "2023-11-05T04:00:00.000Z",
    );
    expect(startOfDay("2023-11-06", "America/New_York").toISOString()).toBe(
      "2023-11-06T05:00:00.000Z",
    );
  });

  it("is the date's own first moment: the instant before it is the day before", () => {
    for (const [date, zone, before] of [
      ["2023-12-01", "Asia/Shanghai", "2023-11-30"],
      ["2023-03-12", "America/New_York", "2023-03-11"],
      ["2023-11-05", "America/New_York", "2023-11-04"],
      ["2023-10-29", "Europe/London", "2023-10-28"],
    ] as const) {
      const start = startOfDay(date, zone);
      expect(calendarDateIn(zone, start), `${date} ${zone}`).toBe(date);
      expect(calendarDateIn(zone, new Date(start.getTime() - 1)), `${date} ${zone}`).toBe(before);
    }
  });

  it("starts a day whose midnight is skipped (Havana, 2023-03-12 00:00 → 01:00) on that day, not the day before", () => {
    // Cuba moves its clocks forward at midnight: 2023-03-12 begins at 01:00 CDT = 05:00 UTC; the
    // instant 04:00 UTC is still 23:00 on 2023-03-11 there.
    const start = startOfDay("2023-03-12", "America/Havana");
    expect(calendarDateIn("America/Havana", start)).toBe("2023-03-12");
    expect(start.toISOString()).toBe("2023-03-12T05:00:00.000Z");
  });
});
