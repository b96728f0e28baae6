import { z } from "zod";
import { UNIT_TYPES } from "@/db/schema/units";
import { flagParam, requiredText } from "@/lib/validation";

/** The longest unit name (单位名称) accepted. */
export const MAX_UNIT_NAME = 50;

const unitName = requiredText(MAX_UNIT_NAME);
const unitType = z.enum(UNIT_TYPES, { error: "validation.invalidChoice" });

/** `GET /api/v1/units`: archived units are left out unless asked for. */
export const unitListQuerySchema = z.object({ includeArchived: flagParam.optional() });
export type UnitListQuery = z.output<typeof unitListQuerySchema>;

/** `POST /api/v1/units`: a new unit goes at the end of the list. */
export const unitCreateSchema = z.strictObject({ name: unitName, type: unitType });
export type UnitCreateInput = z.output<typeof unitCreateSchema>;

/** `PATCH /api/v1/units/:id`: rename, retype, archive (`true`) or restore (`false`). */
export const unitPatchSchema = z.strictObject({
  name: unitName.optional(),
  type: unitType.optional(),
  archived: z.boolean().optional(),
});
export type UnitPatchInput = z.output<typeof unitPatchSchema>;
