/** The report pages' parameters, as they travel in a URL. */
export interface ReportUrlParams {
  planId?: number;
  month?: string;
  projectId?: number;
  unitId?: number;
}

/** `/reports?planId=…&month=…` (or the print view's) with only the parameters given. */
export function reportHref(path: "/reports" | "/reports/print", params: ReportUrlParams): string {
  const search = new URLSearchParams();
  for (const key of ["planId", "month", "projectId", "unitId"] as const) {
    const value = params[key];
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
