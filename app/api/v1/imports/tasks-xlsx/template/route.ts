import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import {
  TEMPLATE_FILE_NAME,
  templateWorkbook,
  xlsxResponse,
} from "@/lib/imports/tasks-xlsx/template";

/** GET /api/v1/imports/tasks-xlsx/template → the empty task import template (.xlsx; admins). */
export const GET = apiRoute(async ({ user }) => {
  authorize(user, "admin:manage");
  return xlsxResponse(await templateWorkbook(), TEMPLATE_FILE_NAME);
});
