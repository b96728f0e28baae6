import "server-only";
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AppError, type ErrorCode } from "@/lib/errors";

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> } & Record<
    string,
    unknown
  >;
}

/**
 * The one mapping from errors to HTTP: an AppError keeps its status and code, with a message in
 * the caller's language; anything else is logged and answered as a bare 500 without internals.
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

export async function errorResponse(error: unknown): Promise<NextResponse<ErrorBody>> {
  if (!(error instanceof AppError)) console.error("Unhandled error in API route", error);
  const t = await getTranslations({ locale: await getLocale(), namespace: "errors" });
  const { status, body } = errorBody(error, (code) => t(code));
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
