import { z } from "zod";
import { idValue, optionalText, requiredText, versionValue } from "@/lib/validation";

export const projectCreateSchema = z.strictObject({
  planId: idValue.optional(),
  title: requiredText(100),
  description: optionalText(2000).default(""),
  leadLeaderId: idValue.nullable().default(null),
});
export type ProjectCreateInput = z.output<typeof projectCreateSchema>;

export const projectPatchSchema = z.strictObject({
  version: versionValue,
  title: requiredText(100).optional(),
  description: optionalText(2000).optional(),
  leadLeaderId: idValue.nullable().optional(),
  position: z.int({ error: "validation.invalidNumber" }).min(1).optional(),
  archived: z.boolean().optional(),
});
export type ProjectPatchInput = z.output<typeof projectPatchSchema>;
