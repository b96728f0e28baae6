import path from "node:path";
import Database from "better-sqlite3";

/**
 * The server's database, opened read-only beside it (WAL lets a reader look while it writes): what
 * the audit log holds is checked where it is kept, since no API serves the whole log.
 */
export function openAuditReader(databaseFile: string) {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  return {
    /** The highest audit row id now: rows written after a request have larger ids. */
    lastId: () => (db.prepare("SELECT max(id) AS id FROM audit_log").get() as { id: number }).id,
    /** Rows after `afterId`, by one actor (every spec's actors are its own: no one else's rows). */
    rowsSince: (afterId: number, actorId: number) =>
      db
        .prepare(
          `SELECT id, action, entity_type AS entityType, entity_id AS entityId FROM audit_log
           WHERE id > ? AND actor_id = ? ORDER BY id`,
        )
        .all(afterId, actorId) as {
        id: number;
        action: string;
        entityType: string;
        entityId: number;
      }[],
    currentPlanId: () =>
      (db.prepare("SELECT id FROM plans WHERE is_current = 1").get() as { id: number }).id,
    planYears: () =>
      new Set(
        (db.prepare("SELECT year FROM plans").all() as { year: number }[]).map((r) => r.year),
      ),
    close: () => db.close(),
  };
}
export type AuditReader = ReturnType<typeof openAuditReader>;

/** The suite's shared database (playwright.config.ts puts it there). */
export const sharedDatabaseFile = () => path.join(process.env.E2E_DATA_DIR!, "e2e.db");
