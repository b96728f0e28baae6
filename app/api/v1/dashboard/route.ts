import { apiRoute } from "@/lib/api/route";
import { parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { getDashboard } from "@/lib/dashboard/queries";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";

/** GET /api/v1/dashboard?planId&asOf → the plan, its projects, units, trend and lists as of a date. */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:read");
  return getDashboard(await parseSearchParams(dashboardQuerySchema, req.nextUrl));
});
