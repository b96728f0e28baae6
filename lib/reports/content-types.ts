import { XLSX_CONTENT_TYPE } from "@/lib/imports/tasks-xlsx/template";

/** The types the report files are sent as (and documented as). */
export const REPORT_CONTENT_TYPES = {
  xlsx: XLSX_CONTENT_TYPE,
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
} as const;
