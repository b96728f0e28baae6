import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { parseBody } from "@/lib/api/parse";
import { approveEntries } from "@/lib/reviews/review-entry";
import { bulkApproveSchema } from "@/lib/reviews/schemas";

/** POST /api/v1/reviews/approve `{ ids }` → `{ approved }`: all approved, or none (409). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "entry:review"); // 403 before a word of the body is read
  const { ids } = await parseBody(bulkApproveSchema, req);
  return approveEntries(user, ids);
});
