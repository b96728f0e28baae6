import { z } from "zod";
import { TASK_STATUSES } from "@/db/schema/tasks";
import {
  calendarDateValue,
  countParam,
  idValue,
  optionalText,
  requiredText,
  versionValue,
} from "@/lib/validation";
import { MAX_NOTE_LENGTH } from "./rules";

const number = z.number({ error: "validation.invalidNumber" });

/** One cumulative reading; whether the value suits its indicator is checked against the indicator. */
const reading = z.strictObject({ indicatorId: idValue, value: number });

const readings = z
  .array(reading, { error: "validation.invalidChoice" })
  .max(50, { error: "validation.tooMany" })
  .superRefine((list, ctx) => {
    const seen = new Set<number>();
    list.forEach((r, index) => {
      if (seen.has(r.indicatorId)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "indicatorId"],
          message: "validation.duplicateReading",
        });
      }
      seen.add(r.indicatorId);
    });
  });

const entryFields = {
  date: calendarDateValue,
  /** What was done (工作进展). */
  note: requiredText(MAX_NOTE_LENGTH),
  problems: optionalText(MAX_NOTE_LENGTH),
  nextSteps: optionalText(MAX_NOTE_LENGTH),
  /** Percent done, for a task without indicators; null clears it on an edit. */
  percent: number.nullable(),
  readings,
};

/** `POST /api/v1/tasks/:id/entries`. */
export const entryCreateSchema = z.strictObject({
  ...entryFields,
  problems: entryFields.problems.default(""),
  nextSteps: entryFields.nextSteps.default(""),
  percent: entryFields.percent.optional(),
  readings: readings.default([]),
  /** A status change made with the entry (e.g. completed). */
  status: z.enum(TASK_STATUSES, { error: "validation.invalidChoice" }).optional(),
  /** The task's version the reporter saw: when given, a status change on a changed task is a 409. */
  taskVersion: versionValue.optional(),
});
export type EntryCreateInput = z.output<typeof entryCreateSchema>;

/** `PATCH /api/v1/entries/:id`: the fields given replace the entry's; `readings` replaces them all. */
export const entryPatchSchema = z.strictObject({
  version: versionValue,
  ...z.object(entryFields).partial().shape,
});
export type EntryPatchInput = z.output<typeof entryPatchSchema>;

/** `DELETE /api/v1/entries/:id?version=` (withdraw). */
export const entryWithdrawSchema = z.object({ version: countParam.pipe(versionValue) });
