import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { listPlanProjects } from "@/lib/projects/queries";
import { idParam } from "@/lib/validation";

const querySchema = z.object({ planId: idParam.optional() });

/** GET /api/v1/projects?planId= → the plan's projects with task counts (default: current plan). */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:read");
  const { planId } = await parseSearchParams(querySchema, req.nextUrl);
  return { items: await listPlanProjects(planId) };
});
