import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { readPlanTextRequest } from "@/lib/imports/plan-text-source";
import { previewPlanText } from "@/lib/imports/preview";

/**
 * POST /api/v1/imports/plan-text/preview (admins) → the themes, tasks and indicators the importer
 * finds in a work plan: JSON `{ text }`, or multipart with a .txt or .docx in `file`. No write.
 */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  return previewPlanText(user, await readPlanTextRequest(req));
});
