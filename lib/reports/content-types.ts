import { CSV_CONTENT_TYPE, DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from "@/lib/api/content-types";

/** The types the report files are sent as (and documented as). */
export const REPORT_CONTENT_TYPES = {
  xlsx: XLSX_CONTENT_TYPE,
  docx: DOCX_CONTENT_TYPE,
  csv: CSV_CONTENT_TYPE,
} as const;
