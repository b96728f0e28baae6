/**
 * The Excel part of the imports (#7): the task import template, a plan exported to it, and the
 * import of a filled-in template. Merged into `openApiDocument` by lib/api/openapi.ts under the
 * "Imports" tag; response schemas are typed against the lib functions' return types.
 */
import type { RowError, TasksImportResult } from "@/lib/imports/tasks-xlsx/import-tasks";
import {
  COLUMNS,
  MAX_XLSX_BYTES,
  MAX_XLSX_ROWS,
  TEMPLATE_FILE_NAME,
} from "@/lib/imports/tasks-xlsx/template";
import { XLSX_CONTENT_TYPE } from "./content-types";
import {
  errorResponse,
  id,
  idPath,
  object,
  operation,
  ref,
  text,
  type Json,
  type PathItem,
} from "./openapi-helpers";

const megabytes = MAX_XLSX_BYTES / (1024 * 1024);
const count: Json = { type: "integer", minimum: 0 };

const xlsxContent = (): Json => ({
  [XLSX_CONTENT_TYPE]: { schema: { type: "string", contentMediaType: XLSX_CONTENT_TYPE } },
});

const downloadHeaders = (name: string): Record<string, Json> => ({
  "Content-Disposition": {
    description:
      `\`attachment\` with the file's name (${name}): an ASCII \`filename\` and the real one in ` +
      "`filename*=UTF-8''…` (RFC 6266 / 8187).",
    schema: text,
  },
  "Cache-Control": { description: "Always `no-store`.", schema: { const: "no-store" } },
});

const LAYOUT =
  `One sheet 任务 with the columns ${COLUMNS.map((c) => c.header).join(" · ")}, one row per ` +
  "task and indicator: a task with several indicators takes consecutive rows with the same " +
  "工作板块 and 任务名称, its other fields on the first row only; a 说明 sheet says how to fill " +
  "it in. Text is written as text (never a formula), dates as Excel dates.";

export const importsXlsxSchemas = (): Record<string, Json> => ({
  TasksXlsxUpload: {
    type: "object",
    required: ["planId", "file"],
    properties: {
      planId: { ...id, description: "The plan to import into; its projects must exist." },
      file: {
        type: "string",
        contentMediaType: XLSX_CONTENT_TYPE,
        description: `The filled-in template, an .xlsx of at most ${megabytes} MB and ${MAX_XLSX_ROWS} rows.`,
      },
    },
  },
  TasksXlsxImportResult: object<TasksImportResult>({
    projects: {
      ...count,
      description: "Projects (工作板块) created: those the file names that the plan had none of.",
    },
    tasks: { ...count, description: "Tasks created." },
    indicators: { ...count, description: "Indicators created." },
  }),
  TasksXlsxRowError: object<RowError>(
    {
      row: { type: "integer", minimum: 2, description: "The sheet row (1 is the header)." },
      column: { ...text, description: "The column's header, e.g. 责任人(用户名)." },
      cell: { ...text, description: "The cell's address, e.g. D5." },
      message: { ...text, description: "Why, in the caller's language." },
    },
    "One bad cell.",
  ),
  TasksXlsxRejected: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "fields"],
        properties: {
          code: { const: "validation_failed" },
          message: text,
          fields: {
            type: "object",
            description:
              "`file`: a summary (how many cells, which rows), or what is wrong with the file " +
              "as a whole (no header, no rows, too many rows; then `rows` is absent); " +
              "`planId`: a malformed plan id.",
            additionalProperties: text,
          },
          rows: {
            type: "array",
            items: ref("TasksXlsxRowError"),
            description: "Every bad cell, by row and then column.",
          },
        },
      },
    },
  },
});

export const importsXlsxResponses = (): Record<string, Json> => ({
  TasksXlsxRejected: {
    description:
      "Some cells are bad (each listed in `error.rows`), or the file is not a filled-in " +
      "template (`error.fields.file`): nothing was written.",
    content: { "application/json": { schema: ref("TasksXlsxRejected") } },
  },
  TasksXlsxTooLarge: errorResponse(
    `The file is larger than ${megabytes} MB; nothing was read past the limit.`,
  ),
  TasksXlsxNotXlsx: errorResponse(
    "Not a multipart/form-data body, or the file is not an .xlsx workbook (`fields.file`).",
  ),
});

/** An operation whose 400, 413 and 415 are the import's own. */
function withResponses(op: Json, own: Record<string, string>): Json {
  const responses = { ...(op.responses as Record<string, Json>) };
  for (const [status, name] of Object.entries(own)) {
    responses[status] = { $ref: `#/components/responses/${name}` };
  }
  return { ...op, responses };
}

export const importsXlsxPaths = (): Record<string, PathItem> => ({
  "/imports/tasks-xlsx/template": {
    get: operation({
      id: "getTasksXlsxTemplate",
      tag: "Imports",
      summary: "The empty task import template (.xlsx; admins)",
      description: LAYOUT,
      ok: {
        status: 200,
        description: `The template, named ${TEMPLATE_FILE_NAME}.`,
        headers: downloadHeaders(TEMPLATE_FILE_NAME),
        content: xlsxContent(),
      },
      errors: [403],
    }),
  },
  "/imports/tasks-xlsx": {
    post: withResponses(
      operation({
        id: "importTasksXlsx",
        tag: "Imports",
        summary: "Import tasks and indicators from a filled-in template (admins): all or none",
        description:
          "Every row is checked: the 工作板块 names a live project of the plan, or else a new " +
          "one (at most 100 characters) that is created at the end of the plan, in the order " +
          "the file first names them; the owner an active user by username, the units live units by name, the dates real " +
          "days inside the plan's period with the due date not before the start, the weight " +
          "above 0 and at most 100, the indicators as `POST /tasks/{id}/indicators` checks them, " +
          "and no task title twice in a project (in the plan or in the file). While any cell is " +
          "bad nothing is written and the 400 lists each. Otherwise every new project, task (at " +
          "the end of its project, in the file's order) and indicator is written with its " +
          "audit row, in one transaction.",
        form: { schema: "TasksXlsxUpload", encoding: { file: { contentType: XLSX_CONTENT_TYPE } } },
        ok: {
          status: 201,
          description: "What was created.",
          schema: "TasksXlsxImportResult",
        },
        errors: [400, 403, 404, 413, 415],
      }),
      { 400: "TasksXlsxRejected", 413: "TasksXlsxTooLarge", 415: "TasksXlsxNotXlsx" },
    ),
  },
  "/plans/{id}/export.xlsx": {
    parameters: [idPath],
    get: operation({
      id: "exportPlanXlsx",
      tag: "Imports",
      summary: "A plan's live tasks in the task import template (导出 Excel; leaders and admins)",
      description:
        `${LAYOUT} The file imports into another plan (a new, empty one too: the themes are ` +
        "created) as the same themes and tasks (indicator weights are not in the template and " +
        "come back as 1). Leaders and admins only: the file names every owner by username.",
      ok: {
        status: 200,
        description: "The plan's tasks, named after the plan.",
        headers: downloadHeaders("<plan title>-任务.xlsx"),
        content: xlsxContent(),
      },
      errors: [403, 404],
    }),
  },
});
