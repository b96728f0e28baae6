import "server-only";
import { auditLog } from "@/db/schema";
import type { Tx } from "@/db/transaction";

export const AUDITED_ENTITIES = [
  "project",
  "task",
  "indicator",
  "entry",
  "instruction",
  "urge",
  "plan",
  "unit",
  "user",
  "report",
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

export interface AuditEntry {
  actorId: number;
  action:
    | "create"
    | "update"
    | "archive"
    | "restore"
    | "delete"
    | "status"
    | "move"
    | "withdraw"
    | "evidence"
    | "review"
    | "answer"
    | "publish"
    | "reopen";
  entityType: AuditedEntity;
  entityId: number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Records a change; call it inside the transaction that makes the change, so both land or neither. */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

/** The fields whose values differ between two snapshots, with only those fields kept. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    b[key] = before[key];
    a[key] = after[key];
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
