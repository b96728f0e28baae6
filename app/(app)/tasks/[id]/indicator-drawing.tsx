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
import type { indicatorSeries } from "@/lib/entries/series";
import { formatFigure } from "@/lib/format";

/** A day number back to `YYYY-MM-DD` (the chart's axis counts days). */
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * One indicator's drawing (recharts): its readings against the target and the pace line. Loaded
 * after the page is usable (indicator-charts.tsx, next/dynamic); the figures are in its table.
 */
export function IndicatorDrawing({
  indicator,
  readings,
  pace,
}: {
  indicator: IndicatorFigure;
} & ReturnType<typeof indicatorSeries>) {
  const t = useTranslations("charts");
  const figure = (value: number) => formatFigure(value, indicator.decimals);
  const values = [indicator.baseline, indicator.target, ...readings.map((p) => p.value)];
  const domain = [Math.min(...values), Math.max(...values)];
  return (
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
  );
}
