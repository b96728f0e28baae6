import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { notFound, validationFailed, type FieldErrors } from "@/lib/errors";
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

/** Parses a JSON request body with a schema; a body that is not JSON is a 400 too. */
export async function parseBody<S extends z.ZodType>(
  schema: S,
  req: Request,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await req.json();
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
