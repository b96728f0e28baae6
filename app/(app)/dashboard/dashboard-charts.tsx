"use client";

import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import type { Dashboard } from "@/lib/dashboard/queries";
import { LIGHTS } from "@/lib/progress";
import { formatPercent } from "@/lib/format";
import { ChartFigure } from "./chart-figure";

// The drawings load after the page is usable: recharts is most of the dashboard's JavaScript, and
// each chart's figures are already in its table. Their boxes keep their height meanwhile.
const ProgressDrawing = dynamic(
  () => import("./dashboard-drawings").then((m) => m.ProgressDrawing),
  { ssr: false },
);
const LightsDrawing = dynamic(() => import("./dashboard-drawings").then((m) => m.LightsDrawing), {
  ssr: false,
});
const TrendDrawing = dynamic(() => import("./dashboard-drawings").then((m) => m.TrendDrawing), {
  ssr: false,
});
const OnTimeDrawing = dynamic(() => import("./dashboard-drawings").then((m) => m.OnTimeDrawing), {
  ssr: false,
});

/** A theme's short name: the words before "：" (讲政治：… → 讲政治), for the chart's axis. */
const shortTitle = (title: string) => title.split(/[：:]/)[0]!.slice(0, 8);

/** 图表: progress by theme, lights by theme, the monthly trend and each unit's on-time share. */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const t = useTranslations("dashboard.charts");
  const tLight = useTranslations("light");
  const projects = dashboard.projects.map((p) => ({ ...p, short: shortTitle(p.title) }));
  const format = useFormatter();
  // A unit with nothing due has no share: drawn as 0 % it would look like a unit that never
  // reports. It is left out of the chart (the table lists it with "—") and named in a note.
  const units = dashboard.units.flatMap((u) =>
    u.onTime.share === null ? [] : [{ ...u, share: u.onTime.share }],
  );
  const nothingDue = dashboard.units.filter((u) => u.onTime.share === null).map((u) => u.name);
  const barHeight = (count: number) => Math.max(160, count * 34 + 60);

  return (
    <section aria-labelledby="charts-title" className="flex flex-col gap-3">
      <h2 id="charts-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartFigure
          title={t("progress.title")}
          caption={t("progress.caption")}
          columns={[t("project"), t("progressSeries"), t("timeSeries")]}
          rows={dashboard.projects.map((p) => ({
            key: p.id,
            cells: [p.title, formatPercent(p.progress), formatPercent(p.timeProgress)],
          }))}
          height={barHeight(projects.length * 1.6)}
          testId="chart-progress"
        >
          <ProgressDrawing projects={projects} />
        </ChartFigure>

        <ChartFigure
          title={t("lights.title")}
          caption={t("lights.caption")}
          columns={[t("project"), ...LIGHTS.map((l) => tLight(l))]}
          rows={dashboard.projects.map((p) => ({
            key: p.id,
            cells: [p.title, ...LIGHTS.map((l) => p.lights[l])],
          }))}
          height={barHeight(projects.length)}
          testId="chart-lights"
        >
          <LightsDrawing projects={projects} />
        </ChartFigure>

        <ChartFigure
          title={t("trend.title")}
          caption={t("trend.caption")}
          columns={[t("date"), t("progressSeries"), t("timeSeries")]}
          rows={dashboard.trend.map((point) => ({
            key: point.date,
            cells: [point.date, formatPercent(point.progress), formatPercent(point.timeProgress)],
          }))}
          height={240}
          testId="chart-trend"
        >
          <TrendDrawing trend={dashboard.trend} />
        </ChartFigure>

        <ChartFigure
          title={t("onTime.title")}
          caption={t("onTime.caption")}
          columns={[t("unit"), t("onTime.share"), t("onTime.reported")]}
          rows={dashboard.units.map((u) => ({
            key: u.id,
            cells: [
              u.name,
              u.onTime.share === null ? t("none") : formatPercent(u.onTime.share),
              t("onTime.ratio", { reported: u.onTime.reported, expected: u.onTime.expected }),
            ],
          }))}
          height={barHeight(units.length * 0.8)}
          testId="chart-on-time"
          note={
            nothingDue.length > 0
              ? t("onTime.nothingDue", { units: format.list(nothingDue, { type: "conjunction" }) })
              : undefined
          }
        >
          <OnTimeDrawing units={units} />
        </ChartFigure>
      </div>
    </section>
  );
}
