import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { getProject } from "@/lib/projects/queries";
import { projectPatchSchema } from "@/lib/projects/schemas";
import { updateProject } from "@/lib/projects/write";

type Params = { id: string };

/** GET /api/v1/projects/:id → the project. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:read");
  return getProject(pathId(params.id));
});

/** PATCH /api/v1/projects/:id `{ version, … }` → the project with its new version, or 409. */
export const PATCH = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "plan:edit"); // 403 before a word of the body is read
  const id = pathId(params.id);
  return updateProject(user, id, await parseBody(projectPatchSchema, req));
});
