import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, indicators, projects, units, users } from "@/db/schema";
import type { AuditedEntity } from "./record";

export interface HistoryItem {
  id: number;
  action: string;
  at: string;
  actor: { id: number; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Names of the people, units and projects the values point at, keyed `field:id`. */
  labels: Record<string, string>;
}

/** Fields whose values are ids, and the table that names them. */
const REFERENCE_FIELDS = {
  ownerId: "user",
  leadLeaderId: "user",
  leadUnitId: "unit",
  coUnitIds: "unit",
  projectId: "project",
  // An entry's readings: `{ indicatorId, value }`, named by their indicator.
  readings: "indicator",
} as const;
type ReferenceKind = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];

/** The id a value points at: the value itself, or a reading's indicator. */
const idOf = (value: unknown): number | undefined => {
  if (typeof value === "number") return value;
  const indicatorId = (value as { indicatorId?: unknown } | null)?.indicatorId;
  return typeof indicatorId === "number" ? indicatorId : undefined;
};

/** Looks up, in one query per kind, the names of every id the changes mention. */
function labelsFor(changes: (Record<string, unknown> | null)[]) {
  const ids: Record<ReferenceKind, Set<number>> = {
    user: new Set(),
    unit: new Set(),
    project: new Set(),
    indicator: new Set(),
  };
  for (const change of changes) {
    for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
      for (const value of [change?.[field]].flat()) {
        const id = idOf(value);
        if (id !== undefined) ids[kind].add(id);
      }
    }
  }
  const db = getDb();
  const names: Record<ReferenceKind, Map<number, string>> = {
    user: new Map(
      ids.user.size === 0
        ? []
        : db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(inArray(users.id, [...ids.user]))
            .all()
            .map((r) => [r.id, r.name]),
    ),
    unit: new Map(
      ids.unit.size === 0
        ? []
        : db
            .select({ id: units.id, name: units.name })
            .from(units)
            .where(inArray(units.id, [...ids.unit]))
            .all()
            .map((r) => [r.id, r.name]),
    ),
    project: new Map(
      ids.project.size === 0
        ? []
        : db
            .select({ id: projects.id, name: projects.title })
            .from(projects)
            .where(inArray(projects.id, [...ids.project]))
            .all()
            .map((r) => [r.id, r.name]),
    ),
    indicator: new Map(
      ids.indicator.size === 0
        ? []
        : db
            .select({ id: indicators.id, name: indicators.name })
            .from(indicators)
            .where(inArray(indicators.id, [...ids.indicator]))
            .all()
            .map((r) => [r.id, r.name]),
    ),
  };
  return (change: Record<string, unknown> | null, labels: Record<string, string>) => {
    for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
      for (const value of [change?.[field]].flat()) {
        const id = idOf(value);
        const name = id === undefined ? undefined : names[kind].get(id);
        if (name !== undefined) labels[`${field}:${id}`] = name;
      }
    }
  };
}

const asRecord = (value: unknown) => (value as Record<string, unknown> | null) ?? null;

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
  const label = labelsFor(rows.flatMap((row) => [asRecord(row.before), asRecord(row.after)]));
  return rows.map((row) => {
    const before = asRecord(row.before);
    const after = asRecord(row.after);
    const labels: Record<string, string> = {};
    label(before, labels);
    label(after, labels);
    return {
      id: row.id,
      action: row.action,
      at: row.createdAt.toISOString(),
      actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? "" },
      before,
      after,
      labels,
    };
  });
}

/** The latest change to one thing: who made the version a stale writer did not see. */
export async function lastChange(entityType: AuditedEntity, entityId: number) {
  const [latest] = await listHistory(entityType, entityId, 1);
  return latest ? { actor: latest.actor, at: latest.at } : null;
}
