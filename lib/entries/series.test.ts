import { describe, expect, it } from "vitest";
import { dayNumber } from "@/lib/dates/calendar";
import { indicatorSeries, previousReadings, type TimelineEntry } from "./series";

const entry = (
  id: number,
  date: string,
  readings: Record<number, number>,
  options: { counts?: boolean; percent?: number | null } = {},
): TimelineEntry => ({
  id,
  date,
  counts: options.counts ?? true,
  percent: options.percent ?? null,
  readings: Object.entries(readings).map(([indicatorId, value]) => ({
    indicatorId: Number(indicatorId),
    value,
  })),
});

// Newest first, as the timeline lists them.
const timeline = [
  entry(5, "2023-05-20", { 1: 90 }, { counts: false }),
  entry(4, "2023-04-30", { 1: 60, 2: 7 }),
  entry(3, "2023-04-30", { 1: 55 }),
  entry(2, "2023-03-31", { 1: 40 }, { percent: 30 }),
  entry(1, "2023-02-28", { 2: 3 }, { percent: 10 }),
];

describe("previousReadings", () => {
  it("takes each indicator's latest counting reading on or before the date", () => {
    const { readings, percent } = previousReadings(timeline, "2023-06-01");
    expect(readings.get(1)).toEqual({ value: 60, date: "2023-04-30" });
    expect(readings.get(2)).toEqual({ value: 7, date: "2023-04-30" });
    expect(percent).toBe(30);
  });

  it("ignores later entries, withdrawn or returned ones, and the entry being edited", () => {
    expect(previousReadings(timeline, "2023-03-31").readings.get(1)?.value).toBe(40);
    expect(previousReadings(timeline, "2023-05-31").readings.get(1)?.value).toBe(60);
    expect(previousReadings(timeline, "2023-04-30", 4).readings.get(1)?.value).toBe(55);
    expect(previousReadings(timeline, "2023-01-31").readings.size).toBe(0);
    expect(previousReadings(timeline, "2023-01-31").percent).toBeNull();
  });
});

describe("indicatorSeries", () => {
  const task = { startDate: "2023-01-01", dueDate: "2023-12-31" };

  it("gives one point per day, the day's last counting reading, oldest first", () => {
    const { readings } = indicatorSeries({ id: 1, baseline: 0, target: 100 }, task, timeline);
    expect(readings.map((p) => [p.date, p.value])).toEqual([
      ["2023-03-31", 40],
      ["2023-04-30", 60],
    ]);
    expect(readings[0]!.day).toBe(dayNumber("2023-03-31"));
  });

  it("draws the pace line from the baseline at the start to the target at the due date", () => {
    const { pace } = indicatorSeries({ id: 2, baseline: 2, target: 12 }, task, timeline);
    expect(pace).toEqual([
      { day: dayNumber("2023-01-01"), date: "2023-01-01", value: 2 },
      { day: dayNumber("2023-12-31"), date: "2023-12-31", value: 12 },
    ]);
  });

  it("has no points for an indicator nobody reported", () => {
    expect(indicatorSeries({ id: 9, baseline: 0, target: 1 }, task, timeline).readings).toEqual([]);
  });
});
