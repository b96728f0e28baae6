import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { parseBody } from "@/lib/api/parse";
import { approveEntries } from "@/lib/reviews/review-entry";
import { bulkApproveSchema } from "@/lib/reviews/schemas";

/**
 * POST /api/v1/reviews/approve `{ items: [{ id, version }] }` → `{ approved }`: all approved, or
 * none (409: some are no longer pending, or changed since the leader saw them).
 */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "entry:review"); // 403 before a word of the body is read
  const { items } = await parseBody(bulkApproveSchema, req);
  return approveEntries(user, items);
});
