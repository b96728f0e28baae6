import { z } from "zod";
import { calendarDateValue, idParam } from "@/lib/validation";

/** `GET /api/v1/dashboard` and the dashboard page's URL: the plan (current by default) and the as-of date. */
export const dashboardQuerySchema = z.object({
  planId: idParam.optional(),
  asOf: calendarDateValue.optional(),
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;
