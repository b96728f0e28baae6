import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { parseBody, pathId } from "@/lib/api/parse";
import { reviewEntry } from "@/lib/reviews/review-entry";
import { reviewSchema } from "@/lib/reviews/schemas";

type Params = { id: string };

/** POST /api/v1/entries/:id/review `{ decision: approve | return, reason?, version? }` → the entry. */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "entry:review"); // 403 before a word of the body is read
  const id = pathId(params.id);
  return reviewEntry(user, id, await parseBody(reviewSchema, req));
});
