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

/** Parses a JSON request body with a schema; a body that is not JSON is a 400 too. */
export async function parseBody<S extends z.ZodType>(
  schema: S,
  req: Request,
): Promise<z.output<S>> {
  const bytes = await readLimited(req, MAX_JSON_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    const t = await getTranslations();
    throw validationFailed({ _: t("validation.invalidJson") });
  }
  return parseInput(schema, body);
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
  let body: unknown;
  try {
    body = JSON.parse(String(form.get("data") ?? ""));
  } catch {
    const t = await getTranslations();
    throw validationFailed({ data: t("validation.invalidJson") });
  }
  return { data: await parseInput(schema, body), files: filesOf(form) };
}

/** The files of a multipart body (under `files`); anything else is a 415. */
export async function parseFiles(req: Request): Promise<File[]> {
  if (!isMultipart(req)) throw new AppError("unsupported_media_type");
  return filesOf(await readForm(req));
}
