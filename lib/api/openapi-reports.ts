/**
 * The monthly report's part of the OpenAPI document (#6, 月报): a plan's month as JSON or as a
 * file (.xlsx / .docx / .csv), publishing it (定稿, leaders) and reopening it (admins). Merged into
 * `openApiDocument` by lib/api/openapi.ts, with the `MonthPublished` 409 that entries answer once
 * their month is published. Request schemas are the handlers' zod schemas; responses are typed
 * against lib/reports/types.ts.
 */
import { REPORT_CONTENT_TYPES } from "@/lib/reports/content-types";
import { LIGHTS, type Light } from "@/lib/progress";
import { publishSchema, reopenSchema, reportQuerySchema } from "@/lib/reports/schemas";
import type {
  MonthlyReport,
  NotReportedOwner,
  ReportFilters,
  ReportIndicator,
  ReportProject,
  ReportRow,
  ReportSummary,
} from "@/lib/reports/types";
import {
  date,
  dateTime,
  fraction,
  fromZod,
  id,
  object,
  operation,
  queryParameters,
  ref,
  text,
  type Json,
  type PathItem,
} from "./openapi-helpers";

export const REPORTS_TAGS = ["Reports"] as const;

const count: Json = { type: "integer", minimum: 0 };
const month: Json = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" };
const percentOf = (what: string): Json => ({ ...fraction, description: `${what}, 0–1.` });

const monthlyReport = (): Json => {
  const schema = object<MonthlyReport>(
    {
      planId: id,
      planTitle: text,
      timeZone: {
        ...text,
        description:
          "The office's time zone: times (such as `published.at`) are shown on its clock.",
      },
      month: { ...month, description: "The report's month, `YYYY-MM`." },
      asOf: {
        ...date,
        description:
          "The date every figure is as of: the month's last day (or the plan's end, if earlier); " +
          "today while the month is still under way.",
      },
      complete: {
        type: "boolean",
        description: "False while the month is under way (as of today): it cannot be published.",
      },
      title: {
        ...text,
        description:
          "The documents' title and file name: the office (the plan's title before its year) " +
          "and the month, e.g. 白杨街道2023年11月重点工作推进情况.",
      },
      filters: ref("ReportFilters"),
      summary: ref("ReportSummary"),
      narrative: {
        ...text,
        description:
          "The opening paragraph (截至…共有重点任务N项…), made from the figures; a published " +
          "report's as its leader edited it (made again for a filtered view).",
      },
      projects: {
        type: "array",
        items: ref("ReportProject"),
        description: "The plan's live projects in order (those with rows, when filtered by unit).",
      },
      rows: {
        type: "array",
        items: ref("ReportRow"),
        description: "One per live task in scope, grouped by project in the plan's order.",
      },
      notReported: {
        type: "array",
        items: ref("NotReportedOwner"),
        description: "Who has not reported this month (未填报), by unit, then owner.",
      },
      published: {
        ...object<NonNullable<MonthlyReport["published"]>>({
          at: dateTime,
          byId: id,
          byName: text,
        }),
        description: "Present once the month is published (定稿): when and by whom.",
      },
    },
    "月报: a plan's month as of its last day, filtered by project and unit. A published month " +
      "is served from its stored snapshot, unchanged by anything recorded later.",
  ) as { required: string[] };
  // `published` is there only for a published month.
  return { ...schema, required: schema.required.filter((key) => key !== "published") };
};

/** A 409 error body of a fixed code and `reason`, with the given `fields` and extra properties. */
const conflictBody = (
  code: string,
  reason: string,
  fields: Json,
  extra: Record<string, Json> = {},
): Json => ({
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "reason", "fields", ...Object.keys(extra)],
      properties: {
        code: { const: code },
        message: { ...text, description: "In the caller's language." },
        reason: { const: reason },
        ...extra,
        fields,
      },
    },
  },
});

export const reportsSchemas = (): Record<string, Json> => ({
  // Requests: the handlers' own schemas.
  ReportPublish: {
    ...fromZod(publishSchema),
    description:
      "The month to publish (定稿); `narrative`, the opening paragraph as the leader edited it " +
      "(left out or blank: the generated one).",
  },
  ReportReopen: {
    ...fromZod(reopenSchema),
    description: "The published month to reopen, and why (kept in the audit log).",
  },

  // Responses.
  MonthlyReport: monthlyReport(),
  ReportFilters: {
    type: "object",
    description: "The filters applied (none: the whole plan).",
    properties: {
      projectId: id,
      projectTitle: { type: "string", description: "The filtered project's title." },
      unitId: id,
      unitName: { type: "string", description: "The filtered unit's name (leads or co-works)." },
    } satisfies { [K in keyof Required<ReportFilters>]: Json },
    additionalProperties: false,
  },
  ReportSummary: object<ReportSummary>(
    {
      taskCount: { ...count, description: "Tasks in the report." },
      completed: { ...count, description: "已完成." },
      onPace: { ...count, description: "序时推进: open, with some progress and a green light." },
      behind: {
        ...count,
        description: "滞后: open, with some progress and a yellow or red light.",
      },
      notStarted: { ...count, description: "尚未启动: open, with no progress at `asOf`." },
      overdue: { ...count, description: "Past due and not completed at `asOf`." },
      notReported: { ...count, description: "Tasks with no entry in the month (未填报)." },
      progress: percentOf("Weighted mean of the tasks' progress"),
      timeProgress: percentOf("Weighted mean of the tasks' time progress"),
      lights: object<Record<Light, number>>(
        Object.fromEntries(LIGHTS.map((light) => [light, count])) as Record<Light, Json>,
        "Tasks by pace light (blue: completed).",
      ),
    },
    "The report's figures over its rows: each task is completed, on pace, behind or not started.",
  ),
  ReportProject: object<ReportProject>({
    id,
    title: text,
    taskCount: { ...count, description: "Its rows." },
    progress: percentOf("Weighted mean of its rows' progress"),
    timeProgress: percentOf("Weighted mean of its rows' time progress"),
  }),
  ReportIndicator: object<ReportIndicator>(
    {
      name: text,
      unit: { ...text, description: "The unit of measure, e.g. 户 or 万元." },
      decimals: { type: "integer", minimum: 0, maximum: 4 },
      target: { type: "number" },
      current: {
        type: ["number", "null"],
        description:
          "累计: the latest counting reading on or before `asOf` (null before any): an entry " +
          "dated on the month's last day counts, one dated the next day does not.",
      },
    },
    "An indicator of a task: its target and its cumulative value at `asOf` (目标 / 累计).",
  ),
  ReportRow: object<ReportRow>(
    {
      taskId: id,
      projectId: id,
      number: {
        type: "integer",
        minimum: 1,
        description: "序号 within its project, renumbered when the report is filtered.",
      },
      title: { ...text, description: "工作任务." },
      leadUnitId: id,
      leadUnitName: { ...text, description: "牵头单位." },
      coUnitIds: { type: "array", items: id, description: "配合单位." },
      ownerId: id,
      ownerName: { ...text, description: "责任人." },
      startDate: date,
      dueDate: { ...date, description: "完成时限." },
      weight: { type: "number", exclusiveMinimum: 0, maximum: 100 },
      indicators: { type: "array", items: ref("ReportIndicator") },
      progress: percentOf("完成率: the task's progress at `asOf`"),
      timeProgress: percentOf("序时进度 at `asOf`"),
      light: { type: "string", enum: [...LIGHTS], description: "亮灯 at `asOf`." },
      completed: { type: "boolean" },
      overdue: { type: "boolean", description: "Past due and not completed at `asOf`." },
      notReported: {
        type: "boolean",
        description:
          "未填报: open, begun by the month's reporting day, which has come by `asOf`, and no " +
          "counting entry dated in the month.",
      },
      monthProgress: {
        ...text,
        description:
          "本月进展: the notes of the month's counting entries (neither withdrawn nor returned), " +
          "in date order, one per line, each as `M月D日：…` when there are several.",
      },
      problems: { ...text, description: "存在问题 of the month's counting entries, each once." },
      nextSteps: { ...text, description: "下步计划 of the month's latest entry that names any." },
      urgeCount: { ...count, description: "催办次数: urges sent up to the end of `asOf`." },
    },
    "A task's line in the report.",
  ),
  NotReportedOwner: object<NotReportedOwner>(
    {
      unitId: id,
      unitName: text,
      ownerId: id,
      ownerName: text,
      tasks: {
        type: "array",
        items: object<NotReportedOwner["tasks"][number]>({ id, title: text }),
        description: "Their tasks with no entry in the month.",
      },
    },
    "An owner who has not reported this month, under their tasks' lead unit.",
  ),
  MonthPublished: conflictBody("month_published", "published", {
    type: "object",
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties: {
      date: { ...text, description: "A new entry's date (or an entry's new date) is frozen." },
      _: { ...text, description: "The entry (dated in a frozen month) cannot change." },
      month: { ...text, description: "The month is published already (on publishing)." },
    },
    description: "Which one, in the caller's language (该月已定稿).",
  }),
  LaterMonthPublished: conflictBody(
    "conflict",
    "later_month_published",
    {
      type: "object",
      required: ["month"],
      properties: { month: text },
      description: "Why, in the caller's language.",
    },
    { month: { ...month, description: "A later published month, to be reopened first." } },
  ),
});

export const reportsResponses = (): Record<string, Json> => ({
  MonthPublished: {
    description:
      "`month_published` (该月已定稿): the month's report is published (定稿), or a later " +
      "month's is, so nothing dated in it may change; nothing was changed.",
    content: { "application/json": { schema: ref("MonthPublished") } },
  },
  EntryCreateConflict: {
    description:
      "Nothing was saved: the date falls in a published month or before one (`month_published`, " +
      "naming `date`), or the task changed since `taskVersion` (`conflict`, with the current task).",
    content: {
      "application/json": {
        schema: { oneOf: [ref("TaskConflict"), ref("MonthPublished")] },
      },
    },
  },
  LaterMonthPublished: {
    description:
      "A later month is still published (`month` names it): it is reopened first, as it was " +
      "built on this one.",
    content: { "application/json": { schema: ref("LaterMonthPublished") } },
  },
});

/** The headers a report file is sent with (lib/api/download.ts). */
const fileHeaders = (): Record<string, Json> => ({
  "Content-Disposition": {
    description:
      "`attachment` with the report's title as its name, e.g. " +
      "白杨街道2023年11月重点工作推进情况.xlsx: an ASCII `filename` and the real one, " +
      "percent-encoded UTF-8, in `filename*=UTF-8''…` (RFC 6266 / 8187).",
    schema: text,
  },
  "Cache-Control": { description: "Always `no-store`.", schema: { const: "no-store" } },
  "X-Content-Type-Options": { schema: { const: "nosniff" } },
});

const queryDescriptions: Partial<Record<keyof typeof reportQuerySchema.shape, string>> = {
  planId: "Default: the current plan. An unknown plan is a 404.",
  month:
    "`YYYY-MM`, a month of the plan's period that has begun (else a 400 on `month`). Default: " +
    "the month of the dashboard's default date.",
  projectId: "Only this project's tasks (a project of another plan is a 400 on `projectId`).",
  unitId: "Only tasks the unit leads or works on as a co-unit.",
  format:
    "`json` (default), or a file: `xlsx` (summary and detail sheets), `docx` (title, " +
    "narrative, a table per project) or `csv` (UTF-8 with a BOM).",
};

export const reportsPaths = (): Record<string, PathItem> => ({
  "/reports/monthly": {
    get: operation({
      id: "getMonthlyReport",
      tag: "Reports",
      summary: "A month's report (月报), as JSON or as an Excel, Word or CSV file",
      description:
        "Every signed-in user. Figures are as of the month's last day: only what was recorded " +
        "on or before it counts, so the same month gives the same report every time. A " +
        "published month (`published`) is served from its snapshot. Filters narrow the rows " +
        "and recompute the summary, projects, who has not reported and the narrative.",
      parameters: queryParameters(reportQuerySchema, queryDescriptions),
      ok: {
        status: 200,
        description:
          "The report (`format=json`), or the file named for the office and month, e.g. " +
          "白杨街道2023年11月重点工作推进情况.xlsx.",
        headers: fileHeaders(),
        content: {
          "application/json": { schema: ref("MonthlyReport") },
          ...Object.fromEntries(
            Object.entries(REPORT_CONTENT_TYPES).map(([format, type]) => [
              type,
              {
                schema: {
                  type: "string",
                  contentMediaType: type,
                  description:
                    format === "csv"
                      ? "UTF-8 beginning with a byte order mark (EF BB BF), `charset=utf-8`."
                      : `The .${format} file.`,
                },
              },
            ]),
          ),
        },
      },
      errors: [400, 404],
    }),
  },
  "/reports/monthly/publish": {
    post: operation({
      id: "publishMonthlyReport",
      tag: "Reports",
      summary: "Publish a month's report (定稿; leaders)",
      description:
        "The month must be over (else a 400 on `month`) and in the plan's period. Its report is " +
        "stored as it is now, with the narrative given, and served from then on; entries dated " +
        "in it or an earlier month can no longer be added, edited, withdrawn or returned (409 " +
        "`month_published`). Audited.",
      body: "ReportPublish",
      ok: { status: 200, description: "The published report.", schema: "MonthlyReport" },
      errors: [400, 403, 404],
      conflict: { response: "MonthPublished" },
    }),
  },
  "/reports/monthly/reopen": {
    post: operation({
      id: "reopenMonthlyReport",
      tag: "Reports",
      summary: "Reopen a published month (admins, with a reason)",
      description:
        "The snapshot is dropped and the month's entries may change again; the reason and what " +
        "was published are kept in the audit log. A month not published is a 404.",
      body: "ReportReopen",
      ok: {
        status: 200,
        description: "The month's report, made live again (without `published`).",
        schema: "MonthlyReport",
      },
      errors: [400, 403, 404],
      conflict: { response: "LaterMonthPublished" },
    }),
  },
});
