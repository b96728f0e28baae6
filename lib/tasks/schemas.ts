import { z } from "zod";
import { TASK_STATUSES } from "@/db/schema/tasks";
import { indicatorCreateSchema } from "@/lib/indicators/schemas";
import { LIGHTS } from "@/lib/progress";
import {
  calendarDateValue,
  countParam,
  flagParam,
  idParam,
  idValue,
  optionalText,
  requiredText,
  versionValue,
  weightValue,
} from "@/lib/validation";

export const TASK_SORTS = ["position", "dueDate", "progress", "title", "status", "light"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/** `GET /api/v1/tasks` and the task list page's URL: every filter is optional. */
export const taskListQuerySchema = z.object({
  planId: idParam.optional(),
  projectId: idParam.optional(),
  /** A unit's tasks: the unit leads them or works with the lead unit. */
  unitId: idParam.optional(),
  ownerId: idParam.optional(),
  status: z.enum(TASK_STATUSES, { error: "validation.invalidChoice" }).optional(),
  light: z.enum(LIGHTS, { error: "validation.invalidChoice" }).optional(),
  /** Tasks the caller works on: owns, or whose lead unit or a co-unit is theirs. */
  mine: flagParam.optional(),
  /** Past due and not completed as of `asOf`. */
  overdue: flagParam.optional(),
  /** 未填报: the latest reporting deadline passed with no entry since (see `reportingWindow`). */
  notReported: flagParam.optional(),
  /** Not completed and due within this many days of `asOf` (0 = due that day). */
  dueWithin: countParam
    .pipe(z.number().max(366, { error: "validation.dueWithinRange" }))
    .optional(),
  q: z.string().trim().max(100, { error: "validation.tooLong" }).optional(),
  asOf: calendarDateValue.optional(),
  sort: z.enum(TASK_SORTS, { error: "validation.invalidChoice" }).optional(),
  order: z.enum(["asc", "desc"], { error: "validation.invalidChoice" }).optional(),
  limit: countParam
    .pipe(
      z
        .number()
        .min(1, { error: "validation.limitRange" })
        .max(200, { error: "validation.limitRange" }),
    )
    .optional()
    .default(50),
  offset: countParam.optional().default(0),
});
export type TaskListQuery = z.output<typeof taskListQuerySchema>;

export const taskAsOfQuerySchema = z.object({ asOf: calendarDateValue.optional() });

const coUnitIds = z
  .array(idValue, { error: "validation.invalidChoice" })
  .max(30, { error: "validation.tooMany" })
  .transform((ids) => [...new Set(ids)]);

const planFields = {
  projectId: idValue,
  title: requiredText(200),
  description: optionalText(5000),
  ownerId: idValue,
  leadUnitId: idValue,
  coUnitIds,
  startDate: calendarDateValue,
  dueDate: calendarDateValue,
  weight: weightValue,
};

const dueNotBeforeStart = (
  value: { startDate?: string; dueDate?: string },
  ctx: z.RefinementCtx,
) => {
  if (value.startDate && value.dueDate && value.dueDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "validation.dueBeforeStart" });
  }
};

const taskFields = {
  ...planFields,
  description: planFields.description.default(""),
  coUnitIds: coUnitIds.default([]),
  weight: weightValue.default(1),
};

export const taskCreateSchema = z
  .strictObject({
    ...taskFields,
    indicators: z.array(indicatorCreateSchema).max(20, { error: "validation.tooMany" }).default([]),
  })
  .superRefine(dueNotBeforeStart);
export type TaskCreateInput = z.output<typeof taskCreateSchema>;

/** Fields a leader or admin may change (the plan). */
export const TASK_PLAN_FIELDS = [
  "projectId",
  "title",
  "description",
  "ownerId",
  "leadUnitId",
  "coUnitIds",
  "startDate",
  "dueDate",
  "weight",
  "position",
  "archived",
] as const;

/** Fields the task's people may change (its status). */
export const TASK_STATUS_FIELDS = ["status", "blockedReason", "completionNote"] as const;

export const taskPatchSchema = z
  .strictObject({
    version: versionValue,
    status: z.enum(TASK_STATUSES, { error: "validation.invalidChoice" }).optional(),
    blockedReason: optionalText(500).optional(),
    completionNote: optionalText(1000).optional(),
    ...z.object(planFields).partial().shape,
    position: z.int({ error: "validation.invalidNumber" }).min(1).optional(),
    archived: z.boolean().optional(),
  })
  .superRefine(dueNotBeforeStart);
export type TaskPatchInput = z.output<typeof taskPatchSchema>;
