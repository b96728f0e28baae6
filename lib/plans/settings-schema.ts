import { z } from "zod";
import { versionValue } from "@/lib/validation";

const gap = z
  .number({ error: "validation.invalidNumber" })
  .min(0, { error: "validation.gapRange" })
  .max(100, { error: "validation.gapRange" });

/** `PATCH /api/v1/plans/:id`: the settings the pace rules use. */
export const planSettingsSchema = z
  .object({
    version: versionValue,
    reportingDay: z
      .int({ error: "validation.reportingDayRange" })
      .min(1, { error: "validation.reportingDayRange" })
      .max(28, { error: "validation.reportingDayRange" })
      .optional(),
    greenMaxGap: gap.optional(),
    yellowMaxGap: gap.optional(),
  })
  .strict();
export type PlanSettingsInput = z.output<typeof planSettingsSchema>;
