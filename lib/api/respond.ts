import "server-only";
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";

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
export async function errorResponse(error: unknown): Promise<NextResponse<ErrorBody>> {
  const appError = error instanceof AppError ? error : new AppError("internal");
  if (!(error instanceof AppError)) console.error("Unhandled error in API route", error);
  const t = await getTranslations({ locale: await getLocale(), namespace: "errors" });
  const body: ErrorBody = {
    error: {
      ...appError.details,
      code: appError.code,
      message: t(appError.code),
      ...(appError.fields ? { fields: appError.fields } : {}),
    },
  };
  return NextResponse.json(body, {
    status: appError.status,
    headers: { "Cache-Control": "no-store" },
  });
}
