/**
 * The rules of a progress entry that need no database: which dates it may have, which readings
 * are sane for their indicator, and which readings the form asks the reporter to confirm. Shared
 * by the server, which enforces them, and the form, which says so before anything is sent.
 */
import type { Direction } from "@/db/schema/indicators";
import { decimalsOf, MAX_FIGURE } from "@/lib/numbers";

/** The most evidence files one entry may carry, and the largest one. */
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_NOTE_LENGTH = 5000;

export interface ReadingIndicator {
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
  decimals: number;
}

/** The first and last day an entry may be dated: from the plan's start to today, within the plan. */
export function entryDateRange(
  plan: { startDate: string; endDate: string },
  today: string,
): { min: string; max: string } {
  return { min: plan.startDate, max: today < plan.endDate ? today : plan.endDate };
}

/** Why a date cannot be an entry's date (a `validation` message key), or null. */
export function entryDateIssue(
  date: string,
  plan: { startDate: string; endDate: string },
  today: string,
): string | null {
  if (date > today) return "validation.entryDateFuture";
  if (date < plan.startDate) return "validation.entryDateBeforePlan";
  if (date > plan.endDate) return "validation.entryDateAfterPlan";
  return null;
}

/** Units of rates, which may be negative (a fall) and are bounded in size. */
const RATE_UNITS = new Set(["%", "％", "‰", "百分点"]);
const MAX_RATE = 1000;

/**
 * Why a value cannot be a reading of an indicator (a `validation` message key), or null: it must be
 * a finite number in range, with no more decimals than the indicator keeps, and not negative unless
 * the indicator is a rate or is itself measured below zero.
 */
export function readingIssue(indicator: ReadingIndicator, value: number): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "validation.invalidNumber";
  if (Math.abs(value) > MAX_FIGURE) return "validation.numberRange";
  const rate = RATE_UNITS.has(indicator.unit.trim());
  if (rate && Math.abs(value) > MAX_RATE) return "validation.rateRange";
  if (value < 0 && !rate && indicator.baseline >= 0 && indicator.target >= 0) {
    return "validation.negativeReading";
  }
  if (decimalsOf(value) > indicator.decimals) return "validation.tooManyDecimals";
  return null;
}

/** Why a percent cannot be a task's reported percent, or null: 0–100 with at most one decimal. */
export function percentIssue(value: number): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "validation.invalidNumber";
  if (value < 0 || value > 100) return "validation.percentRange";
  if (decimalsOf(value) > 1) return "validation.tooManyDecimals";
  return null;
}

export type ReadingWarning = "goesBack" | "pastTarget";

/**
 * What the reporter is asked to confirm about a cumulative reading: that it moves against the
 * indicator's direction since the previous reading, or that it has just gone past the target.
 */
export function readingWarnings(
  indicator: Pick<ReadingIndicator, "target" | "direction">,
  previous: number | null,
  value: number,
): ReadingWarning[] {
  const up = indicator.direction === "increase";
  const beyond = (v: number) => (up ? v > indicator.target : v < indicator.target);
  const warnings: ReadingWarning[] = [];
  if (previous !== null && (up ? value < previous : value > previous)) warnings.push("goesBack");
  if (beyond(value) && (previous === null || !beyond(previous))) warnings.push("pastTarget");
  return warnings;
}
