import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { exportPlanXlsx } from "@/lib/imports/tasks-xlsx/export-plan";
import { xlsxResponse } from "@/lib/imports/tasks-xlsx/template";

type Params = { id: string };

/**
 * GET /api/v1/plans/:id/export.xlsx → the plan's live tasks in the task import template (leaders
 * and admins: the file names every owner by login name).
 */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  authorize(user, "plan:edit");
  const { bytes, fileName } = await exportPlanXlsx(user, pathId(params.id));
  return xlsxResponse(bytes, fileName);
});
