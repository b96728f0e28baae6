/**
 * The plan-text import part of the OpenAPI document (#7): 导入工作计划 — a preview of what the
 * importer finds in a work plan's text or .txt/.docx file, and the commit of the edited preview as
 * a new plan. Merged into `openApiDocument` by lib/api/openapi.ts; built the same way: request
 * schemas from the handlers' zod schemas, response schemas typed against the lib functions' return
 * types. (The Excel import documents itself in openapi-imports-xlsx.ts.)
 */
import type { PlanImportResult } from "@/lib/imports/commit-plan";
import { DOCX_CONTENT_TYPE } from "./content-types";
import { DIRECTIONS } from "@/db/schema/indicators";
import { MAX_PLAN_TEXT_LENGTH, WARNINGS } from "@/lib/imports/plan-text";
import type {
  PlanTextPreview,
  PreviewIndicator,
  PreviewProject,
  PreviewTask,
  PreviewWarning,
} from "@/lib/imports/preview";
import {
  MAX_PLAN_FILE_BYTES,
  planImportSchema,
  planTextPreviewSchema,
} from "@/lib/imports/schemas";
import {
  fromZod,
  id,
  nullable,
  object,
  operation,
  ref,
  text,
  type Json,
  type PathItem,
} from "./openapi-helpers";

export const IMPORTS_TAGS = ["Imports"] as const;

const count: Json = { type: "integer", minimum: 0 };
const megabytes = MAX_PLAN_FILE_BYTES / (1024 * 1024);

export const importsSchemas = (): Record<string, Json> => ({
  // Requests: the handlers' own schemas.
  PlanTextPreviewRequest: {
    ...fromZod(planTextPreviewSchema),
    description:
      `The work plan's text (at most ${MAX_PLAN_TEXT_LENGTH} characters). \`section\` picks one ` +
      'part of a longer document by its heading number (e.g. "二").',
  },
  PlanTextPreviewForm: {
    type: "object",
    required: ["file"],
    properties: {
      file: {
        type: "string",
        contentMediaType: "application/octet-stream",
        description:
          `A .docx (told by its content: a zip) or a .txt in UTF-8, UTF-16 with a BOM, or ` +
          `GB18030/GBK; at most ${megabytes} MB. Anything else (a .doc, a PDF, a picture) is a ` +
          "415; a zip that is no Word document is a 400 naming `file`.",
      },
      section: { ...text, maxLength: 20, description: "As in the JSON body." },
    },
    description: "The work plan as a file.",
  },
  PlanImport: {
    ...fromZod(planImportSchema),
    description:
      "The edited preview. The plan's period defaults to its calendar year and its title to the " +
      "current plan's with the year replaced; its settings come from the current plan. Every " +
      "task lies inside the period; indicators follow the indicator rules (target in the " +
      "direction from the baseline, no more decimals than `decimals`). A bad field is a 400 " +
      "naming it by path, e.g. `projects.2.tasks.0.ownerId` (an owner who is not active), " +
      "`projects.0.tasks.1.leadUnitId` (an archived unit), `projects.1.leadLeaderId` (not a " +
      "leader), `plan.year` (a year that has a plan).",
  },

  // Responses.
  PlanTextPreview: object<PlanTextPreview>(
    {
      projects: { type: "array", items: ref("PreviewProject") },
      warnings: {
        type: "array",
        items: ref("PreviewWarning"),
        description: "What the importer was unsure of or left out, for the admin to check.",
      },
    },
    "What the importer proposes; nothing was written.",
  ),
  PreviewWarning: object<PreviewWarning>(
    {
      key: {
        type: "string",
        enum: Object.keys(WARNINGS),
        description:
          "The message key under `planImport.warnings` in the app's message files: `empty`, " +
          "`truncated` (max), `noHeadings`, `sectionNotFound` (section), `planSection` " +
          "(heading), `themeWithoutTasks` (title), `themesDropped` / `tasksDropped` / " +
          "`indicatorsDropped` (kept, dropped; title), `needsBaseline` (name: a decreasing " +
          "indicator whose baseline the text does not say), `reduction` (name, target, unit: an " +
          "amount reduced, counted upwards from 0).",
      },
      values: {
        type: "object",
        additionalProperties: { type: ["string", "number"] },
        description: "The values the message names (empty when it names none).",
      },
    },
    "A note for the admin, as a message key and its values (the client translates it).",
  ),
  PreviewProject: object<PreviewProject>(
    {
      title: { ...text, description: "The theme (工作板块), from its heading." },
      text: { ...text, description: "The theme's paragraph." },
      tasks: { type: "array", items: ref("PreviewTask") },
    },
    "A proposed theme.",
  ),
  PreviewTask: object<PreviewTask>(
    {
      title: text,
      text: { ...text, description: "The words of the document the task was made of." },
      indicators: { type: "array", items: ref("PreviewIndicator") },
    },
    "A proposed task (one work item).",
  ),
  PreviewIndicator: object<PreviewIndicator>(
    {
      name: text,
      target: { type: "number" },
      unit: { ...text, description: "The unit of measure, e.g. 个, 户 or 万元." },
      baseline: nullable({
        type: "number",
        description: "A starting value, when the text says one.",
      }),
      direction: {
        type: "string",
        enum: [...DIRECTIONS],
        description:
          "`decrease` when the target lies below the baseline (从58处降至20处) or is a level to " +
          "stay under (控制在3%以内; then the baseline is null and must be entered).",
      },
      source: { ...text, description: "The words the figure was read from." },
    },
    "A proposed indicator: a number with a unit, or a count of named places.",
  ),
  PlanImportResult: object<PlanImportResult>(
    {
      planId: { ...id, description: "The new plan (not the current one)." },
      projects: { ...count, description: "Themes written." },
      tasks: { ...count, description: "Tasks written." },
      indicators: { ...count, description: "Indicators written." },
    },
    "The new plan and how much was written.",
  ),
});

export const importsPaths = (): Record<string, PathItem> => ({
  "/imports/plan-text/preview": {
    post: operation({
      id: "previewPlanText",
      tag: "Imports",
      summary: "What the importer finds in a work plan (admins; no write)",
      description:
        "Finds the themes (headings such as “1.讲政治，…”, “（一）…”, “一、…”), splits each " +
        "theme's paragraph into tasks, and proposes indicators from numbers with units and from " +
        "lists of named places. Send JSON `{ text }`, or multipart with the document in `file`.",
      body: "PlanTextPreviewRequest",
      form: {
        schema: "PlanTextPreviewForm",
        encoding: {
          file: {
            contentType: `text/plain, ${DOCX_CONTENT_TYPE}`,
          },
        },
      },
      ok: { status: 200, description: "The proposal.", schema: "PlanTextPreview" },
      errors: [400, 403, 413, 415],
    }),
  },
  "/imports/plan-text/commit": {
    post: operation({
      id: "commitPlanText",
      tag: "Imports",
      summary: "Write an edited preview as a new plan (admins): all of it, or none",
      description:
        "Everything is checked first; any bad field refuses the whole import and nothing is " +
        "written. Otherwise the plan, its themes, tasks and indicators are written in one " +
        "transaction, each with its audit row. The new plan does not become the current one.",
      body: "PlanImport",
      ok: { status: 201, description: "The new plan.", schema: "PlanImportResult" },
      errors: [400, 403, 413],
    }),
  },
});
