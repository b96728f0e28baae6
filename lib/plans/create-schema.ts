import { z } from "zod";
import { calendarDateValue } from "@/lib/validation";
import { gapValue, planTitleValue, reportingDayValue, timeZoneValue } from "./settings-schema";

/** The year a plan is for; one plan per year. */
export const planYearValue = z
  .int({ error: "validation.yearRange" })
  .min(2000, { error: "validation.yearRange" })
  .max(2999, { error: "validation.yearRange" });

/**
 * `POST /api/v1/plans`: a new year's plan. What is left out comes from the current plan (its
 * title with the year replaced, its time zone, reporting day and thresholds) and the year itself
 * (1 January – 31 December).
 */
export const planCreateSchema = z.strictObject({
  year: planYearValue,
  title: planTitleValue.optional(),
  startDate: calendarDateValue.optional(),
  endDate: calendarDateValue.optional(),
  timeZone: timeZoneValue.optional(),
  reportingDay: reportingDayValue.optional(),
  greenMaxGap: gapValue.optional(),
  yellowMaxGap: gapValue.optional(),
});
export type PlanCreateInput = z.output<typeof planCreateSchema>;

/** `POST /api/v1/plans/:id/copy`: the year of the new plan (and its title, if not derived). */
export const planCopySchema = z.strictObject({
  year: planYearValue,
  title: planTitleValue.optional(),
});
export type PlanCopyInput = z.output<typeof planCopySchema>;
