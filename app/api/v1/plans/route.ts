import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { listPlans } from "@/lib/plans/queries";

/** GET /api/v1/plans → every plan, newest first. */
export const GET = apiRoute(async ({ user }) => {
  authorize(user, "plan:read");
  const plans = await listPlans();
  return {
    items: plans.map(({ id, year, title, startDate, endDate }) => ({
      id,
      year,
      title,
      startDate,
      endDate,
    })),
  };
});
