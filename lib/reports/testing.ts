/**
 * Test fixtures shared by the report tests (lib/reports/*.test.ts); not a test file and not used
 * by the product: report rows and whole reports built by hand, and the demo plan's November.
 */
import { afterAll, beforeAll } from "vitest";
import { seedDemo } from "@/db/seed/seed-demo";
import { resolvePlan } from "@/lib/plans/queries";
import { closeTestDatabase, openTestDatabase } from "@/lib/testing/database";
import { buildMonthlyReport } from "./monthly-report";
import { narrativeOf, notReportedOwners, projectFigures, summarize } from "./summarize";
import type { MonthlyReport, ReportRow } from "./types";

/** The report's column headers as the documents must show them (REPORT_COLUMNS, spelt out). */
export const COLUMN_HEADERS = [
  "序号",
  "工作任务",
  "牵头单位",
  "责任人",
  "完成时限",
  "指标（目标 / 累计）",
  "完成率",
  "本月进展",
  "存在问题",
  "下步计划",
  "亮灯",
  "催办次数",
];

/** A report row with plain defaults: an open task of unit 1 (党政办) and 张三, half done, green, reported. */
export function reportRow(values: Partial<ReportRow> & Pick<ReportRow, "taskId">): ReportRow {
  return {
    projectId: 1,
    number: 1,
    title: `任务${values.taskId}`,
    leadUnitId: 1,
    leadUnitName: "党政办",
    coUnitIds: [],
    ownerId: 1,
    ownerName: "张三",
    startDate: "2023-01-01",
    dueDate: "2023-12-31",
    weight: 1,
    indicators: [],
    progress: 0.5,
    timeProgress: 0.5,
    light: "green",
    completed: false,
    overdue: false,
    notReported: false,
    monthProgress: "",
    problems: "",
    nextSteps: "",
    urgeCount: 0,
    ...values,
  };
}

/** A row factory with a test's own defaults on top of `reportRow`'s. */
export const rowsWith =
  (defaults: Partial<ReportRow>) =>
  (values: Partial<ReportRow> & Pick<ReportRow, "taskId">): ReportRow =>
    reportRow({ ...defaults, ...values });

/** Published by 陆文博 at 09:30 on 1 December 2023 in Shanghai. */
export const PUBLISHED_BY = {
  at: "2023-12-01T01:30:00.000Z",
  byId: 2,
  byName: "陆文博",
} as const satisfies MonthlyReport["published"];

/** A formula a spreadsheet would run as one: every export must keep it as text. */
export const HYPERLINK = '=HYPERLINK("http://evil.example","点此")';

/**
 * Task 1 of project 10 (讲政治): two indicators, one not read yet, and two notes this month with
 * quotes, commas and a line break.
 */
export const STUDY_TASK = {
  taskId: 1,
  projectId: 10,
  number: 1,
  title: "组织学习宣传党的二十大精神",
  indicators: [
    { name: "开展宣讲", unit: "场", decimals: 0, target: 120, current: 115 },
    { name: "覆盖党员", unit: "人", decimals: 0, target: 800, current: null },
  ],
  monthProgress: '11月3日开展"微宣讲"，覆盖社区、企业\n11月20日开展集中宣讲',
  light: "green",
} satisfies Partial<ReportRow>;

/** Task 3, the first of project 20 (惠民生): completed. */
export const COMPLETED_TASK = {
  taskId: 3,
  projectId: 20,
  number: 1,
  light: "blue",
  completed: true,
  progress: 1,
} satisfies Partial<ReportRow>;

/** The projects of `STUDY_TASK` and `COMPLETED_TASK`, in the plan's order. */
export const PROJECTS = [
  { id: 10, title: "讲政治，党建引领" },
  { id: 20, title: "惠民生" },
];

/**
 * What every hand-built report shares, as `buildMonthlyReport` makes it for November of the 2023
 * plan (but for planId): whole, as of the month's last day, the month over.
 */
export const NOVEMBER_2023 = {
  planId: 1,
  planTitle: "白杨街道2023年工作计划",
  timeZone: "Asia/Shanghai",
  month: "2023-11",
  asOf: "2023-11-30",
  complete: true,
  title: "白杨街道2023年11月重点工作推进情况",
  filters: {},
} satisfies Partial<MonthlyReport>;

/**
 * A report over `rows` (kept as they are: number them yourself) and `projects`: November's
 * unless `values` say otherwise, with its summary, project figures, unreported owners and
 * narrative made from the rows unless `values` give them.
 */
export function reportOf(
  rows: ReportRow[],
  projects: { id: number; title: string }[],
  values: Partial<MonthlyReport> = {},
): MonthlyReport {
  const { month, asOf } = { ...NOVEMBER_2023, ...values };
  const summary = summarize(rows);
  const notReported = notReportedOwners(rows);
  return {
    ...NOVEMBER_2023,
    rows,
    projects: projectFigures(projects, rows),
    summary,
    notReported,
    narrative: narrativeOf({ month, asOf, summary, notReported }),
    ...values,
  };
}

/**
 * Seeds the demo data into the test file's database for the enclosing `describe` and gives its
 * November report as of the month's end (2023 plan, 43 tasks).
 */
export function demoNovember(): () => Promise<MonthlyReport> {
  beforeAll(async () => {
    await seedDemo(openTestDatabase(), { hashPassword: async (plain) => plain });
  });
  afterAll(closeTestDatabase);
  return async () => buildMonthlyReport(await resolvePlan(), "2023-11", "2026-11-26");
}
