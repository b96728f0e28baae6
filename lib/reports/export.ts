import "server-only";
import { reportFileName } from "./cells";
import { REPORT_CONTENT_TYPES } from "./content-types";
import { reportCsv } from "./export-csv";
import { reportDocx } from "./export-docx";
import { reportXlsx } from "./export-xlsx";
import type { ReportFormat } from "./schemas";
import type { MonthlyReport } from "./types";

export interface ReportFile {
  body: Uint8Array;
  contentType: string;
  /** "白杨街道2023年11月重点工作推进情况.xlsx". */
  fileName: string;
}

/** A report as a file, every format from the same report. */
export async function reportFile(
  report: MonthlyReport,
  format: Exclude<ReportFormat, "json">,
): Promise<ReportFile> {
  const body =
    format === "xlsx"
      ? await reportXlsx(report)
      : format === "docx"
        ? await reportDocx(report)
        : new TextEncoder().encode(reportCsv(report));
  return {
    body,
    contentType: REPORT_CONTENT_TYPES[format],
    fileName: reportFileName(report, format),
  };
}
