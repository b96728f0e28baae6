"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Dashboard } from "@/lib/dashboard/queries";
import { LIGHTS } from "@/lib/progress";
import { formatPercent } from "@/lib/format";
import { ChartFigure } from "./chart-figure";

const COLOR = {
  progress: "var(--color-primary)",
  time: "var(--color-muted-foreground)",
  green: "var(--color-light-green)",
  yellow: "var(--color-light-yellow)",
  red: "var(--color-light-red)",
  blue: "var(--color-light-blue)",
};

/** A theme's short name: the words before "：" (讲政治：… → 讲政治), for the chart's axis. */
const shortTitle = (title: string) => title.split(/[：:]/)[0]!.slice(0, 8);
/** The API's fractions drawn on a 0–100 axis; labels still come from formatPercent. */
const percentAxis = { domain: [0, 1] as [number, number], tickFormatter: formatPercent };
const tick = { fontSize: 11 };
// Series in the order drawn, named in the text colour (a yellow name on white is hard to read).
const legend = {
  wrapperStyle: { fontSize: 12 },
  itemSorter: null,
  formatter: (value: string) => <span className="text-foreground">{value}</span>,
};

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
  const percentTooltip = (value: unknown) => formatPercent(Number(value));

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
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={projects} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" {...percentAxis} tick={tick} />
              <YAxis type="category" dataKey="short" width={64} tick={tick} />
              <Tooltip
                formatter={percentTooltip}
                labelFormatter={(_, p) => p?.[0]?.payload?.title}
              />
              <Legend {...legend} />
              <Bar
                dataKey="progress"
                name={t("progressSeries")}
                fill={COLOR.progress}
                isAnimationActive={false}
              />
              <Bar
                dataKey="timeProgress"
                name={t("timeSeries")}
                fill={COLOR.time}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
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
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={projects.map((p) => ({ short: p.short, title: p.title, ...p.lights }))}
              layout="vertical"
              margin={{ left: 8, right: 16 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={tick} />
              <YAxis type="category" dataKey="short" width={64} tick={tick} />
              <Tooltip labelFormatter={(_, p) => p?.[0]?.payload?.title} />
              <Legend {...legend} />
              {LIGHTS.map((light) => (
                <Bar
                  key={light}
                  dataKey={light}
                  name={tLight(light)}
                  stackId="lights"
                  fill={COLOR[light]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
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
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={dashboard.trend} margin={{ top: 8, left: 0, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} tick={tick} />
              <YAxis {...percentAxis} width={44} tick={tick} />
              <Tooltip formatter={percentTooltip} />
              <Legend {...legend} />
              <Line
                dataKey="progress"
                name={t("progressSeries")}
                stroke={COLOR.progress}
                strokeWidth={2}
                isAnimationActive={false}
              />
              <Line
                dataKey="timeProgress"
                name={t("timeSeries")}
                stroke={COLOR.time}
                strokeDasharray="4 4"
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
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
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={units} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" {...percentAxis} tick={tick} />
              <YAxis type="category" dataKey="name" width={112} tick={tick} interval={0} />
              <Tooltip formatter={percentTooltip} />
              <Bar
                dataKey="share"
                name={t("onTime.share")}
                fill={COLOR.green}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </div>
    </section>
  );
}
