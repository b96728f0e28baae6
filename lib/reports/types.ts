import type { Light } from "@/lib/progress";

/** An indicator of a task in a report: its target and its cumulative value at the report date. */
export interface ReportIndicator {
  name: string;
  unit: string;
  decimals: number;
  target: number;
  /** The latest counting reading on or before the report date (累计), or null before any. */
  current: number | null;
}

/** A task's line in a month's report. */
export interface ReportRow {
  taskId: number;
  projectId: number;
  /** 序号 within its project, in the plan's order (renumbered when the report is filtered). */
  number: number;
  title: string;
  leadUnitId: number;
  leadUnitName: string;
  coUnitIds: number[];
  ownerId: number;
  ownerName: string;
  startDate: string;
  dueDate: string;
  weight: number;
  indicators: ReportIndicator[];
  /** 完成率: the task's progress 0–1 at the report date. */
  progress: number;
  timeProgress: number;
  light: Light;
  completed: boolean;
  overdue: boolean;
  /** No counting entry dated in the month though the task was due to report in it. */
  notReported: boolean;
  /** 本月进展: the month's counting entries' notes, in date order (dated when more than one). */
  monthProgress: string;
  /** 存在问题: the problems of the month's counting entries, in date order, each once. */
  problems: string;
  /** 下步计划: the next steps of the month's latest counting entry that names any. */
  nextSteps: string;
  /** 催办次数: urges sent up to the end of the report date. */
  urgeCount: number;
}

export interface ReportProject {
  id: number;
  title: string;
  taskCount: number;
  progress: number;
  timeProgress: number;
}

export interface ReportSummary {
  taskCount: number;
  completed: number;
  /** 序时推进: open, green, with some progress. */
  onPace: number;
  /** 滞后: open with a yellow or red light, with or without progress. */
  behind: number;
  /** 尚未启动: open, green, with no progress yet at the report date. */
  notStarted: number;
  overdue: number;
  notReported: number;
  /** Weighted by task weight, as everywhere else. */
  progress: number;
  timeProgress: number;
  lights: Record<Light, number>;
}

/** An owner who has not reported this month, with their unreported tasks (under their lead unit). */
export interface NotReportedOwner {
  unitId: number;
  unitName: string;
  ownerId: number;
  ownerName: string;
  tasks: { id: number; title: string }[];
}

export interface ReportFilters {
  projectId?: number;
  /** Named for the documents' scope line and file name. */
  projectTitle?: string;
  /** A unit that leads the task or works on it as a co-unit. */
  unitId?: number;
  unitName?: string;
}

/** 月报: a plan's month as of its last day. A published one is served from its snapshot. */
export interface MonthlyReport {
  planId: number;
  planTitle: string;
  /** The office's time zone: times (such as when it was published) are shown on its clock. */
  timeZone: string;
  month: string;
  asOf: string;
  /** False while the month is still under way (as of today; it cannot be published yet). */
  complete: boolean;
  /** "白杨街道2023年11月重点工作推进情况": the documents' title and file name. */
  title: string;
  filters: ReportFilters;
  summary: ReportSummary;
  narrative: string;
  projects: ReportProject[];
  rows: ReportRow[];
  notReported: NotReportedOwner[];
  published?: { at: string; byId: number; byName: string };
}
