/** An error answer of our API: `{ error: { code, message, fields?, …details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Fetches JSON from our API, sending a body as JSON (or a FormData as multipart); any answer that
 * is not 2xx becomes an ApiError.
 */
export async function apiFetch<T>(path: string, init?: { method?: string; body?: unknown }) {
  const form = init?.body instanceof FormData ? init.body : null;
  const json = init?.body !== undefined && !form;
  const response = await fetch(path, {
    method: init?.method ?? "GET",
    headers: json ? { "Content-Type": "application/json" } : undefined,
    body: form ?? (json ? JSON.stringify(init!.body) : undefined),
    cache: "no-store",
  });
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: Record<string, string> };
  } | null;
  if (!response.ok) {
    const {
      code = "internal",
      message = response.statusText,
      fields,
      ...details
    } = body?.error ?? {};
    throw new ApiError(response.status, code, message, fields, details);
  }
  return body as T;
}

/** Who made the newer version a stale write ran into (from a 409's details). */
export function conflictInfo(error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  // A 409 with a reason is a record closed to changes (e.g. a reviewed entry), not a newer version.
  if (error.details.reason) return null;
  const changedBy = error.details.changedBy as { name: string } | null | undefined;
  const changedAt = error.details.changedAt as string | null | undefined;
  return { current: error.details.current, name: changedBy?.name ?? null, at: changedAt ?? null };
}

/**
 * After a failed save: puts the API's field messages on the form's own fields and returns what
 * the form as a whole should say — null for a stale write (ConflictAlert shows it) or when every problem
 * landed on a field; the API's message for other refusals; `fallback` for anything else.
 */
export function applyApiErrors(
  error: unknown,
  isField: (name: string) => boolean,
  setFieldError: (name: string, message: string) => void,
  fallback: string,
): string | null {
  if (!(error instanceof ApiError)) return fallback;
  if (conflictInfo(error)) return null;
  let named = false;
  for (const [field, message] of Object.entries(error.fields)) {
    if (!isField(field)) continue;
    setFieldError(field, message);
    named = true;
  }
  if (named) return null;
  // "_" names the request as a whole (e.g. a body that is not JSON): its message says more.
  return error.fields._ ?? (error.status < 500 ? error.message : fallback);
}
