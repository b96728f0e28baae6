"use client";

import { useTranslations } from "next-intl";
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

/**
 * The dashboard's four drawings (recharts). Loaded after the page is usable (dashboard-charts.tsx,
 * next/dynamic): recharts is 124 kB gzip, and the figures are in each chart's table anyway.
 */

const COLOR = {
  progress: "var(--color-primary)",
  time: "var(--color-muted-foreground)",
  green: "var(--color-light-green)",
  yellow: "var(--color-light-yellow)",
  red: "var(--color-light-red)",
  blue: "var(--color-light-blue)",
};

/** The API's fractions drawn on a 0–100 axis; labels still come from formatPercent. */
const percentAxis = { domain: [0, 1] as [number, number], tickFormatter: formatPercent };
const tick = { fontSize: 11 };
// Series in the order drawn, named in the text colour (a yellow name on white is hard to read).
const legend = {
  wrapperStyle: { fontSize: 12 },
  itemSorter: null,
  formatter: (value: string) => <span className="text-foreground">{value}</span>,
};
const percentTooltip = (value: unknown) => formatPercent(Number(value));

/** A theme with its short name for the axis. */
export type ChartProject = Dashboard["projects"][number] & { short: string };
/** A unit with something due, and its on-time share. */
export type ChartUnit = Dashboard["units"][number] & { share: number };

export function ProgressDrawing({ projects }: { projects: ChartProject[] }) {
  const t = useTranslations("dashboard.charts");
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={projects} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" {...percentAxis} tick={tick} />
        <YAxis type="category" dataKey="short" width={64} tick={tick} />
        <Tooltip formatter={percentTooltip} labelFormatter={(_, p) => p?.[0]?.payload?.title} />
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
  );
}

export function LightsDrawing({ projects }: { projects: ChartProject[] }) {
  const tLight = useTranslations("light");
  return (
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
  );
}

export function TrendDrawing({ trend }: { trend: Dashboard["trend"] }) {
  const t = useTranslations("dashboard.charts");
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={trend} margin={{ top: 8, left: 0, right: 16 }}>
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
  );
}

export function OnTimeDrawing({ units }: { units: ChartUnit[] }) {
  const t = useTranslations("dashboard.charts");
  return (
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
  );
}
