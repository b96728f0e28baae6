import { AppError } from "@/lib/errors";

/** How long a client is asked to wait (Retry-After, seconds) when the database was busy. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * SQLite's busy handler already retries inside the server for the busy timeout (5 s, db/client.ts);
 * a SQLITE_BUSY or SQLITE_LOCKED that still escapes means another process (a CLI, a restore check)
 * held the lock longer. The client is told to try again (503 busy), never given a 500.
 */
export function busyAsAppError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code)
    ? new AppError("busy")
    : error;
}
