import "server-only";
import { dataVersion } from "./data-version";

/**
 * Results of read-only computations, kept while the database is unchanged: any write (in this
 * process or another) changes `dataVersion` and empties the cache, so a cached answer is always
 * the one the database would give now. Bounded: the oldest entries go first.
 */
const MAX_ENTRIES = 200;
let version = "";
const entries = new Map<string, unknown>();

export function memoized<T>(key: string, compute: () => T): T {
  const now = dataVersion();
  if (now !== version) {
    entries.clear();
    version = now;
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  // A computation that wrote something (it should not) would make its own result stale at once.
  if (dataVersion() !== now) return value;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
  return value;
}
