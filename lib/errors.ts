/**
 * The one error family. Domain code throws these; `lib/api/respond.ts` turns them into
 * `{ "error": { "code", "message", "fields"? } }` with the matching HTTP status.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A state-changing API call sent by another site's page (Origin / Sec-Fetch-Site). */
  forbidden_origin: 403,
  /** The user must set a new password (one-time password) before anything else. */
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  /** A change to a month whose report is published (定稿), or to an earlier one. */
  month_published: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The database stayed locked by another process (a backup, a CLI) past the busy timeout. */
  busy: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → message, in the user's language. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldErrors,
    /** Extra JSON for the client, e.g. the current record on a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const unauthorized = () => new AppError("unauthorized");
export const forbidden = () => new AppError("forbidden");
export const notFound = () => new AppError("not_found");
export const validationFailed = (fields: FieldErrors) => new AppError("validation_failed", fields);
/** A write based on a stale version: `details` carries what the writer did not see. */
export const conflict = (details: Record<string, unknown>) =>
  new AppError("conflict", undefined, details);
