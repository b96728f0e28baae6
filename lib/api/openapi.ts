/**
 * The API's OpenAPI 3.1 document, served at `/api/v1/openapi.json`. Request bodies and query
 * parameters are generated from the very zod schemas the handlers parse with (as clients send
 * them: `io: "input"`); responses are written here, typed against the lib functions' return types
 * so a field added to or dropped from a response fails the type check until it is documented.
 */
import { z } from "zod";
import { ATTACHMENT_TYPES } from "@/db/schema/attachments";
import { DIRECTIONS } from "@/db/schema/indicators";
import { REVIEW_STATUSES } from "@/db/schema/progress";
import { TASK_STATUSES } from "@/db/schema/tasks";
import { ROLES } from "@/db/schema/users";
import type { HistoryItem } from "@/lib/audit/history";
import type { AuditEntry } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import type { EntryAttachment, EntryLock, TaskEntry } from "@/lib/entries/queries";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/entries/rules";
import { entryCreateSchema, entryPatchSchema, entryWithdrawSchema } from "@/lib/entries/schemas";
import { ERROR_STATUS } from "@/lib/errors";
import type { Indicator } from "@/lib/indicators/queries";
import {
  indicatorCreateSchema,
  indicatorDeleteSchema,
  indicatorPatchSchema,
} from "@/lib/indicators/schemas";
import type { removeIndicator } from "@/lib/indicators/update-indicator";
import type { Plan } from "@/lib/plans/queries";
import { LIGHTS } from "@/lib/progress";
import type { Project, listProjects } from "@/lib/projects/queries";
import { projectCreateSchema, projectPatchSchema } from "@/lib/projects/schemas";
import type { IndicatorFigure } from "@/lib/tasks/figures";
import type { TaskDetail, TaskItem, listTasks } from "@/lib/tasks/queries";
import {
  taskAsOfQuerySchema,
  taskCreateSchema,
  taskListQuerySchema,
  taskPatchSchema,
} from "@/lib/tasks/schemas";
import { idParam } from "@/lib/validation";
import {
  CONFLICT_ENTITIES,
  date,
  dateTime,
  errorResponse,
  fraction,
  fromZod,
  id,
  idAndName,
  idPath,
  listOf,
  nullable,
  object,
  operation,
  queryParameters,
  ref,
  text,
  version,
  type Json,
  type PathItem,
} from "./openapi-helpers";
import {
  accountsPaths,
  accountsResponses,
  accountsSchemas,
  ACCOUNTS_TAGS,
} from "./openapi-accounts";
import { IMPORTS_TAGS, importsPaths, importsSchemas } from "./openapi-imports";
import { importsXlsxPaths, importsXlsxResponses, importsXlsxSchemas } from "./openapi-imports-xlsx";
import {
  oversightPaths,
  oversightResponses,
  oversightSchemas,
  OVERSIGHT_TAGS,
} from "./openapi-oversight";
import { createPlanOperation, plansPaths, plansSchemas } from "./openapi-plans";
import { REPORTS_TAGS, reportsPaths, reportsResponses, reportsSchemas } from "./openapi-reports";
import { UNITS_TAGS, unitsPaths, unitsSchemas } from "./openapi-units";

/** Every audit action, spelled out once; the record type keeps the list complete. */
const AUDIT_ACTIONS: Record<AuditEntry["action"], true> = {
  create: true,
  update: true,
  status: true,
  move: true,
  archive: true,
  restore: true,
  delete: true,
  withdraw: true,
  evidence: true,
  review: true,
  answer: true,
  publish: true,
  reopen: true,
};

/** Why an entry is closed to its author's changes, spelled out once like the audit actions. */
const ENTRY_LOCKS: Record<EntryLock, true> = { withdrawn: true, reviewed: true, published: true };

const megabytes = MAX_ATTACHMENT_BYTES / (1024 * 1024);

/** One uploaded evidence file in a multipart body. */
const uploadedFile = (): Json => ({
  type: "string",
  contentMediaType: "application/octet-stream",
  description:
    `A JPEG, PNG or WebP picture or a PDF, at most ${megabytes} MB. Its type is told by its ` +
    "content, never by its name or the type sent; pictures must decode.",
});

/** The `files` field of a multipart body: evidence, repeated once per file. */
const uploadedFiles = (minItems: number): Json => ({
  type: "array",
  ...(minItems > 0 ? { minItems } : {}),
  maxItems: MAX_ATTACHMENTS,
  items: uploadedFile(),
  description:
    `Evidence files, one \`files\` part each; at most ${MAX_ATTACHMENTS} per entry in all. ` +
    "A bad file is a 400 naming `files.<index>`, and nothing of the request is stored.",
});

/** How the parts of a multipart body are sent. */
const FILE_ENCODING: Json = { contentType: ATTACHMENT_TYPES.join(", ") };

const taskItem = () =>
  ({
    id,
    planId: id,
    projectId: id,
    projectTitle: text,
    position: { type: "integer", minimum: 1 },
    title: text,
    description: text,
    ownerId: id,
    ownerName: text,
    leadUnitId: id,
    leadUnitName: text,
    coUnitIds: { type: "array", items: id },
    coUnits: { type: "array", items: ref("UnitRef") },
    startDate: date,
    dueDate: date,
    status: { type: "string", enum: [...TASK_STATUSES] },
    blockedReason: nullable({ ...text, description: "Why the task is blocked (status blocked)." }),
    completionNote: nullable({
      ...text,
      description: "Why it was completed with indicators below target.",
    }),
    completedOn: nullable({ ...date, description: "The day it was completed." }),
    weight: { type: "number", exclusiveMinimum: 0, maximum: 100 },
    progress: { ...fraction, description: "Progress as of `asOf`, 0–1." },
    timeProgress: {
      ...fraction,
      description: "Share of the task's period elapsed by `asOf`, 0–1.",
    },
    light: { type: "string", enum: [...LIGHTS], description: "Pace light as of `asOf`." },
    overdue: { type: "boolean", description: "Past due and not completed as of `asOf`." },
    notReported: {
      type: "boolean",
      description:
        "未填报: begun by the latest reporting deadline on or before `asOf` (this month's reporting day once passed, else last month's), not completed, and no entry since that deadline's month began.",
    },
    urgeCount: { type: "integer", minimum: 0, description: "Times its owner was urged (催办)." },
    archived: { type: "boolean" },
    version,
    updatedAt: dateTime,
  }) satisfies { [K in keyof TaskItem]: Json };

const componentSchemas = (): Record<string, Json> => ({
  // Requests: the handlers' own schemas.
  TaskCreate: fromZod(taskCreateSchema),
  TaskPatch: fromZod(taskPatchSchema),
  ProjectCreate: fromZod(projectCreateSchema),
  ProjectPatch: fromZod(projectPatchSchema),
  IndicatorCreate: fromZod(indicatorCreateSchema),
  IndicatorPatch: fromZod(indicatorPatchSchema),
  EntryCreate: fromZod(entryCreateSchema),
  EntryCreateForm: {
    type: "object",
    required: ["data"],
    properties: {
      data: {
        type: "string",
        contentMediaType: "application/json",
        contentSchema: ref("EntryCreate"),
        description: "The entry as JSON, exactly as the JSON body would be.",
      },
      files: uploadedFiles(0),
    },
    description: "An entry with its evidence: both are saved, or neither.",
  },
  EntryPatch: fromZod(entryPatchSchema),
  AttachmentUpload: {
    type: "object",
    required: ["files"],
    properties: { files: uploadedFiles(1) },
  },

  // Responses.
  Me: object<
    Pick<SessionUser, "id" | "username" | "name" | "role" | "unitId" | "mustChangePassword">
  >(
    {
      id,
      username: text,
      name: text,
      role: { type: "string", enum: [...ROLES] },
      unitId: id,
      mustChangePassword: {
        type: "boolean",
        description:
          "Holds a one-time password: until `POST /me/password`, every other call answers 403 " +
          "`password_change_required`.",
      },
    },
    "The signed-in user.",
  ),
  Plan: object<Plan>(
    {
      id,
      year: { type: "integer" },
      title: text,
      startDate: date,
      endDate: date,
      timeZone: { ...text, description: "The office's time zone: its calendar dates are there." },
      reportingDay: {
        type: "integer",
        minimum: 1,
        maximum: 28,
        description: "Day of the month by which each task needs its month's entry (未填报 after).",
      },
      greenMaxGap: {
        type: "number",
        minimum: 0,
        maximum: 100,
        description: "Largest gap (time progress − progress, in points) that is still green.",
      },
      yellowMaxGap: {
        type: "number",
        minimum: 0,
        maximum: 100,
        description: "Largest gap that is still yellow; above it is red. Never below green's.",
      },
      isCurrent: { type: "boolean", description: "The plan shown when none is asked for." },
      version,
    },
    "A year's plan (年度工作计划) with the settings its pace rules use.",
  ),
  PlanSummary: object<Pick<Plan, "id" | "year" | "title" | "startDate" | "endDate">>({
    id,
    year: { type: "integer" },
    title: text,
    startDate: date,
    endDate: date,
  }),
  PlanList: listOf("PlanSummary"),
  ProjectSummary: object<Awaited<ReturnType<typeof listProjects>>[number]>({
    id,
    position: { type: "integer", minimum: 1 },
    title: text,
    taskCount: { type: "integer", minimum: 0, description: "Tasks not archived." },
  }),
  ProjectList: listOf("ProjectSummary"),
  Project: object<Project>({
    id,
    planId: id,
    position: { type: "integer", minimum: 1 },
    title: text,
    description: text,
    leadLeaderId: nullable(id),
    leadLeaderName: nullable(text),
    archived: { type: "boolean" },
    version,
  }),
  UserRef: idAndName(),
  UnitRef: idAndName(),
  Task: object<TaskItem>(taskItem(), "A task with its figures as of `asOf`."),
  TaskList: object<Awaited<ReturnType<typeof listTasks>>>({
    items: { type: "array", items: ref("Task") },
    total: { type: "integer", minimum: 0, description: "Matching tasks before paging." },
    asOf: { ...date, description: "The date the figures are as of." },
    planId: id,
  }),
  TaskDetail: object<TaskDetail>(
    {
      ...taskItem(),
      asOf: date,
      indicators: { type: "array", items: ref("TaskIndicator") },
      percent: nullable({
        type: "number",
        minimum: 0,
        maximum: 100,
        description: "The latest reported percent (tasks without indicators).",
      }),
      plan: object<TaskDetail["plan"]>({ id, title: text, startDate: date, endDate: date }),
    },
    "A task with its indicators and figures as of `asOf`.",
  ),
  TaskIndicator: object<IndicatorFigure>(
    {
      id,
      name: text,
      unit: { ...text, description: "The unit of measure, e.g. 户 or 万元." },
      baseline: { type: "number" },
      target: { type: "number" },
      direction: { type: "string", enum: [...DIRECTIONS] },
      decimals: { type: "integer", minimum: 0, maximum: 4 },
      weight: { type: "number", exclusiveMinimum: 0, maximum: 100 },
      version,
      current: nullable({ type: "number", description: "The latest reading as of `asOf`." }),
      progress: fraction,
    },
    "An indicator of a task with its reading as of `asOf`.",
  ),
  Indicator: object<Indicator>({
    id,
    taskId: id,
    position: { type: "integer", minimum: 0 },
    name: text,
    unit: { ...text, description: "The unit of measure, e.g. 户 or 万元." },
    baseline: { type: "number" },
    target: { type: "number" },
    direction: { type: "string", enum: [...DIRECTIONS] },
    decimals: { type: "integer", minimum: 0, maximum: 4 },
    weight: { type: "number", exclusiveMinimum: 0, maximum: 100 },
    archived: { type: "boolean" },
    version,
  }),
  IndicatorRemoval: object<Awaited<ReturnType<typeof removeIndicator>>>({
    id,
    outcome: {
      type: "string",
      enum: ["archived", "deleted"],
      description: "Archived when it has readings, else deleted.",
    },
  }),
  HistoryItem: object<HistoryItem>(
    {
      id,
      action: { type: "string", enum: Object.keys(AUDIT_ACTIONS) },
      at: dateTime,
      actor: nullable(ref("UserRef")),
      before: nullable({ type: "object", description: "The changed fields before." }),
      after: nullable({ type: "object", description: "The changed fields after." }),
      labels: {
        type: "object",
        additionalProperties: { type: "string" },
        description:
          "Names of the people, units and projects the values point at, keyed `field:id`.",
      },
    },
    "One recorded change: who, when, what before and what after.",
  ),
  History: listOf("HistoryItem"),
  Entry: object<TaskEntry>(
    {
      id,
      taskId: id,
      date: { ...date, description: "The day the progress is reported for." },
      authorId: id,
      authorName: text,
      percent: nullable({
        type: "number",
        minimum: 0,
        maximum: 100,
        description: "Percent done (tasks without indicators).",
      }),
      note: { ...text, description: "What was done (工作进展)." },
      problems: text,
      nextSteps: text,
      reviewStatus: { type: "string", enum: [...REVIEW_STATUSES] },
      reviewReason: nullable({ ...text, description: "Why it was returned, when it was." }),
      version,
      withdrawn: { type: "boolean", description: "Withdrawn (撤回): kept, but counts nowhere." },
      counts: {
        type: "boolean",
        description: "Whether its readings count: neither withdrawn nor returned.",
      },
      createdAt: dateTime,
      editedAt: nullable({
        ...dateTime,
        description: "When its author last edited it (each earlier version is in the audit log).",
      }),
      readings: { type: "array", items: ref("EntryReading") },
      attachments: { type: "array", items: ref("EntryAttachment") },
      lock: nullable({
        type: "string",
        enum: Object.keys(ENTRY_LOCKS),
        description: "Why it is closed to its author's changes, if it is.",
      }),
      amendable: {
        type: "boolean",
        description: "Whether the caller may still edit or withdraw it, or change its evidence.",
      },
      reviewable: {
        type: "boolean",
        description: "Whether the caller may approve or return it now (审核; never their own).",
      },
    },
    "A progress entry (进展填报) with its readings and evidence.",
  ),
  EntryReading: object<TaskEntry["readings"][number]>(
    {
      indicatorId: id,
      name: text,
      unit: { ...text, description: "The unit of measure, e.g. 户 or 万元." },
      decimals: { type: "integer", minimum: 0, maximum: 4 },
      value: { type: "number", description: "The cumulative value reached." },
      change: nullable({
        type: "number",
        description: "Since the indicator's previous counting reading (null for the first).",
      }),
    },
    "One cumulative reading of an indicator.",
  ),
  EntryAttachment: object<EntryAttachment>(
    {
      id,
      fileName: text,
      contentType: {
        type: "string",
        enum: [...ATTACHMENT_TYPES],
        description: "As told by the file's content on upload.",
      },
      size: { type: "integer", minimum: 1, description: "In bytes." },
      width: nullable({ type: "integer", minimum: 1, description: "Upright, for pictures." }),
      height: nullable({ type: "integer", minimum: 1, description: "Upright, for pictures." }),
      hasThumbnail: {
        type: "boolean",
        description: "Whether `/attachments/{id}/thumbnail` serves one (pictures).",
      },
    },
    "An evidence file (佐证材料) of an entry.",
  ),
  EntryList: listOf("Entry"),

  // Errors.
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", enum: Object.keys(ERROR_STATUS) },
          message: { ...text, description: "In the caller's language." },
          fields: {
            type: "object",
            description: 'Field name (or "_" for the whole input) → message.',
            additionalProperties: { type: "string" },
          },
        },
      },
    },
  },
  ...Object.fromEntries(
    CONFLICT_ENTITIES.map((entity) => [
      `${entity}Conflict`,
      {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message", "current", "changedBy", "changedAt"],
            properties: {
              code: { const: "conflict" },
              message: text,
              current: ref(entity === "Task" ? "TaskDetail" : entity),
              changedBy: nullable(ref("UserRef")),
              changedAt: nullable(dateTime),
            },
          },
        },
      },
    ]),
  ),
  EntryLocked: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "reason", "fields"],
        properties: {
          code: { const: "conflict" },
          message: text,
          reason: {
            type: "string",
            enum: Object.keys(ENTRY_LOCKS).filter((lock) => lock !== "published"),
            description:
              "Why the entry is closed: withdrawn or reviewed (its month published: `MonthPublished`).",
          },
          fields: {
            type: "object",
            required: ["_"],
            properties: { _: { ...text, description: "The reason, in the caller's language." } },
          },
        },
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Operations

const componentResponses = (): Record<string, Json> => ({
  BadRequest: errorResponse("Invalid input: `error.fields` names each bad field."),
  Unauthorized: errorResponse("No session."),
  Forbidden: errorResponse("The policy refuses this user this action."),
  NotFound: errorResponse("No such thing (or a malformed id)."),
  PayloadTooLarge: errorResponse(
    "The body is past its limit (1 MB of JSON; an upload: a whole entry's evidence, " +
      `${MAX_ATTACHMENTS} files of ${megabytes} MB), counted as it arrives; nothing was stored.`,
  ),
  UnsupportedMediaType: errorResponse(
    "The body is not of a type this operation reads: JSON (`application/json`, UTF-8) where " +
      "it reads JSON, `multipart/form-data` where it reads files.",
  ),
  InternalError: errorResponse("Something went wrong on the server."),
  ...Object.fromEntries(
    (["Task", "Project", "Indicator", "Plan"] as const).map((entity) => [
      `${entity}Conflict`,
      {
        description: "Stale `version`: nothing was changed; the current state and who changed it.",
        content: { "application/json": { schema: ref(`${entity}Conflict`) } },
      },
    ]),
  ),
  EntryConflict: {
    description:
      "Stale `version` (the current entry and who changed it), or the entry is closed to " +
      "changes (`reason`): nothing was changed.",
    content: {
      "application/json": {
        schema: { oneOf: [ref("EntryConflict"), ref("EntryLocked"), ref("MonthPublished")] },
      },
    },
  },
  EntryLocked: {
    description:
      "The entry is closed to changes: withdrawn, reviewed, or its month's report published.",
    content: {
      "application/json": { schema: { oneOf: [ref("EntryLocked"), ref("MonthPublished")] } },
    },
  },
});

const taskListDescriptions: Partial<Record<keyof typeof taskListQuerySchema.shape, string>> = {
  planId: "Default: the current plan.",
  unitId: "Tasks the unit leads or works on as a co-unit.",
  mine: "Tasks the caller owns, or whose lead unit or a co-unit is theirs.",
  overdue: "Past due and not completed as of `asOf`.",
  notReported:
    "未填报: begun by the latest reporting deadline on or before `asOf` (this month's reporting day once passed, else last month's), not completed, and no entry since that deadline's month began.",
  dueWithin: "Not completed and due within this many days after `asOf`.",
  q: "Text search in title and description.",
  asOf: "Figures as of this date. Default: today (after the plan's end, its last reported day).",
  limit: "Page size.",
  offset: "Items to skip.",
};

/** The headers an attachment (or its thumbnail) is served with. */
const fileHeaders = (): Record<string, Json> => ({
  "Content-Disposition": {
    description:
      "`inline` (or `attachment` on a download) with the file's name: an ASCII `filename` and " +
      "the real one in `filename*` (RFC 6266).",
    schema: text,
  },
  "X-Content-Type-Options": {
    description: "Always `nosniff`: the type is the one found on upload.",
    schema: { const: "nosniff" },
  },
  "Cache-Control": { description: "Cached privately only.", schema: text },
  ETag: { schema: text },
});

/** A binary response body of one of the given types. */
const binary = (types: readonly string[]): Json =>
  Object.fromEntries(
    types.map((type) => [type, { schema: { type: "string", contentMediaType: type } }]),
  );

const componentPaths = (): Record<string, PathItem> => ({
  "/me": {
    get: operation({
      id: "getMe",
      tag: "Me",
      summary: "The signed-in user",
      ok: { status: 200, description: "The user.", schema: "Me" },
    }),
  },
  "/plans": {
    get: operation({
      id: "listPlans",
      tag: "Plans",
      summary: "Every plan, newest first",
      ok: { status: 200, description: "The plans.", schema: "PlanList" },
    }),
    post: createPlanOperation(),
  },
  "/projects": {
    get: operation({
      id: "listProjects",
      tag: "Projects",
      summary: "A plan's projects with their task counts",
      parameters: queryParameters(z.object({ planId: idParam.optional() }), {
        planId: "Default: the current plan.",
      }),
      ok: { status: 200, description: "The projects, in order.", schema: "ProjectList" },
      errors: [400, 404],
    }),
    post: operation({
      id: "createProject",
      tag: "Projects",
      summary: "Create a project (leaders and admins)",
      description: "Added at the end of the plan (default: the current plan).",
      body: "ProjectCreate",
      ok: { status: 201, description: "The new project.", schema: "Project" },
      errors: [400, 403, 404],
    }),
  },
  "/projects/{id}": {
    parameters: [idPath],
    get: operation({
      id: "getProject",
      tag: "Projects",
      summary: "One project (archived ones too)",
      ok: { status: 200, description: "The project.", schema: "Project" },
      errors: [404],
    }),
    patch: operation({
      id: "updateProject",
      tag: "Projects",
      summary: "Edit, move, archive or restore a project (leaders and admins)",
      body: "ProjectPatch",
      ok: { status: 200, description: "The project with its new version.", schema: "Project" },
      errors: [400, 403, 404],
      conflict: "Project",
    }),
  },
  "/projects/{id}/history": {
    parameters: [idPath],
    get: operation({
      id: "getProjectHistory",
      tag: "Projects",
      summary: "Every change to a project, newest first",
      ok: { status: 200, description: "The changes.", schema: "History" },
      errors: [404],
    }),
  },
  "/tasks": {
    get: operation({
      id: "listTasks",
      tag: "Tasks",
      summary: "A plan's tasks, filtered, sorted and paged, with their figures",
      parameters: queryParameters(taskListQuerySchema, taskListDescriptions),
      ok: { status: 200, description: "One page of tasks.", schema: "TaskList" },
      errors: [400, 404],
    }),
    post: operation({
      id: "createTask",
      tag: "Tasks",
      summary: "Create a task with its co-units and indicators (leaders and admins)",
      body: "TaskCreate",
      ok: { status: 201, description: "The new task.", schema: "TaskDetail" },
      errors: [400, 403],
    }),
  },
  "/tasks/{id}": {
    parameters: [idPath],
    get: operation({
      id: "getTask",
      tag: "Tasks",
      summary: "One task with its indicators and figures",
      parameters: queryParameters(taskAsOfQuerySchema, {
        asOf: "Figures as of this date. Default: today (after the plan's end, its last reported day).",
      }),
      ok: { status: 200, description: "The task.", schema: "TaskDetail" },
      errors: [400, 404],
    }),
    patch: operation({
      id: "updateTask",
      tag: "Tasks",
      summary: "Change a task's status or, for leaders and admins, its plan fields",
      description:
        "The task's people may send `status`, `blockedReason` and `completionNote`; the other " +
        "fields, and reopening a completed task, need a leader or admin.",
      body: "TaskPatch",
      ok: { status: 200, description: "The task with its new version.", schema: "TaskDetail" },
      errors: [400, 403, 404],
      conflict: "Task",
    }),
  },
  "/tasks/{id}/history": {
    parameters: [idPath],
    get: operation({
      id: "getTaskHistory",
      tag: "Tasks",
      summary: "Every change to a task, newest first",
      ok: { status: 200, description: "The changes.", schema: "History" },
      errors: [404],
    }),
  },
  "/tasks/{id}/indicators": {
    parameters: [idPath],
    post: operation({
      id: "createIndicator",
      tag: "Indicators",
      summary: "Add an indicator to a task (leaders and admins)",
      body: "IndicatorCreate",
      ok: { status: 201, description: "The new indicator.", schema: "Indicator" },
      errors: [400, 403, 404],
    }),
  },
  "/indicators/{id}": {
    parameters: [idPath],
    get: operation({
      id: "getIndicator",
      tag: "Indicators",
      summary: "One indicator (archived ones too)",
      ok: { status: 200, description: "The indicator.", schema: "Indicator" },
      errors: [404],
    }),
    patch: operation({
      id: "updateIndicator",
      tag: "Indicators",
      summary: "Edit an indicator (leaders and admins)",
      body: "IndicatorPatch",
      ok: { status: 200, description: "The indicator with its new version.", schema: "Indicator" },
      errors: [400, 403, 404],
      conflict: "Indicator",
    }),
    delete: operation({
      id: "removeIndicator",
      tag: "Indicators",
      summary: "Remove an indicator (leaders and admins)",
      description: "One with readings is archived, so the history citing it stays whole.",
      parameters: queryParameters(indicatorDeleteSchema, {
        version: "The version last read.",
      }),
      ok: { status: 200, description: "What became of it.", schema: "IndicatorRemoval" },
      errors: [400, 403, 404],
      conflict: "Indicator",
    }),
  },
  "/indicators/{id}/history": {
    parameters: [idPath],
    get: operation({
      id: "getIndicatorHistory",
      tag: "Indicators",
      summary: "Every change to an indicator, newest first (removed ones too)",
      ok: { status: 200, description: "The changes.", schema: "History" },
      errors: [404],
    }),
  },
  "/tasks/{id}/entries": {
    parameters: [idPath],
    get: operation({
      id: "listTaskEntries",
      tag: "Entries",
      summary: "A task's progress entries, newest first (withdrawn ones too, marked)",
      ok: { status: 200, description: "The entries.", schema: "EntryList" },
      errors: [404],
    }),
    post: operation({
      id: "createEntry",
      tag: "Entries",
      summary: "Report progress on a task (填报进展), with readings, evidence and a status change",
      description:
        "For the task's people (its owner, lead unit and co-units), leaders and admins. Send " +
        "JSON, or multipart/form-data with the same JSON in `data` and evidence in `files`: the " +
        "entry, its readings, its files and the status change are saved together, or nothing is. " +
        "The date lies in the plan's period and not after today; readings are cumulative values " +
        "of the task's live indicators; `percent` only for a task without indicators. With " +
        "`taskVersion`, a status change on a task changed since is a 409. A date in a month " +
        "whose report is published (定稿), or before one, is a 409 `month_published`.",
      body: "EntryCreate",
      form: {
        schema: "EntryCreateForm",
        encoding: { data: { contentType: "application/json" }, files: FILE_ENCODING },
      },
      ok: { status: 201, description: "The new entry.", schema: "Entry" },
      errors: [400, 403, 404, 413],
      conflict: { response: "EntryCreateConflict" },
    }),
  },
  "/entries/{id}": {
    parameters: [idPath],
    get: operation({
      id: "getEntry",
      tag: "Entries",
      summary: "One progress entry (withdrawn ones too)",
      ok: { status: 200, description: "The entry.", schema: "Entry" },
      errors: [404],
    }),
    patch: operation({
      id: "updateEntry",
      tag: "Entries",
      summary: "Edit an entry (its author, while it is open)",
      description:
        "The fields given replace the entry's; `readings`, when given, replaces all of them. " +
        "Only while the entry is neither withdrawn nor reviewed and its month is not published: " +
        "an entry dated in a published month or before one, or a new date there, is a 409 " +
        "`month_published`.",
      body: "EntryPatch",
      ok: { status: 200, description: "The entry with its new version.", schema: "Entry" },
      errors: [400, 403, 404],
      conflict: "Entry",
    }),
    delete: operation({
      id: "withdrawEntry",
      tag: "Entries",
      summary: "Withdraw an entry (撤回; its author, while it is open)",
      description:
        "The entry stays in the history, marked withdrawn, and no longer counts. One dated in a " +
        "published month or before one is a 409 `month_published`.",
      parameters: queryParameters(entryWithdrawSchema, { version: "The version last read." }),
      ok: { status: 200, description: "The entry, withdrawn.", schema: "Entry" },
      errors: [400, 403, 404],
      conflict: "Entry",
    }),
  },
  "/entries/{id}/history": {
    parameters: [idPath],
    get: operation({
      id: "getEntryHistory",
      tag: "Entries",
      summary:
        "Every change to a progress entry, newest first: each edit keeps the earlier version",
      ok: { status: 200, description: "The changes.", schema: "History" },
      errors: [404],
    }),
  },
  "/entries/{id}/attachments": {
    parameters: [idPath],
    post: operation({
      id: "addAttachments",
      tag: "Attachments",
      summary: "Add evidence files to an entry (its author, while it is open)",
      description: "All the files are added, or none.",
      form: { schema: "AttachmentUpload", encoding: { files: FILE_ENCODING } },
      ok: { status: 201, description: "The entry with its files.", schema: "Entry" },
      errors: [400, 403, 404, 413, 415],
      conflict: { response: "EntryLocked" },
    }),
  },
  "/attachments/{id}": {
    parameters: [idPath],
    get: operation({
      id: "getAttachment",
      tag: "Attachments",
      summary: "An evidence file itself",
      description:
        "Served with the type found on upload, never to be sniffed; pictures also with a " +
        "`Content-Security-Policy` that lets nothing in them run. Removed files answer 404.",
      parameters: queryParameters(z.object({ download: z.enum(["1"]).optional() }), {
        download: "`1`: offered as a download (`Content-Disposition: attachment`); else inline.",
      }),
      ok: {
        status: 200,
        description: "The file.",
        headers: fileHeaders(),
        content: binary(ATTACHMENT_TYPES),
      },
      errors: [404],
    }),
    delete: operation({
      id: "removeAttachment",
      tag: "Attachments",
      summary: "Remove an evidence file from its entry (its author, while the entry is open)",
      description: "The file is no longer served; the entry's history keeps its name.",
      ok: { status: 200, description: "The entry without the file.", schema: "Entry" },
      errors: [403, 404],
      conflict: { response: "EntryLocked" },
    }),
  },
  "/attachments/{id}/thumbnail": {
    parameters: [idPath],
    get: operation({
      id: "getAttachmentThumbnail",
      tag: "Attachments",
      summary: "A small upright JPEG of a picture",
      description: "Pictures only (`hasThumbnail`); a PDF answers 404.",
      ok: {
        status: 200,
        description: "The thumbnail, at most 320 × 320.",
        headers: fileHeaders(),
        content: binary(["image/jpeg"]),
      },
      errors: [404],
    }),
  },
  "/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["Docs"],
      summary: "This document",
      security: [],
      responses: {
        200: {
          description: "The OpenAPI 3.1 document; readable without a session.",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  },
});

/**
 * The OpenAPI 3.1 document of `/api/v1`. A pure function: an equal, fresh, plain-JSON document on
 * every call (no object is shared between calls or between two places of one document).
 */
export function openApiDocument() {
  const document = {
    openapi: "3.1.0",
    info: {
      title: "Street Goals API",
      version: "1",
      description:
        "The annual plan's projects, tasks and indicators, the progress reported on them with " +
        "its evidence, and the leaders' oversight: the dashboard, reviews, instructions (批示), " +
        "urges (催办) and the bell. Every path but this document needs a " +
        "session: sign in through `/api/auth` (next-auth) and send its cookie. A user holding a " +
        "one-time password gets 403 `password_change_required` from every path but `GET /me` " +
        "and `POST /me/password` until they set their own. Errors are always " +
        '`{ "error": { "code", "message", "fields"? } }`. Writes carry the `version` last read; ' +
        "a stale one gets 409 with the current state. A write whose `Origin` is not this " +
        "site gets 403 `forbidden_origin`; a body that is not JSON (where JSON is expected) 415; " +
        "one over its limit 413. A database too busy to answer in time gives 503 `busy` with " +
        "`Retry-After`: send the same request again.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ session: [] }],
    tags: [
      { name: "Me" },
      { name: "Plans" },
      { name: "Projects" },
      { name: "Tasks" },
      { name: "Indicators" },
      { name: "Entries" },
      { name: "Attachments" },
      ...OVERSIGHT_TAGS.map((name) => ({ name })),
      ...ACCOUNTS_TAGS.map((name) => ({ name })),
      ...UNITS_TAGS.map((name) => ({ name })),
      ...IMPORTS_TAGS.map((name) => ({ name })),
      ...REPORTS_TAGS.map((name) => ({ name })),
      { name: "Docs" },
    ],
    paths: {
      ...componentPaths(),
      ...oversightPaths(),
      ...unitsPaths(),
      ...accountsPaths(),
      ...plansPaths(),
      ...importsPaths(),
      ...importsXlsxPaths(),
      ...reportsPaths(),
    },
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "next-auth's session cookie (named `__Secure-next-auth.session-token` over HTTPS).",
        },
      },
      parameters: {
        Id: {
          name: "id",
          in: "path",
          required: true,
          description: "The id; anything but a well-formed id answers 404.",
          schema: fromZod(idParam),
        },
      },
      schemas: {
        ...componentSchemas(),
        ...oversightSchemas(),
        ...plansSchemas(),
        ...unitsSchemas(),
        ...accountsSchemas(),
        ...importsSchemas(),
        ...importsXlsxSchemas(),
        ...reportsSchemas(),
      },
      responses: {
        ...componentResponses(),
        ...oversightResponses(),
        ...accountsResponses(),
        ...importsXlsxResponses(),
        ...reportsResponses(),
      },
    },
  };
  return JSON.parse(JSON.stringify(document)) as typeof document;
}
