/**
 * The report's table as every export and the page show it: the columns in the government layout,
 * and each cell's text. One definition, so Excel, Word, CSV and the screen always agree.
 */
import { formatFigure, formatPercent } from "@/lib/format";
import type { Light } from "@/lib/progress";
import type {
  MonthlyReport,
  ReportFilters,
  ReportIndicator,
  ReportRow,
  ReportSummary,
} from "./types";

export const LIGHT_LABELS: Record<Light, string> = {
  green: "绿灯",
  yellow: "黄灯",
  red: "红灯",
  blue: "蓝灯",
};

/** Fill colours of the light cells (ARGB without alpha), readable with black text when printed. */
export const LIGHT_COLOURS: Record<Light, string> = {
  green: "C6EFCE",
  yellow: "FFEB9C",
  red: "FFC7CE",
  blue: "BDD7EE",
};

/** What the documents say when every task due to report this month has. */
export const ALL_REPORTED = "本月各项任务均已按期填报进展。";

/** "新增公共停车位：目标120个 / 累计80个" (累计 "—" before any reading). */
export function indicatorText(indicator: ReportIndicator): string {
  const figure = (value: number) => `${formatFigure(value, indicator.decimals)}${indicator.unit}`;
  const current = indicator.current === null ? "—" : figure(indicator.current);
  return `${indicator.name}：目标${figure(indicator.target)} / 累计${current}`;
}

export const REPORT_COLUMNS = [
  { key: "number", header: "序号", width: 6 },
  { key: "title", header: "工作任务", width: 36 },
  { key: "leadUnit", header: "牵头单位", width: 14 },
  { key: "owner", header: "责任人", width: 10 },
  { key: "dueDate", header: "完成时限", width: 12 },
  { key: "indicators", header: "指标（目标 / 累计）", width: 34 },
  { key: "progress", header: "完成率", width: 9 },
  { key: "monthProgress", header: "本月进展", width: 40 },
  { key: "problems", header: "存在问题", width: 24 },
  { key: "nextSteps", header: "下步计划", width: 24 },
  { key: "light", header: "亮灯", width: 8 },
  { key: "urgeCount", header: "催办次数", width: 9 },
] as const;

export type ReportColumnKey = (typeof REPORT_COLUMNS)[number]["key"];

/** A cell as text (numbers too: the layout is a document, and CSV and Word need text anyway). */
export function cellText(row: ReportRow, key: ReportColumnKey): string {
  switch (key) {
    case "number":
      return String(row.number);
    case "title":
      return row.title;
    case "leadUnit":
      return row.leadUnitName;
    case "owner":
      return row.ownerName;
    case "dueDate":
      return row.dueDate;
    case "indicators":
      return row.indicators.map(indicatorText).join("\n");
    case "progress":
      return formatPercent(row.progress);
    case "monthProgress":
      return row.monthProgress;
    case "problems":
      return row.problems;
    case "nextSteps":
      return row.nextSteps;
    case "light":
      return LIGHT_LABELS[row.light];
    case "urgeCount":
      return String(row.urgeCount);
  }
}

/** The summary as label/value pairs, in the order of the summary sheet and table. */
export function summaryLines(summary: ReportSummary): [string, string][] {
  return [
    ["重点任务", `${summary.taskCount}项`],
    ["已完成", `${summary.completed}项`],
    ["序时推进", `${summary.onPace}项`],
    ["滞后", `${summary.behind}项`],
    ["尚未启动", `${summary.notStarted}项`],
    ["整体任务进度", formatPercent(summary.progress)],
    ["序时进度", formatPercent(summary.timeProgress)],
    ["绿灯", `${summary.lights.green}项`],
    ["黄灯", `${summary.lights.yellow}项`],
    ["红灯", `${summary.lights.red}项`],
    ["蓝灯（已完成）", `${summary.lights.blue}项`],
    ["已逾期", `${summary.overdue}项`],
    ["本月未按期填报", `${summary.notReported}项`],
  ];
}

/** "2023-12-01 09:30": an instant on the office's clock. */
export function officeTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** "已定稿：陆文博，2023-12-01 09:30", the line every document shows for a published report. */
export function publishedLine(
  published: NonNullable<MonthlyReport["published"]>,
  timeZone: string,
): string {
  return `已定稿：${published.byName}，${officeTime(published.at, timeZone)}`;
}

/** "筛选范围：工作板块：抓经济…；单位：党政办公室（牵头或配合）", or undefined for the whole report. */
export function scopeText(filters: ReportFilters): string | undefined {
  const parts = [
    filters.projectTitle && `工作板块：${filters.projectTitle}`,
    filters.unitName && `单位：${filters.unitName}（牵头或配合）`,
  ].filter(Boolean);
  return parts.length ? `筛选范围：${parts.join("；")}` : undefined;
}

/** A file's name: the report's title, and its scope when filtered ("…推进情况（抓经济…）.xlsx"). */
export function reportFileName(report: Pick<MonthlyReport, "title" | "filters">, ext: string) {
  const scope = [report.filters.projectTitle, report.filters.unitName].filter(Boolean).join("·");
  return `${report.title}${scope ? `（${scope}）` : ""}.${ext}`;
}
