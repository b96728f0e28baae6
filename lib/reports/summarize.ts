import { aggregateProgress, LIGHTS, type Light } from "@/lib/progress";
import { formatPercent } from "@/lib/format";
import { monthEnd, monthLabel } from "./month";
import type {
  MonthlyReport,
  NotReportedOwner,
  ReportFilters,
  ReportProject,
  ReportRow,
  ReportSummary,
} from "./types";

const weighted = (rows: readonly ReportRow[], key: "progress" | "timeProgress") =>
  aggregateProgress(rows.map((row) => ({ weight: row.weight, progress: row[key] })));

/** Where an open task stands: behind its pace (yellow or red), on it, or not yet begun on it. */
function standing(row: ReportRow): "completed" | "behind" | "onPace" | "notStarted" {
  if (row.completed) return "completed";
  // A task with no progress that is already behind is named as behind: that is what matters.
  if (row.light !== "green") return "behind";
  return row.progress === 0 ? "notStarted" : "onPace";
}

/**
 * The summary of a report's rows. Each task is in exactly one of 已完成, 滞后 (yellow or red), 序时推进
 * (green, some progress) and 尚未启动 (green, no progress yet: not due to have any).
 */
export function summarize(rows: readonly ReportRow[]): ReportSummary {
  const lights = Object.fromEntries(LIGHTS.map((light) => [light, 0])) as Record<Light, number>;
  for (const row of rows) lights[row.light] += 1;
  const count = (which: ReturnType<typeof standing>) =>
    rows.filter((row) => standing(row) === which).length;
  return {
    taskCount: rows.length,
    completed: count("completed"),
    onPace: count("onPace"),
    behind: count("behind"),
    notStarted: count("notStarted"),
    overdue: rows.filter((row) => row.overdue).length,
    notReported: rows.filter((row) => row.notReported).length,
    progress: weighted(rows, "progress"),
    timeProgress: weighted(rows, "timeProgress"),
    lights,
  };
}

/** Each project's figures over its rows, in the order given (projects without rows are kept). */
export function projectFigures(
  projects: readonly { id: number; title: string }[],
  rows: readonly ReportRow[],
): ReportProject[] {
  return projects.map(({ id, title }) => {
    const own = rows.filter((row) => row.projectId === id);
    return {
      id,
      title,
      taskCount: own.length,
      progress: weighted(own, "progress"),
      timeProgress: weighted(own, "timeProgress"),
    };
  });
}

/** Who has not reported this month: owners under their task's lead unit, in row order. */
export function notReportedOwners(rows: readonly ReportRow[]): NotReportedOwner[] {
  const owners = new Map<string, NotReportedOwner>();
  for (const row of rows) {
    if (!row.notReported) continue;
    const key = `${row.leadUnitId}:${row.ownerId}`;
    const owner = owners.get(key) ?? {
      unitId: row.leadUnitId,
      unitName: row.leadUnitName,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      tasks: [],
    };
    owner.tasks.push({ id: row.taskId, title: row.title });
    owners.set(key, owner);
  }
  return [...owners.values()].sort((a, b) => a.unitId - b.unitId || a.ownerId - b.ownerId);
}

/**
 * The report's opening paragraph, from its figures (the document is in Chinese whatever the UI
 * language: it goes up the chain as it is).
 */
export function narrativeOf(input: {
  month: string;
  asOf: string;
  summary: ReportSummary;
  notReported: readonly NotReportedOwner[];
}): string {
  const { summary: s } = input;
  const when =
    input.asOf === monthEnd(input.month)
      ? `${monthLabel(input.month)}底`
      : `${monthLabel(input.month)}${Number(input.asOf.slice(8))}日`;
  if (s.taskCount === 0) return `截至${when}，暂无重点任务。`;
  const units = new Set(input.notReported.map((owner) => owner.unitId)).size;
  const parts = [
    `截至${when}，共有重点任务${s.taskCount}项，已完成${s.completed}项，序时推进${s.onPace}项，` +
      `滞后${s.behind}项，尚未启动${s.notStarted}项。`,
    `整体任务进度${formatPercent(s.progress)}，序时进度${formatPercent(s.timeProgress)}` +
      `${s.progress >= s.timeProgress ? "，总体符合序时要求" : "，总体滞后于序时进度"}。`,
    `亮灯情况：绿灯${s.lights.green}项，黄灯${s.lights.yellow}项，红灯${s.lights.red}项，` +
      `蓝灯（已完成）${s.lights.blue}项` +
      `${s.overdue > 0 ? `；已逾期未完成${s.overdue}项` : ""}。`,
    s.notReported > 0
      ? `本月有${units}个单位的${s.notReported}项任务未按期填报进展。`
      : "本月各项任务均已按期填报进展。",
  ];
  return parts.join("");
}

/** Whether a row is in the filters' scope: its project, and a unit that leads it or works on it. */
function inScope(row: ReportRow, filters: ReportFilters): boolean {
  if (filters.projectId !== undefined && row.projectId !== filters.projectId) return false;
  if (
    filters.unitId !== undefined &&
    row.leadUnitId !== filters.unitId &&
    !row.coUnitIds.includes(filters.unitId)
  ) {
    return false;
  }
  return true;
}

/** 序号 1… within each project, in row order. */
export function numberRows(rows: readonly ReportRow[]): ReportRow[] {
  const counters = new Map<number, number>();
  return rows.map((row) => {
    const number = (counters.get(row.projectId) ?? 0) + 1;
    counters.set(row.projectId, number);
    return { ...row, number };
  });
}

/**
 * A report narrowed to a project and/or a unit (a unit that leads a task or is a co-unit of it,
 * as in the task list): rows renumbered and every figure recomputed over the rows kept. The
 * narrative is the report's own when nothing is filtered (a published one may have been edited),
 * else made again for the rows kept.
 */
export function filterReport(report: MonthlyReport, filters: ReportFilters): MonthlyReport {
  const filtered = filters.projectId !== undefined || filters.unitId !== undefined;
  if (!filtered) return { ...report, filters: {} };
  const rows = numberRows(report.rows.filter((row) => inScope(row, filters)));
  const projects = report.projects.filter(
    (project) => filters.projectId === undefined || project.id === filters.projectId,
  );
  const summary = summarize(rows);
  const notReported = notReportedOwners(rows);
  return {
    ...report,
    filters,
    rows,
    projects: projectFigures(
      filters.unitId === undefined
        ? projects
        : projects.filter((p) => rows.some((row) => row.projectId === p.id)),
      rows,
    ),
    summary,
    notReported,
    narrative: narrativeOf({ ...report, summary, notReported }),
  };
}
