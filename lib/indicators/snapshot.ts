import "server-only";
import { eq } from "drizzle-orm";
import { indicators } from "@/db/schema";
import type { Tx } from "@/db/transaction";

/** An indicator as the audit log records it. */
export function indicatorSnapshot(tx: Tx, id: number) {
  const row = tx.select().from(indicators).where(eq(indicators.id, id)).get();
  if (!row) return undefined;
  return {
    taskId: row.taskId,
    version: row.version,
    archived: row.archivedAt !== null,
    fields: {
      name: row.name,
      unit: row.measureUnit,
      baseline: row.baseline,
      target: row.target,
      direction: row.direction,
      decimals: row.decimals,
      weight: row.weight,
      position: row.position,
    },
  };
}
