import "server-only";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { findPlan, type Plan } from "@/lib/plans/queries";
import { getMonthlyReport, reportMonths } from "@/lib/reports/monthly-report";
import { reportQuerySchema } from "@/lib/reports/schemas";
import type { MonthlyReport } from "@/lib/reports/types";
import type { ReportUrlParams } from "./report-url";

const KEYS = ["planId", "month", "projectId", "unitId"] as const;
type Key = (typeof KEYS)[number];

/** What the report pages asked for (the URL's parameters that held), and the report itself. */
interface LoadedReport {
  plan: Plan;
  /** The report; null while the plan has not begun (it has no month to report on yet). */
  report: MonthlyReport | null;
  /** The parameters in the URL that were used (a bad one is dropped): what filters and exports keep. */
  params: ReportUrlParams;
  /** Why a parameter was dropped, in the user's language, each once (shown in an Alert). */
  problems: string[];
}

/**
 * The report pages' URL read as `GET /api/v1/reports/monthly` reads it. Where the API would answer
 * 400 (a month outside the plan, a project of another plan, a unit that does not exist), the page
 * drops the bad parameter, says why, and shows the report without it (a stale bookmark still
 * opens); an unknown plan is a 404. A plan that has not begun (next year's, made current in
 * December) has no report yet: `report` is null and the page says so.
 */
export async function loadReport(
  input: Record<string, string | string[] | undefined>,
): Promise<LoadedReport | null> {
  const t = await getTranslations();
  const problems: string[] = [];
  const say = (message: string) => {
    const text = message.startsWith("validation.") ? t(message as "validation.required") : message;
    if (!problems.includes(text)) problems.push(text);
  };

  const raw: Partial<Record<Key, string>> = {};
  for (const key of KEYS) {
    const value = input[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) raw[key] = first;
  }
  let parsed = reportQuerySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      say(issue.message);
      delete raw[issue.path[0] as Key];
    }
    parsed = reportQuerySchema.safeParse(raw);
  }
  const data = parsed.success ? parsed.data : reportQuerySchema.parse({});
  const { planId, month, projectId, unitId } = data;
  const query: ReportUrlParams = { planId, month, projectId, unitId };

  const plan = await findPlan(query.planId);
  if (!plan) {
    if (query.planId !== undefined) notFound();
    return null;
  }
  // Not begun: no month has a report (the API would answer 400 on month whatever is asked).
  if (reportMonths(plan).length === 0) {
    return { plan, report: null, params: { planId: query.planId }, problems };
  }
  // A bad parameter is said and dropped, then the report is asked for again without it; each
  // round drops at least one parameter, and a refusal naming none still in the query is thrown.
  for (;;) {
    try {
      const report = await getMonthlyReport(query);
      return { plan, report, params: query, problems };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "not_found") notFound();
      if (error.code !== "validation_failed") throw error;
      const dropped = Object.entries(error.fields ?? {}).filter(
        ([field]) =>
          (KEYS as readonly string[]).includes(field) && query[field as Key] !== undefined,
      );
      if (dropped.length === 0) throw error;
      for (const [field, message] of dropped) {
        say(message);
        delete query[field as Key];
      }
    }
  }
}
