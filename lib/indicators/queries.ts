import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicators } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** One indicator (archived ones too), as the API shows it. */
export async function getIndicator(id: number) {
  const row = getDb().select().from(indicators).where(eq(indicators.id, id)).get();
  if (!row) throw notFound();
  return {
    id: row.id,
    taskId: row.taskId,
    position: row.position,
    name: row.name,
    unit: row.measureUnit,
    baseline: row.baseline,
    target: row.target,
    direction: row.direction,
    decimals: row.decimals,
    weight: row.weight,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

export type Indicator = Awaited<ReturnType<typeof getIndicator>>;
