import "server-only";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { findPlan, type Plan } from "@/lib/plans/queries";
import { getMonthlyReport } from "@/lib/reports/monthly-report";
import { reportQuerySchema } from "@/lib/reports/schemas";
import type { MonthlyReport } from "@/lib/reports/types";

const KEYS = ["planId", "month", "projectId", "unitId"] as const;
type Key = (typeof KEYS)[number];

/** What the report pages asked for (the URL's parameters that held), and the report itself. */
export interface LoadedReport {
  plan: Plan;
  report: MonthlyReport;
  /** The parameters in the URL that were used (a bad one is dropped): what filters and exports keep. */
  params: { planId?: number; month?: string; projectId?: number; unitId?: number };
  /** Why a parameter was dropped, in the user's language (shown in an Alert, not a crash). */
  problems: string[];
}

/**
 * The report pages' URL read as `GET /api/v1/reports/monthly` reads it. Where the API would answer
 * 400, the page drops the bad parameter, says why, and shows the report without it (a stale
 * bookmark still opens); an unknown plan is a 404.
 */
export async function loadReport(
  input: Record<string, string | string[] | undefined>,
): Promise<LoadedReport | null> {
  const t = await getTranslations();
  const say = (message: string) =>
    message.startsWith("validation.") ? t(message as "validation.required") : message;
  const raw: Partial<Record<Key, string>> = {};
  for (const key of KEYS) {
    const value = input[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) raw[key] = first;
  }
  const problems: string[] = [];
  let parsed = reportQuerySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(say(issue.message));
      delete raw[issue.path[0] as Key];
    }
    parsed = reportQuerySchema.safeParse(raw);
  }
  const data = parsed.success ? parsed.data : reportQuerySchema.parse({});
  const { planId, month, projectId, unitId } = data;
  const query: LoadedReport["params"] = { planId, month, projectId, unitId };

  const plan = await findPlan(query.planId);
  if (!plan) {
    if (query.planId !== undefined) notFound();
    return null;
  }
  // A month outside the plan, or a project of another plan: said, then the report without it.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const report = await getMonthlyReport(query);
      return { plan, report, params: query, problems };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "not_found") notFound();
      const fields = Object.entries(error.fields ?? {}).filter(([field]) =>
        (KEYS as readonly string[]).includes(field),
      );
      if (error.code !== "validation_failed" || fields.length === 0 || attempt > 1) throw error;
      for (const [field, message] of fields) {
        problems.push(say(message));
        delete query[field as Key];
      }
    }
  }
}
