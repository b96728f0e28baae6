import { downloadResponse, streamedDownloadResponse } from "@/lib/api/download";
import { parseSearchParams } from "@/lib/api/parse";
import { apiRoute } from "@/lib/api/route";
import { authorize } from "@/lib/auth/policy";
import { reportDownload } from "@/lib/reports/export";
import { getMonthlyReport } from "@/lib/reports/monthly-report";
import { reportQuerySchema } from "@/lib/reports/schemas";

/**
 * GET /api/v1/reports/monthly?planId&month&projectId&unitId&format=json|xlsx|docx|csv → the
 * month's report (月报) as JSON, or as a file named for the office and month (the xlsx streamed
 * while it is written, so without a Content-Length).
 */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:read");
  const { format, ...query } = await parseSearchParams(reportQuerySchema, req.nextUrl);
  const report = await getMonthlyReport(query);
  if (format === "json") return report;
  const { body, fileName, contentType } = await reportDownload(report, format);
  return body instanceof Uint8Array
    ? downloadResponse(body, fileName, contentType)
    : streamedDownloadResponse(body, fileName, contentType);
});
