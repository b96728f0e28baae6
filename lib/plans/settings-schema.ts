import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates/calendar";
import { calendarDateValue, requiredText, versionValue } from "@/lib/validation";

const gap = z
  .number({ error: "validation.invalidNumber" })
  .min(0, { error: "validation.gapRange" })
  .max(100, { error: "validation.gapRange" });

/** A plan's title, e.g. 白杨街道2024年工作计划. */
export const planTitleValue = requiredText(100);

/** An IANA time zone the runtime knows, e.g. Asia/Shanghai (the office's calendar is there). */
export const timeZoneValue = z
  .string({ error: "validation.timeZone" })
  .trim()
  .min(1, { error: "validation.timeZone" })
  .max(64, { error: "validation.timeZone" })
  // An IANA name (Area/Location, or UTC): offsets like "+08:00" are not a place's calendar.
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, { error: "validation.timeZone" })
  .refine(isValidTimeZone, { error: "validation.timeZone" })
  // Spelled as the runtime spells it ("asia/shanghai" → "Asia/Shanghai"), so equal zones compare equal.
  .transform(
    (zone) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone,
  );

/** The day of the month by which each task needs its month's entry. */
export const reportingDayValue = z
  .int({ error: "validation.reportingDayRange" })
  .min(1, { error: "validation.reportingDayRange" })
  .max(28, { error: "validation.reportingDayRange" });

export const gapValue = gap;

/**
 * `PATCH /api/v1/plans/:id`: the plan's title and period, its time zone, and the settings the pace
 * rules use. How the fields fit together (start ≤ end, green ≤ yellow, tasks inside the period)
 * is checked by `updatePlanSettings` against the plan as it is.
 */
export const planSettingsSchema = z
  .object({
    version: versionValue,
    title: planTitleValue.optional(),
    startDate: calendarDateValue.optional(),
    endDate: calendarDateValue.optional(),
    timeZone: timeZoneValue.optional(),
    reportingDay: reportingDayValue.optional(),
    greenMaxGap: gap.optional(),
    yellowMaxGap: gap.optional(),
  })
  .strict();
export type PlanSettingsInput = z.output<typeof planSettingsSchema>;
