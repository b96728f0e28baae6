import { AppError, type ErrorCode } from "@/lib/errors";

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> } & Record<
    string,
    unknown
  >;
}

/**
 * The one mapping from errors to HTTP: an AppError keeps its status and code, with a message in
 * the caller's language; anything else becomes a bare 500 that shows no internals.
 */
export function errorBody(
  error: unknown,
  translate: (code: ErrorCode) => string,
): { status: number; body: ErrorBody } {
  const appError = error instanceof AppError ? error : new AppError("internal");
  return {
    status: appError.status,
    body: {
      error: {
        ...appError.details,
        code: appError.code,
        message: translate(appError.code),
        ...(appError.fields ? { fields: appError.fields } : {}),
      },
    },
  };
}
