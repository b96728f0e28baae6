import "server-only";
import { and, eq, gte, max } from "drizzle-orm";
import { monthSnapshots } from "@/db/schema";
import type { Reader } from "@/db/transaction";
import { AppError } from "@/lib/errors";

/**
 * The latest published (定稿) month of a plan, or null. Everything dated in it or earlier is
 * frozen: a later month's report was built on it, so an earlier month cannot change either.
 */
export function frozenThrough(tx: Reader, planId: number): string | null {
  return (
    tx
      .select({ month: max(monthSnapshots.month) })
      .from(monthSnapshots)
      .where(eq(monthSnapshots.planId, planId))
      .get()?.month ?? null
  );
}

/** Whether a date falls in a published month of the plan, or before one. */
export function isDateFrozen(tx: Reader, planId: number, date: string): boolean {
  return (
    tx
      .select({ id: monthSnapshots.id })
      .from(monthSnapshots)
      .where(and(eq(monthSnapshots.planId, planId), gte(monthSnapshots.month, date.slice(0, 7))))
      .get() !== undefined
  );
}

/** 409 `month_published` (该月已定稿); `field` names where the date came from. */
export const monthPublished = (field: "date" | "_" = "date") =>
  new AppError(
    "month_published",
    { [field]: field === "date" ? "validation.monthPublished" : "validation.entryPublished" },
    { reason: "published" },
  );

/** Throws `month_published` when an entry dated `date` would change a published month. */
export function assertDateOpen(tx: Reader, planId: number, date: string): void {
  if (isDateFrozen(tx, planId, date)) throw monthPublished();
}
