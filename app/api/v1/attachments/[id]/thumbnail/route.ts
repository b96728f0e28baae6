import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { attachmentResponse } from "@/lib/attachments/serve";
import { authorize } from "@/lib/auth/policy";

type Params = { id: string };

/** GET /api/v1/attachments/:id/thumbnail → a small upright JPEG of an image attachment. */
export const GET = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "plan:read");
  return attachmentResponse(pathId(params.id), "thumbnail", {
    ifNoneMatch: req.headers.get("if-none-match"),
  });
});
