import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { reviewEntry } from "@/lib/reviews/review-entry";
import { reviewSchema } from "@/lib/reviews/schemas";

type Params = { id: string };

/** POST /api/v1/entries/:id/review `{ decision: approve | return, reason?, version? }` → the entry. */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  return reviewEntry(user, id, await parseBody(reviewSchema, req));
});
