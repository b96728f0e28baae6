import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { getIndicator } from "@/lib/indicators/queries";
import { indicatorDeleteSchema, indicatorPatchSchema } from "@/lib/indicators/schemas";
import { removeIndicator, updateIndicator } from "@/lib/indicators/update-indicator";

type Params = { id: string };

/** GET /api/v1/indicators/:id → the indicator. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:read");
  return getIndicator(pathId(params.id));
});

/** PATCH /api/v1/indicators/:id `{ version, … }` → the indicator with its new version, or 409. */
export const PATCH = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "plan:edit"); // 403 before a word of the body is read
  const id = pathId(params.id);
  return updateIndicator(user, id, await parseBody(indicatorPatchSchema, req));
});

/** DELETE /api/v1/indicators/:id?version= → archived when it has readings, else deleted. */
export const DELETE = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "plan:edit"); // 403 before the query is read
  const id = pathId(params.id);
  const { version } = await parseSearchParams(indicatorDeleteSchema, req.nextUrl);
  return removeIndicator(user, id, version);
});
