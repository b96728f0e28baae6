/**
 * What the form and the charts derive from a task's timeline, without the database: the reading
 * each indicator had before a date, and each indicator's readings over time.
 */
import { dayNumber } from "@/lib/dates/calendar";

/** The part of a timeline entry these functions read. */
export interface TimelineEntry {
  id: number;
  date: string;
  counts: boolean;
  percent: number | null;
  readings: readonly { indicatorId: number; value: number }[];
}

/**
 * The latest counting reading of each indicator on or before `date` (and the latest percent),
 * leaving out the entry being edited: what a new reading is compared with.
 */
export function previousReadings(
  entries: readonly TimelineEntry[],
  date: string,
  excludeId?: number,
): { readings: Map<number, { value: number; date: string }>; percent: number | null } {
  const readings = new Map<number, { value: number; date: string }>();
  let percent: { value: number; date: string; id: number } | null = null;
  const counting = entries
    .filter((e) => e.counts && e.id !== excludeId && e.date <= date)
    .sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  for (const entry of counting) {
    for (const r of entry.readings)
      readings.set(r.indicatorId, { value: r.value, date: entry.date });
    if (entry.percent !== null) percent = { value: entry.percent, date: entry.date, id: entry.id };
  }
  return { readings, percent: percent?.value ?? null };
}

export interface SeriesPoint {
  /** Day number (days since 1970-01-01), for a time axis. */
  day: number;
  date: string;
  value: number;
}

/**
 * An indicator's counting readings over time, one point per day (the day's last reading), and its
 * pace line: baseline on the task's start to target on its due date.
 */
export function indicatorSeries(
  indicator: { id: number; baseline: number; target: number },
  task: { startDate: string; dueDate: string },
  entries: readonly TimelineEntry[],
): { readings: SeriesPoint[]; pace: SeriesPoint[] } {
  const byDate = new Map<string, { value: number; id: number }>();
  for (const entry of entries) {
    if (!entry.counts) continue;
    const reading = entry.readings.find((r) => r.indicatorId === indicator.id);
    if (!reading) continue;
    const seen = byDate.get(entry.date);
    if (!seen || seen.id < entry.id) byDate.set(entry.date, { value: reading.value, id: entry.id });
  }
  const readings = [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, { value }]) => ({ day: dayNumber(date), date, value }));
  const pace = [
    { day: dayNumber(task.startDate), date: task.startDate, value: indicator.baseline },
    { day: dayNumber(task.dueDate), date: task.dueDate, value: indicator.target },
  ];
  return { readings, pace };
}
