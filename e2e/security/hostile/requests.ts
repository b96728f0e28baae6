/**
 * Whole hostile requests for one endpoint: its path with a valid or hostile id, its query, and a
 * body as its target describes (JSON text, multipart, or something sent where no body is read).
 */
import fc from "fast-check";
import { jsonBodyText, type Field } from "./bodies";
import type { EndpointKey } from "./endpoints";
import { hostileFile, hostilePathId, hostileText, jsonText } from "./generators";
import type { Target } from "./targets";

export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  data?: string | Buffer;
  multipart?: {
    text: [string, string][];
    files: [string, { name: string; mimeType: string; buffer: Buffer }][];
  };
}

const JSON_TYPES = ["application/json", "application/json", "application/json; charset=utf-8"];

function fieldValue(field: Field) {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(field.valid) },
    { weight: 1, arbitrary: field.hostile },
  );
}

/** A multipart form: some text fields (valid or hostile) and files. */
function form(textFields: Record<string, fc.Arbitrary<string>>, fileFields: string[]) {
  return fc
    .record({
      text: fc.tuple(
        ...Object.entries(textFields).map(([key, value]) =>
          fc.option(
            value.map((text) => [key, text] as [string, string]),
            { freq: 6 },
          ),
        ),
      ),
      files: fc
        .subarray(fileFields)
        .chain((names) =>
          fc.tuple(
            ...names.map((name) =>
              hostileFile.map((file) => [name, file] as [string, typeof file]),
            ),
          ),
        ),
    })
    .map(({ text, files }) => ({ text: text.filter((pair) => pair !== null), files }));
}

function body(
  target: Target,
): fc.Arbitrary<Pick<HostileRequest, "headers" | "data" | "multipart">> {
  const spec = target.body;
  if (spec.kind === "json") {
    const asJson = fc
      .tuple(jsonBodyText(spec.fields), fc.constantFrom(...JSON_TYPES))
      .map(([data, type]) => ({ headers: { "Content-Type": type }, data }));
    if (!spec.files) return asJson;
    return fc.oneof(
      { weight: 3, arbitrary: asJson },
      {
        weight: 1,
        arbitrary: form({ data: jsonBodyText(spec.fields), section: hostileText }, [
          "files",
          "file",
        ]).map((multipart) => ({ headers: {}, multipart })),
      },
    );
  }
  if (spec.kind === "multipart") {
    const text = Object.fromEntries(
      Object.entries(spec.text).map(([key, field]) => [
        key,
        fieldValue(field).map((value) => (typeof value === "string" ? value : jsonText(value))),
      ]),
    );
    return fc.oneof(
      {
        weight: 4,
        arbitrary: form(text, spec.files).map((multipart) => ({ headers: {}, multipart })),
      },
      // JSON where only a form is read.
      {
        weight: 1,
        arbitrary: jsonBodyText({}).map((data) => ({
          headers: { "Content-Type": "application/json" },
          data,
        })),
      },
    );
  }
  // Nothing is read: a body of any kind must change nothing.
  return fc.oneof(
    fc.constant({ headers: {} }),
    fc
      .tuple(
        jsonBodyText({}),
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
        ),
      )
      .map(([data, type]) => ({ headers: { "Content-Type": type }, data })),
  );
}

function query(target: Target): fc.Arbitrary<string> {
  if (!target.query) return fc.constant("");
  const entries = Object.entries(target.query).map(([key, field]) =>
    fc.option(
      fieldValue(field).map((value) => `${key}=${encodeURIComponent(String(value))}`),
      { freq: 6 },
    ),
  );
  return fc.tuple(...entries).map((parts) => {
    const kept = parts.filter((part) => part !== null);
    return kept.length > 0 ? `?${kept.join("&")}` : "";
  });
}

export function hostileRequests(key: EndpointKey, target: Target): fc.Arbitrary<HostileRequest> {
  const [method, template] = key.split(" ") as [string, string];
  const pathId = target.pathId
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant(String(target.pathId.valid)) },
        { weight: 2, arbitrary: hostilePathId(target.pathId.others) },
      )
    : fc.constant("");
  return fc
    .record({ pathId, query: query(target), body: body(target) })
    .map(({ pathId, query, body }) => ({
      method,
      path: template.replace(":id", pathId) + query,
      ...body,
    }));
}

/** A short description of a request for failure messages (bodies cut short). */
export function describeRequest(request: HostileRequest): string {
  const shown = (value: string) =>
    value.length > 300 ? `${value.slice(0, 300)}… (${value.length} chars)` : value;
  const data =
    request.data === undefined
      ? ""
      : ` ${shown(typeof request.data === "string" ? request.data : request.data.toString("latin1"))}`;
  const parts = request.multipart
    ? ` multipart[${[...request.multipart.text.map(([k, v]) => `${k}=${shown(v)}`), ...request.multipart.files.map(([k, f]) => `${k}:${shown(f.name)} (${f.mimeType}, ${f.buffer.length} B)`)].join(", ")}]`
    : "";
  return `${request.method} ${shown(request.path)} ${JSON.stringify(request.headers)}${data}${parts}`;
}
