import { apiRoute } from "@/lib/api/route";
import { parseSearchParams } from "@/lib/api/parse";
import { listReviews } from "@/lib/reviews/queries";
import { reviewQuerySchema } from "@/lib/reviews/schemas";

/** GET /api/v1/reviews?status=pending&scope=mine|all → `{ items }`: the review queue (leaders). */
export const GET = apiRoute(async ({ req, user }) => {
  return listReviews(user, await parseSearchParams(reviewQuerySchema, req.nextUrl));
});
