import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { taskListQuerySchema } from "@/lib/tasks/schemas";
import { openApiDocument } from "./openapi";

const API_DIR = path.join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1: its OpenAPI path (`[id]` → `{id}`) and the methods it exports. */
function routeFiles(dir = API_DIR): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const exported = new RegExp(
      String.raw`export\s+(?:const|(?:async\s+)?function)\s+(${METHODS.join("|")})\b`,
      "g",
    );
    const route = path
      .relative(API_DIR, dir)
      .split(path.sep)
      .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))
      .join("/");
    return [
      {
        path: `/${route}`,
        methods: [...source.matchAll(exported)].map((m) => m[1]!.toLowerCase()).sort(),
      },
    ];
  });
}

type Json = Record<string, unknown>;

/** Every value of `key` anywhere in a JSON value. */
function collect(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => collect(v, key));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => (k === key ? [v] : []).concat(collect(v, key)));
}

/** Resolves a local `$ref` (`#/a/b`) against the document. */
function resolve(document: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Json)[part] : undefined),
      document,
    );
}

const document = openApiDocument();
const paths = document.paths as Record<string, Record<string, Json>>;
const operation = (route: string, method: string) => paths[route]![method] as Json;

describe("openApiDocument", () => {
  it("is an OpenAPI 3.1.0 document of the Street Goals API", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "Street Goals API", version: "1" });
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
  });

  it("documents every route under app/api/v1 with exactly the methods it exports", () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(10);
    const documented = Object.fromEntries(
      Object.entries(paths).map(([route, item]) => [
        route,
        Object.keys(item)
          .filter((key) => (METHODS as readonly string[]).includes(key.toUpperCase()))
          .sort(),
      ]),
    );
    const actual = Object.fromEntries(routes.map((route) => [route.path, route.methods]));
    for (const methods of Object.values(actual)) expect(methods.length).toBeGreaterThan(0);
    expect(documented).toEqual(actual);
  });

  it("declares every path parameter of every operation", () => {
    for (const [route, item] of Object.entries(paths)) {
      const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        if (method === "parameters") continue;
        const declared = [
          ...((item.parameters as unknown as Json[] | undefined) ?? []),
          ...((op.parameters as Json[] | undefined) ?? []),
        ]
          .map((p) => (typeof p.$ref === "string" ? (resolve(document, p.$ref) as Json) : p))
          .filter((p) => p.in === "path")
          .map((p) => p.name);
        expect(declared.sort(), `${method} ${route}`).toEqual(names.sort());
      }
    }
  });

  it("gives every operation a unique id, a success response and a 401 unless it is public", () => {
    const ids = new Set<string>();
    for (const [route, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === "parameters") continue;
        expect(ids.has(op.operationId as string), `${method} ${route}`).toBe(false);
        ids.add(op.operationId as string);
        const responses = Object.keys(op.responses as Json);
        expect(
          responses.some((status) => /^20\d$/.test(status)),
          `${method} ${route}`,
        ).toBe(true);
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        expect(responses.includes("401"), `${method} ${route}`).toBe(!isPublic);
      }
    }
    expect(operation("/openapi.json", "get").security).toEqual([]);
  });

  it("takes the POST /tasks body from the handler's schema, with its required fields", () => {
    const body = operation("/tasks", "post").requestBody as Json;
    const schema = resolve(document, collect(body, "$ref")[0] as string) as {
      required: string[];
      properties: Record<string, Json>;
      additionalProperties: boolean;
    };
    expect([...schema.required].sort()).toEqual(
      ["dueDate", "leadUnitId", "ownerId", "projectId", "startDate", "title"].sort(),
    );
    // Fields with defaults are optional for the client; unknown fields are refused.
    expect(schema.properties).toHaveProperty("weight.default", 1);
    expect(schema.properties).toHaveProperty("startDate.format", "date");
    expect(schema.additionalProperties).toBe(false);
  });

  it("turns the task list's query schema into one query parameter per field", () => {
    const parameters = operation("/tasks", "get").parameters as Json[];
    expect(parameters.map((p) => p.name)).toEqual(Object.keys(taskListQuerySchema.shape));
    for (const parameter of parameters) {
      expect(parameter).toMatchObject({ in: "query", required: false });
    }
    // Query values are decimal digits only: no 1e3, 0x10 or spaces.
    expect(parameters.find((p) => p.name === "limit")?.schema).toMatchObject({
      type: "string",
      pattern: "^[0-9]{1,9}$",
    });
    expect(parameters.find((p) => p.name === "status")?.schema).toMatchObject({
      enum: ["not_started", "in_progress", "blocked", "completed"],
    });
  });

  it("answers 409 wherever a version is sent", () => {
    for (const [route, method] of [
      ["/tasks/{id}", "patch"],
      ["/projects/{id}", "patch"],
      ["/indicators/{id}", "patch"],
      ["/indicators/{id}", "delete"],
      ["/plans/{id}", "patch"],
      ["/entries/{id}/review", "post"],
      ["/entries/{id}", "patch"],
    ] as const) {
      expect(operation(route, method).responses, `${method} ${route}`).toHaveProperty("409");
    }
  });

  it("resolves every $ref to a component", () => {
    const refs = collect(document, "$ref");
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/(schemas|responses|parameters)\/\w+$/);
      expect(resolve(document, ref as string), ref as string).toBeTypeOf("object");
    }
  });

  it("is plain JSON: no cycles, no undefined, no zod leftovers", () => {
    const text = JSON.stringify(document);
    expect(JSON.parse(text)).toStrictEqual(document);
    expect(text).not.toContain("$schema");
    expect(text).not.toContain("$defs");
    expect(openApiDocument()).toStrictEqual(document);
  });
});

describe("proxy", () => {
  const anonymous = (pathname: string) => proxy(new NextRequest(`http://localhost${pathname}`));

  it("lets exactly /api/v1/openapi.json through without a session", async () => {
    const response = await anonymous("/api/v1/openapi.json");
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("still refuses every other API path without a session", async () => {
    for (const pathname of [
      "/api/v1/tasks",
      "/api/v1/openapi.json/",
      "/api/v1/openapi.jsonx",
      "/api/v1/openapi.json/x",
      "/api/v2/openapi.json",
    ]) {
      const response = await anonymous(pathname);
      expect(response.status, pathname).toBe(401);
    }
  });
});
