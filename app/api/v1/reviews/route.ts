import { apiRoute } from "@/lib/api/route";
import { parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { listReviews } from "@/lib/reviews/queries";
import { reviewQuerySchema } from "@/lib/reviews/schemas";

/** GET /api/v1/reviews?status=pending&scope=mine|all → `{ items }`: the review queue (leaders). */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "entry:review"); // 403 before the query is read
  return listReviews(user, await parseSearchParams(reviewQuerySchema, req.nextUrl));
});
