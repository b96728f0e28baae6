/**
 * Calendar arithmetic the dashboard needs for its month-by-month figures (the trend and on-time
 * reporting). Pure: dates are `YYYY-MM-DD` calendar dates, never instants.
 */
import { dayNumber } from "@/lib/dates/calendar";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The calendar date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  // UTC is only a counting frame here, as in `dayNumber`.
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of every month from `from`'s month to `to`'s month, inclusive (none if `to` is earlier). */
export function monthStarts(from: string, to: string): string[] {
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  const starts: string[] = [];
  for (;;) {
    const key = `${pad(year, 4)}-${pad(month)}`;
    if (key > last) return starts;
    starts.push(`${key}-01`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The last day of the month that starts on `monthStart`. */
export function monthEnd(monthStart: string): string {
  return addDays(addDays(monthStart, 31).slice(0, 8) + "01", -1);
}

/**
 * The trend's dates: each month end from the plan's start month to `asOf`'s month, the last one
 * being `asOf` itself; never a day before the plan starts.
 */
export function trendDates(planStart: string, asOf: string): string[] {
  return monthStarts(planStart, asOf)
    .map((start) => {
      const end = monthEnd(start);
      return end < asOf ? end : asOf;
    })
    .filter((date) => date >= planStart);
}

/**
 * The months whose reporting deadline (the plan's reporting day of that month) has come by
 * `asOf`, from the plan's start month on: each with its first day and its deadline.
 */
export function reportingMonths(
  planStart: string,
  asOf: string,
  reportingDay: number,
): { monthStart: string; deadline: string }[] {
  return monthStarts(planStart, asOf)
    .map((monthStart) => ({ monthStart, deadline: monthStart.slice(0, 8) + pad(reportingDay) }))
    .filter(({ deadline }) => deadline <= asOf);
}
