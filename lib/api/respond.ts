import "server-only";
import { NextResponse } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { BUSY_RETRY_AFTER_SECONDS, busyAsAppError } from "./database-busy";
import { errorBody, type ErrorBody } from "./error-body";

/** The JSON response for any error thrown in a route handler; unexpected ones are logged. */
export async function errorResponse(thrown: unknown): Promise<NextResponse<ErrorBody>> {
  const error = busyAsAppError(thrown);
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
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (status === 503) headers["Retry-After"] = String(BUSY_RETRY_AFTER_SECONDS);
  return NextResponse.json(body, { status, headers });
}
