import "server-only";
import { cache } from "react";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { plans } from "@/db/schema";
import { notFound } from "@/lib/errors";

const planColumns = {
  id: plans.id,
  year: plans.year,
  title: plans.title,
  startDate: plans.startDate,
  endDate: plans.endDate,
  timeZone: plans.timeZone,
  reportingDay: plans.reportingDay,
  greenMaxGap: plans.greenMaxGap,
  yellowMaxGap: plans.yellowMaxGap,
  isCurrent: plans.isCurrent,
  version: plans.version,
};

export type Plan = NonNullable<Awaited<ReturnType<typeof getCurrentPlan>>>;

/** Every plan, newest year first. */
export async function listPlans() {
  return getDb().select(planColumns).from(plans).orderBy(desc(plans.year), desc(plans.id)).all();
}

/**
 * The plan marked current, else the newest one; undefined when there is none. Memoised per
 * request, since the shell and the page both ask for it.
 */
export const getCurrentPlan = cache(async () =>
  getDb()
    .select(planColumns)
    .from(plans)
    .orderBy(desc(plans.isCurrent), desc(plans.year), desc(plans.id))
    .limit(1)
    .get(),
);

/** The given plan, or the current plan when no id is given; undefined when there is none. */
export async function findPlan(planId?: number): Promise<Plan | undefined> {
  return planId === undefined
    ? getCurrentPlan()
    : getDb().select(planColumns).from(plans).where(eq(plans.id, planId)).get();
}

/** The given plan (404 when it does not exist), or the current plan when no id is given. */
export async function resolvePlan(planId?: number): Promise<Plan> {
  const plan = await findPlan(planId);
  if (!plan) throw notFound();
  return plan;
}
