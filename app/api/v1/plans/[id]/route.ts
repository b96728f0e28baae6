import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { resolvePlan } from "@/lib/plans/queries";
import { updatePlanSettings } from "@/lib/plans/settings";
import { planSettingsSchema } from "@/lib/plans/settings-schema";

type Params = { id: string };

/** GET /api/v1/plans/:id → the plan with its settings. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:read");
  return resolvePlan(pathId(params.id));
});

/**
 * PATCH /api/v1/plans/:id `{ version, title?, startDate?, endDate?, timeZone?, reportingDay?,
 * greenMaxGap?, yellowMaxGap? }` → the plan (leaders and admins).
 */
export const PATCH = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "plan:edit"); // 403 before a word of the body is read
  const id = pathId(params.id);
  return updatePlanSettings(user, id, await parseBody(planSettingsSchema, req));
});
