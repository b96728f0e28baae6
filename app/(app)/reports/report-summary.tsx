import { useTranslations } from "next-intl";
import { formatPercent } from "@/lib/format";
import { LIGHTS } from "@/lib/progress";
import type { ReportSummary as Summary } from "@/lib/reports/types";
import { LightBadge } from "@/app/_components/light-badge";
import { ProgressBar } from "@/app/_components/progress-bar";

const COUNTS = [
  "taskCount",
  "completed",
  "onPace",
  "behind",
  "notStarted",
  "overdue",
  "notReported",
] as const;

/** 概况: the counts, plan progress against time progress, and the lights. */
export function ReportSummary({ summary }: { summary: Summary }) {
  const t = useTranslations("reports.summary");
  return (
    <section
      aria-label={t("label")}
      data-testid="report-summary"
      className="flex flex-col gap-4 rounded-lg border bg-card p-4"
    >
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {COUNTS.map((key) => (
          <div key={key} className="rounded-md bg-muted/60 px-3 py-2">
            <dt className="text-xs text-muted-foreground">{t(key)}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`summary-${key}`}>
              {t("count", { count: summary[key] })}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium">{t("progress")}</p>
          <ProgressBar
            value={summary.progress}
            time={summary.timeProgress}
            label={t("progressLabel")}
          />
          <p className="text-xs text-muted-foreground" data-testid="summary-timeProgress">
            {t("timeProgress", { time: formatPercent(summary.timeProgress) })}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium">{t("lights")}</p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {LIGHTS.map((light) => (
              <li
                key={light}
                className="flex items-center gap-1"
                data-testid={`summary-light-${light}`}
              >
                <LightBadge light={light} />
                <span className="text-sm font-semibold tabular-nums">
                  {t("count", { count: summary.lights[light] })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
