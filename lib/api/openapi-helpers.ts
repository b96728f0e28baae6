/**
 * The building blocks of the OpenAPI document (lib/api/openapi.ts and the modules it merges):
 * JSON Schemas from zod, hand-written response schemas typed against lib's return types, and
 * operations with their error responses.
 */
import { z } from "zod";
import { calendarDateValue } from "@/lib/validation";

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) or any other plain JSON object of the document. */
export type Json = { [key: string]: unknown };

/** The entities whose writes carry a `version`, so a stale one gets a 409 with the current state. */
export const CONFLICT_ENTITIES = ["Task", "Project", "Indicator", "Entry", "Plan"] as const;
export type ConflictEntity = (typeof CONFLICT_ENTITIES)[number];

export type Method = "get" | "post" | "patch" | "delete";

// ---------------------------------------------------------------------------------------------
// Schemas from zod

/** A zod schema as the JSON Schema of what a client sends. */
export function fromZod(schema: z.ZodType): Json {
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
export function queryParameters(
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

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (schema: Json): Json =>
  typeof schema.type === "string"
    ? { ...schema, type: [schema.type, "null"] }
    : { anyOf: [schema, { type: "null" }] };

export const id: Json = { type: "integer", minimum: 1 };
export const text: Json = { type: "string" };
export const date: Json = { type: "string", format: "date" };
export const dateTime: Json = { type: "string", format: "date-time" };
export const fraction: Json = { type: "number", minimum: 0, maximum: 1 };
export const version: Json = {
  type: "integer",
  minimum: 1,
  description: "Send it back with a write.",
};

/**
 * An object whose every property is always present. `T` is the type the handler returns, so the
 * properties must name exactly its fields.
 */
export function object<T>(
  properties: { [K in keyof Required<T>]: Json },
  description?: string,
): Json {
  return {
    type: "object",
    ...(description ? { description } : {}),
    required: Object.keys(properties),
    properties,
  };
}

export const listOf = (item: string): Json => ({
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: ref(item) } },
});
/** A person or a unit, by id and name. */
export const idAndName = () => object<{ id: number; name: string }>({ id, name: text });

// ---------------------------------------------------------------------------------------------
// Operations

export const errorResponse = (description: string): Json => ({
  description,
  content: { "application/json": { schema: ref("Error") } },
});

export const ERROR_RESPONSES = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
} as const;

export interface OperationSpec {
  id: string;
  tag: string;
  summary: string;
  description?: string;
  parameters?: Json[];
  /** The component holding the JSON request body. */
  body?: string;
  /** The component holding a multipart/form-data request body, and how its parts are encoded. */
  form?: { schema: string; encoding: Record<string, Json> };
  /** A JSON response (`schema`: a component), or any other content, e.g. a file. */
  ok: { status: 200 | 201; description: string; headers?: Record<string, Json> } & (
    { schema: string } | { content: Json }
  );
  /** Errors this operation can answer besides 401 and 500. */
  errors?: (keyof typeof ERROR_RESPONSES)[];
  /**
   * The 409: the entity whose stale `version` gets one (`<Entity>Conflict`), or the response
   * component of another conflict (e.g. `EntryLocked`, a closed entry).
   */
  conflict?: ConflictEntity | { response: string };
}

export function operation(spec: OperationSpec): Json {
  // A JSON body past 1 MB is a 413, and one not sent as JSON a 415 (lib/api/parse.ts parseBody).
  const bodyErrors = spec.body ? ([413, 415] as const) : [];
  const statuses = [...new Set([...(spec.errors ?? []), ...bodyErrors, 401 as const])].sort(
    (a, b) => a - b,
  );
  const content: Json = {
    ...(spec.body ? { "application/json": { schema: ref(spec.body) } } : {}),
    ...(spec.form
      ? { "multipart/form-data": { schema: ref(spec.form.schema), encoding: spec.form.encoding } }
      : {}),
  };
  return {
    operationId: spec.id,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(Object.keys(content).length > 0 ? { requestBody: { required: true, content } } : {}),
    responses: {
      [spec.ok.status]: {
        description: spec.ok.description,
        ...(spec.ok.headers ? { headers: spec.ok.headers } : {}),
        content:
          "schema" in spec.ok
            ? { "application/json": { schema: ref(spec.ok.schema) } }
            : spec.ok.content,
      },
      ...Object.fromEntries(
        statuses.map((status) => [
          status,
          { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` },
        ]),
      ),
      ...(spec.conflict
        ? {
            409: {
              $ref: `#/components/responses/${
                typeof spec.conflict === "string"
                  ? `${spec.conflict}Conflict`
                  : spec.conflict.response
              }`,
            },
          }
        : {}),
      500: { $ref: "#/components/responses/InternalError" },
    },
  };
}

export const idPath: Json = { $ref: "#/components/parameters/Id" };
export type PathItem = Partial<Record<Method, Json>> & { parameters?: Json[] };
