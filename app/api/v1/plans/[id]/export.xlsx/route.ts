import { apiRoute } from "@/lib/api/route";
import { pathId } from "@/lib/api/parse";
import { exportPlanXlsx } from "@/lib/imports/tasks-xlsx/export-plan";
import { xlsxResponse } from "@/lib/imports/tasks-xlsx/template";

type Params = { id: string };

/** GET /api/v1/plans/:id/export.xlsx → the plan's live tasks in the task import template. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  const { bytes, fileName } = await exportPlanXlsx(user, pathId(params.id));
  return xlsxResponse(bytes, fileName);
});
