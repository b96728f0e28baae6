import { validationFailed } from "@/lib/errors";

/** A plan's period: the dates an as-of date may take. */
export interface PlanPeriod {
  startDate: string;
  endDate: string;
}

/** Whether `asOf` (a `YYYY-MM-DD` calendar date) falls within the plan's period, both ends included. */
export function isAsOfWithinPlan(plan: PlanPeriod, asOf: string): boolean {
  return asOf >= plan.startDate && asOf <= plan.endDate;
}

/**
 * Refuses an as-of date outside the plan's period with a 400 on `asOf`. Figures before the plan
 * starts or after it ends mean nothing, and an unbounded date would let one request run the
 * trend's month-by-month queries for centuries.
 */
export function assertAsOfWithinPlan(plan: PlanPeriod, asOf: string): void {
  if (!isAsOfWithinPlan(plan, asOf)) {
    throw validationFailed({ asOf: "validation.asOfOutsidePlan" });
  }
}
