import { parseBody } from "@/lib/api/parse";
import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { reopenMonth } from "@/lib/reports/publish";
import { reopenSchema } from "@/lib/reports/schemas";

/** POST /api/v1/reports/monthly/reopen `{ planId, month, reason }` → the month's live report (admins). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "report:reopen");
  return reopenMonth(user, await parseBody(reopenSchema, req));
});
