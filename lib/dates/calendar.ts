/**
 * Calendar dates (`YYYY-MM-DD`) in the office's time zone. A calendar date is a day on the office
 * wall calendar, not an instant: arithmetic on them never goes through local or UTC midnights.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Day number since 1970-01-01 of a calendar date (UTC is used only as a fixed counting frame). */
export function dayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date in `timeZone` at the instant `now`. */
export function calendarDateIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds `timeZone` is ahead of UTC at the instant `at`. */
function zoneOffset(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar date begins in `timeZone` (its first moment on the office's clock). */
export function startOfDay(date: string, timeZone: string): Date {
  const wall = dayNumber(date) * 86_400_000;
  // Two passes settle the offset across a daylight-saving change on that day.
  let at = wall - zoneOffset(timeZone, wall);
  at = wall - zoneOffset(timeZone, at);
  // Where the clocks skip midnight, the day begins at the change: the offset from just before it.
  if (calendarDateIn(timeZone, new Date(at)) < date) at = wall - zoneOffset(timeZone, at - 1);
  return new Date(at);
}
