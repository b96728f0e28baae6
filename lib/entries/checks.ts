import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { indicators } from "@/db/schema";
import type { Reader } from "@/db/transaction";
import type { FieldErrors } from "@/lib/errors";
import type { Plan } from "@/lib/plans/queries";
import { assertDateOpen, isDateFrozen } from "@/lib/reports/frozen";
import type { EntryLock } from "./queries";
import { entryDateIssue, percentIssue, readingIssue } from "./rules";

/** A task's indicators that take readings (not archived), by id. */
export function liveIndicators(tx: Reader, taskId: number) {
  return new Map(
    tx
      .select({
        id: indicators.id,
        unit: indicators.measureUnit,
        baseline: indicators.baseline,
        target: indicators.target,
        direction: indicators.direction,
        decimals: indicators.decimals,
      })
      .from(indicators)
      .where(and(eq(indicators.taskId, taskId), isNull(indicators.archivedAt)))
      .all()
      .map((indicator) => [indicator.id, indicator]),
  );
}

/** Why an entry cannot be changed any more, or null. */
export function entryLock(
  tx: Reader,
  entry: { planId: number; withdrawn: boolean; reviewStatus: string; fields: { date: string } },
): EntryLock | null {
  if (entry.withdrawn) return "withdrawn";
  // A returned entry is open again: its author fixes it and resubmits it.
  if (entry.reviewStatus === "approved") return "reviewed";
  if (isDateFrozen(tx, entry.planId, entry.fields.date)) return "published";
  return null;
}

/**
 * Refuses a date in a published month, or before one, with 409 `month_published`: the whole entry
 * is refused, not a field. A date the rules refuse anyway is left to `entryContentErrors`.
 */
export function assertEntryDateOpen(
  tx: Reader,
  task: { planId: number },
  plan: Plan,
  today: string,
  date: string,
): void {
  if (!entryDateIssue(date, plan, today)) assertDateOpen(tx, task.planId, date);
}

/**
 * Field errors of an entry's content against its task: the date within the rules, a percent only for a task without indicators, and each reading for a live indicator
 * of the task with a value that suits it.
 */
export function entryContentErrors(
  tx: Reader,
  task: { id: number; planId: number },
  plan: Plan,
  today: string,
  content: {
    date: string;
    percent?: number | null;
    readings: readonly { indicatorId: number; value: number }[];
  },
): FieldErrors {
  const errors: FieldErrors = {};
  const dateIssue = entryDateIssue(content.date, plan, today);
  if (dateIssue) errors.date = dateIssue;

  const live = liveIndicators(tx, task.id);
  if (content.percent !== undefined && content.percent !== null) {
    const issue =
      live.size > 0 ? "validation.percentWithIndicators" : percentIssue(content.percent);
    if (issue) errors.percent = issue;
  }
  content.readings.forEach((reading, index) => {
    const indicator = live.get(reading.indicatorId);
    if (!indicator) {
      errors[`readings.${index}.indicatorId`] = "validation.unknownIndicator";
      return;
    }
    const issue = readingIssue(indicator, reading.value);
    if (issue) errors[`readings.${index}.value`] = issue;
  });
  return errors;
}
