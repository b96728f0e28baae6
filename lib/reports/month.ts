/**
 * Report months (`YYYY-MM`) as calendar months in the office's time zone: a month runs from its
 * first calendar date to its last, both inclusive, and never through UTC midnights.
 */

import { monthEnd as endOfMonthStarting, monthStarts } from "@/lib/dashboard/months";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month a calendar date falls in. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The month's first calendar date. */
export const monthStart = (month: string): string => `${month}-01`;

/** The month's last calendar date (28–31). */
export const monthEnd = (month: string): string => endOfMonthStarting(monthStart(month));

/** "2023年11月". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${y}年${m}月`;
}

/** Every month that overlaps `[startDate, endDate]`, in order. */
export const monthsBetween = (startDate: string, endDate: string): string[] =>
  monthStarts(startDate, endDate).map(monthOf);

/**
 * The date a month's report is as of: its last day, or the plan's end if that comes first, or
 * today while the month is still under way, its last day included (`complete` false: it cannot be
 * published until the day after, when nothing more can be dated in it by accident).
 */
export function reportAsOf(
  month: string,
  plan: { endDate: string },
  today: string,
): { asOf: string; complete: boolean } {
  const last = monthEnd(month) < plan.endDate ? monthEnd(month) : plan.endDate;
  return today > last ? { asOf: last, complete: true } : { asOf: today, complete: false };
}
