"use client";

import { useTranslations } from "next-intl";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { IndicatorFigure } from "@/lib/tasks/figures";
import { indicatorSeries, type TimelineEntry } from "@/lib/entries/series";
import { formatFigure } from "@/lib/format";

/** A day number back to `YYYY-MM-DD` (the chart's axis counts days). */
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

function IndicatorChart({
  indicator,
  task,
  entries,
}: {
  indicator: IndicatorFigure;
  task: { startDate: string; dueDate: string };
  entries: readonly TimelineEntry[];
}) {
  const t = useTranslations("charts");
  const { readings, pace } = indicatorSeries(indicator, task, entries);
  const figure = (value: number) => formatFigure(value, indicator.decimals);
  const values = [indicator.baseline, indicator.target, ...readings.map((p) => p.value)];
  const domain = [Math.min(...values), Math.max(...values)];
  return (
    <figure
      className="flex min-w-0 flex-col gap-1"
      data-testid="indicator-chart"
      data-indicator={indicator.name}
      data-points={readings.length}
    >
      <figcaption className="text-sm font-medium">
        {indicator.name}（{indicator.unit}）
      </figcaption>
      <div className="h-52 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis
              type="number"
              dataKey="day"
              domain={[pace[0]!.day, pace[1]!.day]}
              tickFormatter={(day: number) => dateOf(day).slice(5)}
              tick={{ fontSize: 11 }}
              allowDuplicatedCategory={false}
            />
            <YAxis
              domain={domain}
              allowDecimals={indicator.decimals > 0}
              tickFormatter={(value: number) => figure(value)}
              tick={{ fontSize: 11 }}
              width={48}
            />
            <Tooltip
              labelFormatter={(day) => dateOf(Number(day))}
              formatter={(value) => `${figure(Number(value))} ${indicator.unit}`}
            />
            <ReferenceLine
              y={indicator.target}
              stroke="var(--color-light-blue)"
              strokeDasharray="6 3"
              label={{ value: t("target"), position: "insideTopLeft", fontSize: 11 }}
            />
            <Line
              data={pace}
              dataKey="value"
              name={t("pace")}
              stroke="var(--color-muted-foreground)"
              strokeDasharray="4 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              data={readings}
              dataKey="value"
              name={t("readings")}
              stroke="var(--color-primary)"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {/* The same figures for screen readers, and for anyone who wants the numbers. */}
      <div className="sr-only">
        <table>
          <caption>{t("tableCaption", { name: indicator.name })}</caption>
          <thead>
            <tr>
              <th>{t("date")}</th>
              <th>{t("value")}</th>
            </tr>
          </thead>
          <tbody>
            {readings.map((point) => (
              <tr key={point.date} data-testid="chart-point">
                <td>{point.date}</td>
                <td>
                  {figure(point.value)} {indicator.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted-foreground">
        {t("legend", {
          target: `${figure(indicator.target)} ${indicator.unit}`,
          start: task.startDate,
          due: task.dueDate,
        })}
      </p>
    </figure>
  );
}

/** 进展趋势: each indicator's readings over time against its target and the pace line. */
export function IndicatorCharts({
  indicators,
  task,
  entries,
}: {
  indicators: IndicatorFigure[];
  task: { startDate: string; dueDate: string };
  entries: readonly TimelineEntry[];
}) {
  const t = useTranslations("charts");
  if (indicators.length === 0) return null;
  return (
    <section aria-label={t("title")} className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <div className="grid gap-4 md:grid-cols-2">
        {indicators.map((indicator) => (
          <IndicatorChart key={indicator.id} indicator={indicator} task={task} entries={entries} />
        ))}
      </div>
    </section>
  );
}
