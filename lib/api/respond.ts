import "server-only";
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { errorBody, type ErrorBody } from "./error-body";

/** The JSON response for any error thrown in a route handler; unexpected ones are logged. */
export async function errorResponse(error: unknown): Promise<NextResponse<ErrorBody>> {
  if (!(error instanceof AppError)) console.error("Unhandled error in API route", error);
  const t = await getTranslations({ locale: await getLocale(), namespace: "errors" });
  const { status, body } = errorBody(error, (code) => t(code));
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
