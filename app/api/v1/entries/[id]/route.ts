import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { authorizeEntryAuthor } from "@/lib/entries/authorize-author";
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
  const id = pathId(params.id);
  authorizeEntryAuthor(user, id); // 403 before a word of the body is read
  return updateEntry(user, id, await parseBody(entryPatchSchema, req));
});

/** DELETE /api/v1/entries/:id?version= → the entry, withdrawn (it stays in the history). */
export const DELETE = apiRoute<Params>(async ({ req, user, params }) => {
  const id = pathId(params.id);
  authorizeEntryAuthor(user, id); // 403 before the query is read
  const { version } = await parseSearchParams(entryWithdrawSchema, req.nextUrl);
  return withdrawEntry(user, id, version);
});
