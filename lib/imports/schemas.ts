import { z } from "zod";
import { indicatorCreateSchema } from "@/lib/indicators/schemas";
import { planYearValue } from "@/lib/plans/create-schema";
import { planTitleValue } from "@/lib/plans/settings-schema";
import {
  calendarDateValue,
  idValue,
  optionalText,
  requiredText,
  weightValue,
} from "@/lib/validation";
import { MAX_PLAN_TEXT_LENGTH } from "./plan-text";

/** The largest .txt or .docx a preview reads. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

/** Limits of one imported plan: a work-plan document has a handful of themes, dozens of items. */
export const MAX_IMPORT_PROJECTS = 50;
export const MAX_IMPORT_TASKS_PER_PROJECT = 200;
export const MAX_IMPORT_INDICATORS_PER_TASK = 20;

/** The text a preview reads: `section` picks one part of a longer document (e.g. "二"). */
export const planTextPreviewSchema = z.strictObject({
  text: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(MAX_PLAN_TEXT_LENGTH, { error: "validation.planTextTooLong" }),
  section: z.string().trim().max(20, { error: "validation.tooLong" }).optional(),
});
export type PlanTextPreviewInput = z.output<typeof planTextPreviewSchema>;

const importTaskSchema = z.strictObject({
  title: requiredText(200),
  description: optionalText(5000).default(""),
  ownerId: idValue,
  leadUnitId: idValue,
  startDate: calendarDateValue,
  dueDate: calendarDateValue,
  weight: weightValue.default(1),
  indicators: z
    .array(indicatorCreateSchema)
    .max(MAX_IMPORT_INDICATORS_PER_TASK, { error: "validation.tooMany" })
    .default([]),
});

const importProjectSchema = z.strictObject({
  title: requiredText(100),
  description: optionalText(2000).default(""),
  leadLeaderId: idValue.nullable().default(null),
  tasks: z
    .array(importTaskSchema)
    .max(MAX_IMPORT_TASKS_PER_PROJECT, { error: "validation.tooMany" }),
});

const importPlanSchema = z.strictObject({
  year: planYearValue,
  title: planTitleValue.optional(),
  startDate: calendarDateValue.optional(),
  endDate: calendarDateValue.optional(),
});

/** A plan's period: the given dates, else its calendar year. */
export function importPeriod(plan: { year: number; startDate?: string; endDate?: string }) {
  return {
    startDate: plan.startDate || `${plan.year}-01-01`,
    endDate: plan.endDate || `${plan.year}-12-31`,
  };
}

/** The default title of a year's plan. */
export const defaultPlanTitle = (year: number) => `${year}年工作计划`;

type DatedTasks = {
  plan: { year: number; startDate?: string; endDate?: string };
  projects: { tasks: { startDate: string; dueDate: string }[] }[];
};

/** Dates that do not fit: a period ending before it starts, tasks outside the plan's period. */
export function importDateIssues(value: DatedTasks): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const period = importPeriod(value.plan);
  if (period.endDate < period.startDate) {
    issues.push({ path: "plan.endDate", message: "validation.periodOrder" });
    return issues;
  }
  value.projects.forEach((project, i) =>
    project.tasks.forEach((task, j) => {
      const at = `projects.${i}.tasks.${j}`;
      if (task.startDate < period.startDate || task.startDate > period.endDate) {
        issues.push({ path: `${at}.startDate`, message: "validation.outsidePlanPeriod" });
      }
      if (task.dueDate > period.endDate || task.dueDate < period.startDate) {
        issues.push({ path: `${at}.dueDate`, message: "validation.outsidePlanPeriod" });
      } else if (task.dueDate < task.startDate) {
        issues.push({ path: `${at}.dueDate`, message: "validation.dueBeforeStart" });
      }
    }),
  );
  return issues;
}

/** `POST /api/v1/imports/plan-text/commit`: a new plan with its themes, tasks and indicators. */
export const planImportSchema = z
  .strictObject({
    plan: importPlanSchema,
    projects: z
      .array(importProjectSchema)
      .min(1, { error: "validation.importEmpty" })
      .max(MAX_IMPORT_PROJECTS, { error: "validation.tooMany" }),
  })
  .superRefine((value, ctx) => {
    for (const issue of importDateIssues(value)) {
      ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
    }
  });
export type PlanImportInput = z.output<typeof planImportSchema>;
export type PlanImportBody = z.input<typeof planImportSchema>;
