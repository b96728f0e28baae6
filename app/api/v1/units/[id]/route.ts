import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { updateUnit } from "@/lib/units/admin";
import { unitPatchSchema } from "@/lib/units/schemas";

type Params = { id: string };

/**
 * PATCH /api/v1/units/:id `{ name?, type?, archived? }` → the unit, with `warnings` when this
 * call archived a unit that still has active people or leads open tasks (admins).
 */
export const PATCH = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "admin:manage");
  const id = pathId(params.id);
  return updateUnit(user, id, await parseBody(unitPatchSchema, req));
});
