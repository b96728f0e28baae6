import "server-only";
import { getSqlite } from "@/db/client";

/**
 * What the database holds, as a token that changes whenever it changes: rows this process's
 * connection has changed (`total_changes()`), and commits by any other connection (PRAGMA
 * data_version, e.g. a restore or a script). Reading both is one cheap statement.
 */
export function dataVersion(): string {
  const sqlite = getSqlite();
  const changes = sqlite.prepare("SELECT total_changes() AS n").get() as { n: number };
  const external = sqlite.pragma("data_version", { simple: true }) as number;
  return `${changes.n}:${external}`;
}
