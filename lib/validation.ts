import { z } from "zod";
import { isCalendarDate } from "@/lib/dates/calendar";

// Messages here are keys of the `validation` messages, shown in the caller's language by the API
// and by the forms that share these schemas.

/** A database id in a URL: decimal digits only (no signs, spaces, exponents or hex), a safe integer. */
export const idParam = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, { error: "validation.invalidId" })
  .transform(Number)
  .refine(Number.isSafeInteger, { error: "validation.invalidId" });

/** A database id in a JSON body. */
export const idValue = z
  .int({ error: "validation.invalidId" })
  .positive({ error: "validation.invalidId" })
  .max(Number.MAX_SAFE_INTEGER, { error: "validation.invalidId" });

/** A `YYYY-MM-DD` calendar date that exists. */
export const calendarDateValue = z
  .string({ error: "validation.invalidDate" })
  .refine(isCalendarDate, { error: "validation.invalidDate" });

/** A required line of text: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });

/** Optional longer text: trimmed, at most `max` characters, empty when absent. */
export const optionalText = (max: number) =>
  z.string().trim().max(max, { error: "validation.tooLong" });

/** A `version` the client last read: a stale one gets a 409. */
export const versionValue = z.int({ error: "validation.version" }).positive({
  error: "validation.version",
});

/** A relative weight for weighted means. */
export const weightValue = z
  .number({ error: "validation.invalidNumber" })
  .gt(0, { error: "validation.weightRange" })
  .max(100, { error: "validation.weightRange" });

/** A whole number in a query string: decimal digits only (no `1e3`, `0x10` or spaces). */
export const countParam = z
  .string()
  .regex(/^[0-9]{1,9}$/, { error: "validation.invalidNumber" })
  .transform(Number);

/** `1`/`true` or `0`/`false` in a query string. */
export const flagParam = z
  .enum(["1", "0", "true", "false"])
  .transform((value) => value === "1" || value === "true");
