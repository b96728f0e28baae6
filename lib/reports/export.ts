import "server-only";
import { reportFileName } from "./cells";
import { REPORT_CONTENT_TYPES } from "./content-types";
import { reportCsv } from "./export-csv";
import { reportDocx } from "./export-docx";
import { reportXlsxStream } from "./export-xlsx";
import type { ReportFormat } from "./schemas";
import type { MonthlyReport } from "./types";

export interface ReportFile {
  body: Uint8Array;
  contentType: string;
  /** "白杨街道2023年11月重点工作推进情况.xlsx". */
  fileName: string;
}

/** A report file as it is sent: the xlsx streamed while it is written, docx and csv whole. */
export interface ReportDownload extends Omit<ReportFile, "body"> {
  body: Uint8Array | ReadableStream<Uint8Array>;
}

/**
 * A report for download, every format from the same report. The xlsx is streamed: a district's
 * plan has thousands of rows, and the workbook is never held whole in memory (issue #9).
 */
export async function reportDownload(
  report: MonthlyReport,
  format: Exclude<ReportFormat, "json">,
): Promise<ReportDownload> {
  const body =
    format === "xlsx"
      ? reportXlsxStream(report)
      : format === "docx"
        ? await reportDocx(report)
        : new TextEncoder().encode(reportCsv(report));
  return {
    body,
    contentType: REPORT_CONTENT_TYPES[format],
    fileName: reportFileName(report, format),
  };
}

/** A report as a file, whole (the xlsx's stream collected). */
export async function reportFile(
  report: MonthlyReport,
  format: Exclude<ReportFormat, "json">,
): Promise<ReportFile> {
  const { body, ...file } = await reportDownload(report, format);
  const bytes =
    body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
  return { ...file, body: bytes };
}
