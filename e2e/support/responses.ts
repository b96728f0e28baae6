import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

/** An error answer of the API. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> } & Record<
    string,
    unknown
  >;
}

/** Expects a status and returns the JSON body; the failure message shows what came back. */
export async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** Expects an error answer with the given status and code; returns its body. */
export async function failure(response: APIResponse, status: number, code: string) {
  const body = await json<ErrorBody>(response, status);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  return body;
}

let schemas: Promise<Record<string, { required?: string[] }>> | undefined;

/** Expects a response object to have exactly the fields its OpenAPI schema lists as required. */
export async function expectDocumented(request: APIRequestContext, schema: string, value: object) {
  schemas ??= request
    .get("/api/v1/openapi.json")
    .then((response) => response.json())
    .then((document) => document.components.schemas);
  const required = (await schemas)[schema]?.required;
  expect(required, `schema ${schema}`).toBeDefined();
  expect(Object.keys(value).sort(), schema).toEqual([...required!].sort());
}
