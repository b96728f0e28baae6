import { z } from "zod";
import { idParam, idValue, optionalText, requiredText } from "@/lib/validation";
import { isMonth } from "./month";

export const REPORT_FORMATS = ["json", "xlsx", "docx", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MAX_NARRATIVE_LENGTH = 2000;
export const MAX_REOPEN_REASON_LENGTH = 500;

/** A report month, `YYYY-MM`. */
export const monthValue = z
  .string({ error: "validation.invalidMonth" })
  .refine(isMonth, { error: "validation.invalidMonth" });

/** `GET /api/v1/reports/monthly` and the report pages' URL. */
export const reportQuerySchema = z.object({
  planId: idParam.optional(),
  month: monthValue.optional(),
  projectId: idParam.optional(),
  unitId: idParam.optional(),
  format: z.enum(REPORT_FORMATS, { error: "validation.invalidFormat" }).default("json"),
});
export type ReportQuery = z.output<typeof reportQuerySchema>;

/** `POST /api/v1/reports/monthly/publish`: the narrative as the leader edited it, or the generated one. */
export const publishSchema = z.strictObject({
  planId: idValue,
  month: monthValue,
  narrative: optionalText(MAX_NARRATIVE_LENGTH).optional(),
});
export type PublishInput = z.output<typeof publishSchema>;

/** `POST /api/v1/reports/monthly/reopen`. */
export const reopenSchema = z.strictObject({
  planId: idValue,
  month: monthValue,
  reason: requiredText(MAX_REOPEN_REASON_LENGTH),
});
export type ReopenInput = z.output<typeof reopenSchema>;
