import { parseBody } from "@/lib/api/parse";
import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { publishMonth } from "@/lib/reports/publish";
import { publishSchema } from "@/lib/reports/schemas";

/** POST /api/v1/reports/monthly/publish `{ planId, month, narrative? }` → the published report (leaders). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "report:publish");
  return publishMonth(user, await parseBody(publishSchema, req));
});
