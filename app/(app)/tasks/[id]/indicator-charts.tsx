"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import type { IndicatorFigure } from "@/lib/tasks/figures";
import { indicatorSeries, type TimelineEntry } from "@/lib/entries/series";
import { formatFigure } from "@/lib/format";

// The drawing loads after the page is usable: recharts is most of the task page's JavaScript, and
// the figures are already in the table below it. Its box keeps its height meanwhile.
const IndicatorDrawing = dynamic(
  () => import("./indicator-drawing").then((m) => m.IndicatorDrawing),
  { ssr: false },
);

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
        <IndicatorDrawing indicator={indicator} readings={readings} pace={pace} />
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
