/**
 * The API's OpenAPI 3.1 document, served at `/api/v1/openapi.json`. Request bodies and query
 * parameters are generated from the very zod schemas the handlers parse with (as clients send
 * them: `io: "input"`); responses are written here, typed against the lib functions' return types
 * so a field added to or dropped from a response fails the type check until it is documented.
 */
import { z } from "zod";
import { DIRECTIONS } from "@/db/schema/indicators";
import { TASK_STATUSES } from "@/db/schema/tasks";
import { ROLES } from "@/db/schema/users";
import type { HistoryItem } from "@/lib/audit/history";
import type { AuditEntry } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
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
import { calendarDateValue, idParam } from "@/lib/validation";

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) or any other plain JSON object of the document. */
type Json = { [key: string]: unknown };

type Method = "get" | "post" | "patch" | "delete";

// ---------------------------------------------------------------------------------------------
// Schemas from zod

/** A zod schema as the JSON Schema of what a client sends. */
function fromZod(schema: z.ZodType): Json {
  const json: Json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    // Refinements and transforms have no JSON Schema form; they still run on the server.
    unrepresentable: "any",
    // Every schema inline: a `$defs` reference would not resolve inside an OpenAPI document.
    cycles: "throw",
    reused: "inline",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === calendarDateValue) jsonSchema.format = "date";
    },
  });
  delete json.$schema;
  return json;
}

/** Query parameters, one per field of an object schema, in the schema's order. */
function queryParameters(
  schema: z.ZodObject,
  descriptions: Partial<Record<string, string>> = {},
): Json[] {
  const object = fromZod(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.keys(schema.shape).map((name) => {
    const description = descriptions[name];
    return {
      name,
      in: "query",
      required: object.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: object.properties?.[name] ?? {},
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Hand-written response schemas

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Json): Json =>
  typeof schema.type === "string"
    ? { ...schema, type: [schema.type, "null"] }
    : { anyOf: [schema, { type: "null" }] };

const id: Json = { type: "integer", minimum: 1 };
const text: Json = { type: "string" };
const date: Json = { type: "string", format: "date" };
const dateTime: Json = { type: "string", format: "date-time" };
const fraction: Json = { type: "number", minimum: 0, maximum: 1 };
const version: Json = { type: "integer", minimum: 1, description: "Send it back with a write." };

/**
 * An object whose every property is always present. `T` is the type the handler returns, so the
 * properties must name exactly its fields.
 */
function object<T>(properties: { [K in keyof Required<T>]: Json }, description?: string): Json {
  return {
    type: "object",
    ...(description ? { description } : {}),
    required: Object.keys(properties),
    properties,
  };
}

const listOf = (item: string): Json => ({
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: ref(item) } },
});

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
};

/** A person or a unit, by id and name. */
const idAndName = () => object<{ id: number; name: string }>({ id, name: text });

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

  // Responses.
  Me: object<Pick<SessionUser, "id" | "username" | "name" | "role" | "unitId">>(
    { id, username: text, name: text, role: { type: "string", enum: [...ROLES] }, unitId: id },
    "The signed-in user.",
  ),
  Plan: object<Pick<Plan, "id" | "year" | "title" | "startDate" | "endDate">>({
    id,
    year: { type: "integer" },
    title: text,
    startDate: date,
    endDate: date,
  }),
  PlanList: listOf("Plan"),
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
    (["Task", "Project", "Indicator"] as const).map((entity) => [
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
});

// ---------------------------------------------------------------------------------------------
// Operations

const errorResponse = (description: string): Json => ({
  description,
  content: { "application/json": { schema: ref("Error") } },
});

const componentResponses = (): Record<string, Json> => ({
  BadRequest: errorResponse("Invalid input: `error.fields` names each bad field."),
  Unauthorized: errorResponse("No session."),
  Forbidden: errorResponse("The policy refuses this user this action."),
  NotFound: errorResponse("No such thing (or a malformed id)."),
  InternalError: errorResponse("Something went wrong on the server."),
  ...Object.fromEntries(
    (["Task", "Project", "Indicator"] as const).map((entity) => [
      `${entity}Conflict`,
      {
        description: "Stale `version`: nothing was changed; the current state and who changed it.",
        content: { "application/json": { schema: ref(`${entity}Conflict`) } },
      },
    ]),
  ),
});

const ERROR_RESPONSES = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
} as const;

interface OperationSpec {
  id: string;
  tag: string;
  summary: string;
  description?: string;
  parameters?: Json[];
  /** The component holding the JSON request body. */
  body?: string;
  ok: { status: 200 | 201; description: string; schema: string };
  /** Errors this operation can answer besides 401 and 500. */
  errors?: (400 | 403 | 404)[];
  /** The entity whose stale `version` gets a 409. */
  conflict?: "Task" | "Project" | "Indicator";
}

function operation(spec: OperationSpec): Json {
  const statuses = [...new Set([...(spec.errors ?? []), 401 as const])].sort((a, b) => a - b);
  return {
    operationId: spec.id,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(spec.body) } },
          },
        }
      : {}),
    responses: {
      [spec.ok.status]: {
        description: spec.ok.description,
        content: { "application/json": { schema: ref(spec.ok.schema) } },
      },
      ...Object.fromEntries(
        statuses.map((status) => [
          status,
          { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` },
        ]),
      ),
      ...(spec.conflict
        ? { 409: { $ref: `#/components/responses/${spec.conflict}Conflict` } }
        : {}),
      500: { $ref: "#/components/responses/InternalError" },
    },
  };
}

const idPath: Json = { $ref: "#/components/parameters/Id" };

const taskListDescriptions: Partial<Record<keyof typeof taskListQuerySchema.shape, string>> = {
  planId: "Default: the current plan.",
  unitId: "Tasks the unit leads or works on as a co-unit.",
  mine: "Tasks the caller owns, or whose lead unit or a co-unit is theirs.",
  overdue: "Past due and not completed as of `asOf`.",
  q: "Text search in title and description.",
  asOf: "Figures as of this date. Default: today (after the plan's end, its last reported day).",
  limit: "Page size.",
  offset: "Items to skip.",
};

type PathItem = Partial<Record<Method, Json>> & { parameters?: Json[] };

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
        "The annual plan's projects, tasks and indicators. Every path but this document needs a " +
        "session: sign in through `/api/auth` (next-auth) and send its cookie. Errors are always " +
        '`{ "error": { "code", "message", "fields"? } }`. Writes carry the `version` last read; ' +
        "a stale one gets 409 with the current state.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ session: [] }],
    tags: [
      { name: "Me" },
      { name: "Plans" },
      { name: "Projects" },
      { name: "Tasks" },
      { name: "Indicators" },
      { name: "Docs" },
    ],
    paths: componentPaths(),
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
      schemas: componentSchemas(),
      responses: componentResponses(),
    },
  };
  return JSON.parse(JSON.stringify(document)) as typeof document;
}
