import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/entries/rules";
import { AppError, notFound, validationFailed, type FieldErrors } from "@/lib/errors";
import { idParam } from "@/lib/validation";

/** Zod's own messages, in the caller's language. */
async function localeErrorMap() {
  return (await getLocale()) === "en" ? z.locales.en().localeError : z.locales.zhCN().localeError;
}

/**
 * Parses input with a schema, or throws a 400 naming each bad field. A schema's own message may be
 * a key of the `validation` messages (e.g. "validation.invalidId"), shown in the caller's language;
 * other messages are zod's, already localised.
 */
export async function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Promise<z.output<S>> {
  const result = schema.safeParse(input, { error: await localeErrorMap() });
  if (result.success) return result.data;
  const t = await getTranslations();
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    // An unknown key is named as the field it is, not as the object holding it.
    const path =
      issue.code === "unrecognized_keys" ? [...issue.path, issue.keys.join(",")] : issue.path;
    const key = path.length > 0 ? path.join(".") : "_";
    fields[key] ??= issue.message.startsWith("validation.") ? t(issue.message) : issue.message;
  }
  throw validationFailed(fields);
}

/** Parses a URL's query string (each key once) with a schema. */
export function parseSearchParams<S extends z.ZodType>(schema: S, url: URL): Promise<z.output<S>> {
  return parseInput(schema, Object.fromEntries(url.searchParams));
}

/** A JSON body larger than this is no form anyone filled in (413). */
const MAX_JSON_BYTES = 1024 * 1024;

/** Multipart bodies may carry a whole entry's evidence; beyond this they are refused (413). */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024;

/** The body's bytes, counted as they arrive: past `max` it is a 413, Content-Length or not. */
async function readLimited(req: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers.get("content-length") ?? "0") > max) {
    throw new AppError("payload_too_large");
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Whether a request says its body is JSON (`application/json` or `application/…+json`), in UTF-8
 * if it names a charset. Forms, text and XML are refused (415) unread: they are not what the API
 * speaks, and a page of another site can post them without the browser asking first.
 */
export function isJsonRequest(req: Request): boolean {
  const [type = "", ...params] = (req.headers.get("content-type") ?? "")
    .toLowerCase()
    .split(";")
    .map((part) => part.trim());
  if (type !== "application/json" && !/^application\/[a-z0-9.-]+\+json$/.test(type)) return false;
  return params.every(
    (param) => !param.startsWith("charset=") || param.replace(/"/g, "") === "charset=utf-8",
  );
}

const unstorable = (text: string) => text.includes("\u0000") || !text.isWellFormed();

/**
 * The path of the first string in a parsed JSON value that no column should hold: a NUL (it ends
 * text in C and breaks the XML of every export) or a lone surrogate (half a character, which UTF-8
 * cannot store: it would come back as �). Walked with a stack of its own, as JSON nests deeper
 * than the call stack goes.
 */
export function unstorableTextPath(value: unknown): string[] | null {
  // Each node keeps its parent, not its whole path: a path copied per level is quadratic.
  type Node = { value: unknown; key: string; parent: Node | null };
  const pathOf = (node: Node | null, last?: string) => {
    const path = last === undefined ? [] : [last];
    for (let at = node; at?.parent; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Node[] = [{ value, key: "", parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === "string") {
      if (unstorable(node.value)) return pathOf(node);
    } else if (node.value !== null && typeof node.value === "object") {
      for (const [key, child] of Object.entries(node.value)) {
        // A key is text too: `{"\u0000": 1}` is as unstorable as a value.
        if (unstorable(key)) return pathOf(node, "_");
        stack.push({ value: child, key, parent: node });
      }
    }
  }
  return null;
}

/** Parses JSON text (already a string) with a schema: not JSON, or unstorable text, is a 400. */
async function parseJsonText<S extends z.ZodType>(
  schema: S,
  text: string,
  field: string,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const t = await getTranslations();
    throw validationFailed({ [field]: t("validation.invalidJson") });
  }
  const bad = unstorableTextPath(body);
  if (bad) {
    const t = await getTranslations();
    const path = field === "_" ? bad : [field, ...bad];
    throw validationFailed({
      [path.length > 0 ? path.join(".") : "_"]: t("validation.invalidText"),
    });
  }
  return parseInput(schema, body);
}

/**
 * Parses a JSON request body with a schema: a body that does not say it is JSON is a 415; one
 * that is not UTF-8 JSON, or holds unstorable text, a 400.
 */
export async function parseBody<S extends z.ZodType>(
  schema: S,
  req: Request,
): Promise<z.output<S>> {
  if (!isJsonRequest(req)) throw new AppError("unsupported_media_type");
  const bytes = await readLimited(req, MAX_JSON_BYTES);
  let text: string;
  try {
    // Invalid UTF-8 is not JSON (RFC 8259), not text to store with � in it.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const t = await getTranslations();
    throw validationFailed({ _: t("validation.invalidJson") });
  }
  return parseJsonText(schema, text, "_");
}

/** An id in a URL path: anything but a well-formed id names nothing, so 404. */
export function pathId(value: string): number {
  const result = idParam.safeParse(value);
  if (!result.success) throw notFound();
  return result.data;
}

const isMultipart = (req: Request) =>
  (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/** Reads a multipart body: its form, refused whole (413) when larger than the upload limit. */
async function readForm(req: Request): Promise<FormData> {
  const bytes = await readLimited(req, MAX_UPLOAD_REQUEST_BYTES);
  try {
    return await new Response(bytes, {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    const t = await getTranslations();
    throw validationFailed({ _: t("validation.invalidForm") });
  }
}

const filesOf = (form: FormData) =>
  form.getAll("files").filter((value): value is File => typeof value !== "string");

/**
 * Parses a body that is either JSON, or multipart with the JSON in a `data` field and files in
 * `files` fields: a write and its files arrive together, so both land or neither.
 */
export async function parseBodyWithFiles<S extends z.ZodType>(
  schema: S,
  req: Request,
): Promise<{ data: z.output<S>; files: File[] }> {
  if (!isMultipart(req)) return { data: await parseBody(schema, req), files: [] };
  const form = await readForm(req);
  const data = await parseJsonText(schema, String(form.get("data") ?? ""), "data");
  return { data, files: filesOf(form) };
}

/** The files of a multipart body (under `files`); anything else is a 415. */
export async function parseFiles(req: Request): Promise<File[]> {
  if (!isMultipart(req)) throw new AppError("unsupported_media_type");
  return filesOf(await readForm(req));
}
