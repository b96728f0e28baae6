import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { getEntry } from "@/lib/entries/queries";
import { entryPatchSchema, entryWithdrawSchema } from "@/lib/entries/schemas";
import { updateEntry, withdrawEntry } from "@/lib/entries/update-entry";

type Params = { id: string };

/** GET /api/v1/entries/:id → the entry. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:read");
  return getEntry(pathId(params.id), user);
});

/** PATCH /api/v1/entries/:id `{ version, … }` → the entry, or 409 when stale or closed. */
export const PATCH = apiRoute<Params>(async ({ req, user, params }) => {
  return updateEntry(user, pathId(params.id), await parseBody(entryPatchSchema, req));
});

/** DELETE /api/v1/entries/:id?version= → the entry, withdrawn (it stays in the history). */
export const DELETE = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  const { version } = await parseSearchParams(entryWithdrawSchema, req.nextUrl);
  return withdrawEntry(user, id, version);
});
