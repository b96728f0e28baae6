import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authorize, can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { isAsOfWithinPlan } from "@/lib/dashboard/as-of-bounds";
import { getDashboard } from "@/lib/dashboard/queries";
import { dashboardQuerySchema, type DashboardQuery } from "@/lib/dashboard/schemas";
import { listInstructionsBy } from "@/lib/instructions/queries";
import { findPlan, listPlans } from "@/lib/plans/queries";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { AsOfForm } from "./as-of-form";
import { DashboardView } from "./dashboard-view";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/** The URL's plan and date; a bad value is dropped (an old bookmark still opens), not a 400. */
function readQuery(input: Record<string, string | string[] | undefined>): DashboardQuery {
  const raw: Record<string, string> = {};
  for (const key of ["planId", "asOf"] as const) {
    const value = input[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) raw[key] = first;
  }
  const parsed = dashboardQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return dashboardQuerySchema.safeParse(raw).data ?? {};
}

/**
 * 领导驾驶舱: where the plan stands as of a date, rendered on the server from the same figures as
 * `GET /api/v1/dashboard`, then kept fresh in the browser (an urge updates its list at once).
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const t = await getTranslations("dashboard");
  const query = readQuery(await searchParams);
  const plan = await findPlan(query.planId);
  if (!plan) {
    if (query.planId !== undefined) notFound();
    return <Alert>{(await getTranslations("home"))("noPlan")}</Alert>;
  }
  // A date outside the plan's period (say, kept when another plan is picked) falls back to the default.
  if (query.asOf !== undefined && !isAsOfWithinPlan(plan, query.asOf)) delete query.asOf;

  const canInstruct = can(user, "task:instruct");
  const [dashboard, plans, instructions] = await Promise.all([
    getDashboard(query),
    listPlans(),
    canInstruct ? listInstructionsBy(user) : Promise.resolve(null),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted-foreground" data-testid="dashboard-scope">
            {t("scope", { plan: dashboard.plan.title, asOf: dashboard.asOf })}
          </p>
        </div>
        {can(user, "plan:edit") && (
          <Button asChild variant="outline" size="sm">
            <Link href={`/plan/settings?planId=${dashboard.planId}`}>{t("settingsLink")}</Link>
          </Button>
        )}
      </div>
      <AsOfForm
        plans={plans.map((p) => ({ id: p.id, title: p.title }))}
        planId={dashboard.planId}
        asOf={dashboard.asOf}
        startDate={dashboard.plan.startDate}
        endDate={dashboard.plan.endDate}
      />
      <DashboardView
        planId={query.planId}
        asOf={query.asOf}
        initialData={dashboard}
        canUrge={can(user, "task:urge")}
        instructions={instructions}
      />
    </div>
  );
}
