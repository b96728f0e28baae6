import type { ReportFormat } from "@/lib/reports/schemas";

/** A report's parameters, as the pages' URLs and `GET /api/v1/reports/monthly` take them. */
export interface ReportUrlParams {
  planId?: number;
  month?: string;
  projectId?: number;
  unitId?: number;
}

/** `?planId=…&month=…` with only the parameters given (and a format, for a file); "" for none. */
export function reportSearch(params: ReportUrlParams, format?: ReportFormat): string {
  const search = new URLSearchParams();
  for (const key of ["planId", "month", "projectId", "unitId"] as const) {
    const value = params[key];
    if (value !== undefined) search.set(key, String(value));
  }
  if (format) search.set("format", format);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** `/reports?planId=…&month=…` (or the print view's) with only the parameters given. */
export function reportHref(path: "/reports" | "/reports/print", params: ReportUrlParams): string {
  return `${path}${reportSearch(params)}`;
}
