import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { AuditedEntity } from "./record";

export interface HistoryItem {
  id: number;
  action: string;
  at: string;
  actor: { id: number; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every recorded change to one thing, newest first: who, when, what before and what after. */
export async function listHistory(
  entityType: AuditedEntity,
  entityId: number,
  limit = -1,
): Promise<HistoryItem[]> {
  const rows = getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      createdAt: auditLog.createdAt,
      actorId: users.id,
      actorName: users.displayName,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    at: row.createdAt.toISOString(),
    actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? "" },
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
  }));
}

/** The latest change to one thing: who made the version a stale writer did not see. */
export async function lastChange(entityType: AuditedEntity, entityId: number) {
  const [latest] = await listHistory(entityType, entityId, 1);
  return latest ? { actor: latest.actor, at: latest.at } : null;
}
