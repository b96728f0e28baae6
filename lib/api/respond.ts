import "server-only";
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { errorBody, type ErrorBody } from "./error-body";

/** The JSON response for any error thrown in a route handler; unexpected ones are logged. */
export async function errorResponse(error: unknown): Promise<NextResponse<ErrorBody>> {
  if (!(error instanceof AppError)) console.error("Unhandled error in API route", error);
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "errors" });
  const { status, body } = errorBody(error, (code) => t(code));
  // Domain code names field problems by message key; say them in the caller's language.
  const fields = body.error.fields;
  if (fields) {
    const tv = await getTranslations({ locale });
    for (const [field, message] of Object.entries(fields)) {
      if (message.startsWith("validation.")) fields[field] = tv(message);
    }
  }
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
