import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { removeAttachment } from "@/lib/attachments/change-attachments";
import { attachmentResponse } from "@/lib/attachments/serve";
import { authorize } from "@/lib/auth/policy";

type Params = { id: string };

/** GET /api/v1/attachments/:id[?download=1] → the file itself, to signed-in users. */
export const GET = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "plan:read");
  return attachmentResponse(pathId(params.id), "original", {
    download: req.nextUrl.searchParams.get("download") === "1",
    ifNoneMatch: req.headers.get("if-none-match"),
  });
});

/** DELETE /api/v1/attachments/:id → the entry without it (its author, while it is open). */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  return removeAttachment(user, pathId(params.id));
});
