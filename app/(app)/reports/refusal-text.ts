import { ApiError } from "@/app/_queries/api-client";

/**
 * What a refused publish, reopen or export says: the API's words for the month or the request
 * (already in the user's language), else its message; `fallback` for anything unexpected.
 */
export function refusalText(error: unknown, fallback: string): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return fallback;
  const field = error.fields.month ?? error.fields._ ?? Object.values(error.fields)[0];
  return field ?? (error.status < 500 ? error.message : fallback);
}
