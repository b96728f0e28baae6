import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { plans } from "@/db/schema";
import type { Reader, Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { validationFailed, type FieldErrors } from "@/lib/errors";
import type { PlanCreateInput } from "./create-schema";
import { resolvePlan } from "./queries";

/** The settings a new plan takes over from another when it is not given its own. */
const DEFAULT_SETTINGS = {
  timeZone: "Asia/Shanghai",
  reportingDay: 25,
  greenMaxGap: 10,
  yellowMaxGap: 30,
};

/**
 * A new year's title: another plan's title with its year replaced ("白杨街道2023年工作计划" →
 * "白杨街道2024年工作计划"), or "2024年工作计划" when there is none or it does not name its year.
 */
export function planTitleFor(year: number, template?: { year: number; title: string }): string {
  if (template && template.title.includes(String(template.year))) {
    return template.title.replaceAll(String(template.year), String(year));
  }
  return `${year}年工作计划`;
}

/** The plan marked current, else the newest (as `getCurrentPlan` picks it), read in `tx`. */
export function currentPlanRow(tx: Reader) {
  return tx
    .select()
    .from(plans)
    .orderBy(desc(plans.isCurrent), desc(plans.year), desc(plans.id))
    .limit(1)
    .get();
}

export type NewPlan = Omit<typeof plans.$inferInsert, "id" | "isCurrent" | "version">;

/**
 * Writes a new plan (never current) with its audit row, inside the caller's transaction; checks
 * the year is free and the period in order. `extra` is recorded with it (e.g. the plan it copies).
 */
export function insertPlan(tx: Tx, actor: Actor, values: NewPlan, extra: object = {}) {
  const fields: FieldErrors = {};
  if (values.startDate > values.endDate) fields.endDate = "validation.periodOrder";
  if (tx.select({ id: plans.id }).from(plans).where(eq(plans.year, values.year)).get()) {
    fields.year = "validation.planYearTaken";
  }
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
  const row = tx
    .insert(plans)
    .values({ ...values, isCurrent: false })
    .returning()
    .get();
  recordAudit(tx, {
    actorId: actor.id,
    action: "create",
    entityType: "plan",
    entityId: row.id,
    after: {
      year: row.year,
      title: row.title,
      startDate: row.startDate,
      endDate: row.endDate,
      timeZone: row.timeZone,
      reportingDay: row.reportingDay,
      greenMaxGap: row.greenMaxGap,
      yellowMaxGap: row.yellowMaxGap,
      ...extra,
    },
  });
  return row.id;
}

/**
 * Creates a year's plan, empty (admins). Left out: the title and settings come from the current
 * plan, the period is the calendar year. It does not become the current plan.
 */
export async function createPlan(actor: Actor, input: PlanCreateInput) {
  authorize(actor, "admin:manage");
  const id = getDb().transaction((tx) => {
    const template = currentPlanRow(tx);
    const settings = template ?? DEFAULT_SETTINGS;
    const greenMaxGap = input.greenMaxGap ?? settings.greenMaxGap;
    const yellowMaxGap = input.yellowMaxGap ?? settings.yellowMaxGap;
    if (greenMaxGap > yellowMaxGap) {
      throw validationFailed({
        [input.greenMaxGap !== undefined ? "greenMaxGap" : "yellowMaxGap"]:
          "validation.thresholdOrder",
      });
    }
    const startDate = input.startDate ?? `${input.year}-01-01`;
    const endDate = input.endDate ?? `${input.year}-12-31`;
    if (startDate > endDate) {
      throw validationFailed({
        [input.endDate !== undefined ? "endDate" : "startDate"]: "validation.periodOrder",
      });
    }
    return insertPlan(tx, actor, {
      year: input.year,
      title: input.title ?? planTitleFor(input.year, template),
      startDate,
      endDate,
      timeZone: input.timeZone ?? settings.timeZone,
      reportingDay: input.reportingDay ?? settings.reportingDay,
      greenMaxGap,
      yellowMaxGap,
    });
  });
  return resolvePlan(id);
}
