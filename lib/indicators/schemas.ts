import { z } from "zod";
import { DIRECTIONS } from "@/db/schema/indicators";
import { decimalsOf, MAX_FIGURE } from "@/lib/numbers";
import { countParam, requiredText, versionValue, weightValue } from "@/lib/validation";

export { MAX_FIGURE };

const figure = z
  .number({ error: "validation.invalidNumber" })
  .min(-MAX_FIGURE, { error: "validation.numberRange" })
  .max(MAX_FIGURE, { error: "validation.numberRange" });

const indicatorFields = {
  name: requiredText(100),
  unit: requiredText(20),
  baseline: figure,
  target: figure,
  direction: z.enum(DIRECTIONS, { error: "validation.invalidChoice" }),
  decimals: z
    .int({ error: "validation.invalidNumber" })
    .min(0, { error: "validation.decimalsRange" })
    .max(4, { error: "validation.decimalsRange" }),
  weight: weightValue,
};

type IndicatorShape = {
  baseline: number;
  target: number;
  direction: (typeof DIRECTIONS)[number];
  decimals: number;
};

/**
 * The rules that tie an indicator's fields together: the target lies in the indicator's direction
 * from the baseline, and neither figure has more decimals than the unit keeps.
 */
export function indicatorIssues(value: IndicatorShape): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const ahead =
    value.direction === "increase" ? value.target > value.baseline : value.target < value.baseline;
  if (!ahead) issues.push({ field: "target", message: "validation.targetDirection" });
  for (const field of ["baseline", "target"] as const) {
    if (decimalsOf(value[field]) > value.decimals) {
      issues.push({ field, message: "validation.tooManyDecimals" });
    }
  }
  return issues;
}

const checkIndicator = (value: IndicatorShape, ctx: z.RefinementCtx) => {
  for (const issue of indicatorIssues(value)) {
    ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
  }
};

export const indicatorCreateSchema = z
  .strictObject({
    ...indicatorFields,
    baseline: figure.default(0),
    direction: indicatorFields.direction.default("increase"),
    decimals: indicatorFields.decimals.default(0),
    weight: weightValue.default(1),
  })
  .superRefine(checkIndicator);
export type IndicatorCreateInput = z.output<typeof indicatorCreateSchema>;

/** A partial edit; the merged result is checked again by the domain function. */
export const indicatorPatchSchema = z.strictObject({
  version: versionValue,
  ...z.object(indicatorFields).partial().shape,
  position: z.int({ error: "validation.invalidNumber" }).min(1).optional(),
});
export type IndicatorPatchInput = z.output<typeof indicatorPatchSchema>;

export const indicatorDeleteSchema = z.object({
  version: countParam.pipe(versionValue),
});
