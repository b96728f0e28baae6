import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DashboardPlan } from "@/lib/dashboard/queries";
import { formatPercent } from "@/lib/format";
import { ProgressBar } from "@/app/_components/progress-bar";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { LightTiles } from "./light-tiles";
import { taskListHref, type ListKey, LIST_FILTERS } from "./links";

/**
 * 时间过半、任务过半: the plan's progress against the year elapsed and against its tasks' time
 * progress, said in one sentence, then its lights and the counts that need a push.
 */
export function PlanSummary({
  plan,
  scope,
}: {
  plan: DashboardPlan;
  scope: { asOf: string; planId?: number };
}) {
  const t = useTranslations("dashboard.summary");
  const tLists = useTranslations("dashboard.lists");
  const counts: Record<Exclude<ListKey, "red">, number> = {
    overdue: plan.overdue,
    dueSoon: plan.dueSoon,
    notReported: plan.notReported,
  };
  return (
    <Card role="region" aria-labelledby="plan-summary-title" data-testid="plan-summary">
      <CardHeader>
        <CardTitle id="plan-summary-title">{t("title")}</CardTitle>
        <p className="text-base" data-testid="plan-sentence">
          {t("sentence", {
            asOf: scope.asOf,
            period: formatPercent(plan.periodProgress),
            progress: formatPercent(plan.progress),
            time: formatPercent(plan.timeProgress),
          })}{" "}
          <strong className={plan.progress >= plan.timeProgress ? "" : "text-light-red"}>
            {plan.progress >= plan.timeProgress ? t("onPace") : t("behindPace")}
          </strong>
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid gap-3 sm:grid-cols-3">
          {(
            [
              ["progress", plan.progress],
              ["timeProgress", plan.timeProgress],
              ["periodProgress", plan.periodProgress],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="flex flex-col gap-1">
              <dt className="text-sm text-muted-foreground">{t(key)}</dt>
              <dd data-testid={`plan-${key}`}>
                <ProgressBar value={value} label={t(key)} />
              </dd>
            </div>
          ))}
        </dl>
        <LightTiles lights={plan.lights} scope={scope} />
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <li className="text-muted-foreground">{t("taskCount", { count: plan.taskCount })}</li>
          {(Object.keys(counts) as (keyof typeof counts)[]).map((key) => (
            <li key={key}>
              <Link
                href={taskListHref(scope, LIST_FILTERS[key])}
                aria-label={tLists("countLabel", {
                  list: tLists(`${key}.title`),
                  count: counts[key],
                })}
                className="text-primary underline-offset-4 hover:underline"
              >
                {tLists(`${key}.title`)}{" "}
                <span className="font-semibold tabular-nums" data-testid={`plan-count-${key}`}>
                  {counts[key]}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
