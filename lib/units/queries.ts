import "server-only";
import { asc, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { units } from "@/db/schema";

/** Live units in their display order: the choices for lead and co-units. */
export async function listUnits() {
  return getDb()
    .select({ id: units.id, name: units.name, type: units.type })
    .from(units)
    .where(isNull(units.archivedAt))
    .orderBy(asc(units.position), asc(units.id))
    .all();
}
