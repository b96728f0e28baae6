/** The types of the files the API sends and takes (pure constants: the OpenAPI document uses them). */
export const XLSX_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
