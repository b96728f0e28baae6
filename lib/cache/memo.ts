import "server-only";
import { dataVersion } from "./data-version";

/**
 * Results of read-only computations, kept while the database is unchanged: any write (in this
 * process or another) changes `dataVersion` and empties the cache, so a cached answer is always
 * the one the database would give now. Bounded, as a report of a large plan is megabytes: the
 * oldest entries go first. Callers must not mutate what they get back.
 */
const MAX_ENTRIES = 32;
let version = "";
let bypass = false;
const entries = new Map<string, unknown>();

export function memoized<T>(key: string, compute: () => T): T {
  if (bypass) return compute();
  const now = dataVersion();
  if (now !== version) {
    entries.clear();
    version = now;
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  // A computation that wrote something (none should) would make its own result stale at once.
  if (dataVersion() !== now) return value;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
  return value;
}

/** Empties the cache (tests that count the work behind a cold request). */
export function clearMemo(): void {
  entries.clear();
  version = "";
}

/** Runs `fn` with the cache off: what a request costs with nothing remembered (the benchmark's limit). */
export async function withoutMemo<T>(fn: () => Promise<T> | T): Promise<T> {
  bypass = true;
  try {
    return await fn();
  } finally {
    bypass = false;
  }
}
