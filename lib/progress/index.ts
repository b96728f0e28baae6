/**
 * The progress and pace (亮灯) rules of DESIGN.md, as pure functions: no I/O, no clock.
 * Every figure is a fraction in [0, 1]; gaps and thresholds are in percentage points.
 *
 * `figures-sql.ts` writes the same rules as one SQL query (the task list and the dashboard read
 * them from there); `figures-sql.test.ts` holds the two together, so a rule changed here must be
 * changed there too.
 */
import type { Direction, TaskStatus } from "@/db/schema";
import { daysBetween } from "@/lib/dates/calendar";

export const LIGHTS = ["green", "yellow", "red", "blue"] as const;
export type Light = (typeof LIGHTS)[number];

export interface LightThresholds {
  /** Largest gap (points) that is still green. */
  greenMaxGap: number;
  /** Largest gap (points) that is still yellow; above it is red. */
  yellowMaxGap: number;
}

export const DEFAULT_THRESHOLDS: LightThresholds = { greenMaxGap: 10, yellowMaxGap: 30 };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Progress of an indicator from its baseline toward its target; no reading yet counts as 0. */
export function indicatorProgress(
  indicator: { baseline: number; target: number; direction: Direction },
  current: number | null,
): number {
  if (current === null) return 0;
  const { baseline, target } = indicator;
  if (target === baseline) return current === target ? 1 : 0;
  const done =
    indicator.direction === "increase"
      ? (current - baseline) / (target - baseline)
      : (baseline - current) / (baseline - target);
  return clamp01(done);
}

/** Weighted mean of values; items with no positive weight are ignored; nothing → 0. */
export function weightedMean(items: readonly { weight: number; value: number }[]): number {
  let sum = 0;
  let weights = 0;
  for (const { weight, value } of items) {
    if (!(weight > 0)) continue;
    sum += weight * value;
    weights += weight;
  }
  return weights === 0 ? 0 : sum / weights;
}

/**
 * A task's progress: completed → 1; with indicators → their weighted mean; otherwise its latest
 * reported percent (0–100), or 0 when nothing was reported.
 */
export function taskProgress(input: {
  status: TaskStatus;
  indicators: readonly { weight: number; progress: number }[];
  percent: number | null;
}): number {
  if (input.status === "completed") return 1;
  if (input.indicators.length > 0) {
    return clamp01(
      weightedMean(input.indicators.map((i) => ({ weight: i.weight, value: i.progress }))),
    );
  }
  return input.percent === null ? 0 : clamp01(input.percent / 100);
}

/** Weighted mean of tasks' progress: a project's or a plan's progress. */
export function aggregateProgress(items: readonly { weight: number; progress: number }[]): number {
  return clamp01(weightedMean(items.map((i) => ({ weight: i.weight, value: i.progress }))));
}

/** 序时进度: the share of the task's period elapsed at `asOf`. A one-day task is due in full on its day. */
export function timeProgress(startDate: string, dueDate: string, asOf: string): number {
  const total = daysBetween(startDate, dueDate);
  const elapsed = daysBetween(startDate, asOf);
  if (total <= 0) return elapsed >= 0 ? 1 : 0;
  return clamp01(elapsed / total);
}

/**
 * 亮灯: completed → blue; past due and not completed → red; else the gap (time progress − task
 * progress, in points) against the plan's thresholds: ≤ green max green, ≤ yellow max yellow, else red.
 */
export function taskLight(input: {
  status: TaskStatus;
  progress: number;
  timeProgress: number;
  dueDate: string;
  asOf: string;
  thresholds: LightThresholds;
}): Light {
  if (input.status === "completed") return "blue";
  if (daysBetween(input.dueDate, input.asOf) > 0) return "red";
  // Rounded to 1e-9 so that 0.3 − 0.2 style float noise does not cross a threshold.
  const gap = Math.round((input.timeProgress - input.progress) * 100 * 1e9) / 1e9;
  if (gap <= input.thresholds.greenMaxGap) return "green";
  if (gap <= input.thresholds.yellowMaxGap) return "yellow";
  return "red";
}

/** What the pace rules of a plan need: its light thresholds and its monthly reporting day. */
export interface PaceRules extends LightThresholds {
  /** Day of the month (1–28) by which each task needs that month's entry. */
  reportingDay: number;
}

/**
 * The reporting deadline that 未填报 is judged against at `asOf`: this month's reporting day once it
 * has passed, else last month's. A task is not reported (未填报) when it had begun by that deadline,
 * is not completed, and has no counting entry from the start of that deadline's month to `asOf` —
 * an entry since then, even a late one, means the owner has reported.
 */
export function reportingWindow(asOf: string, reportingDay: number) {
  const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
  const [y, m] =
    day > reportingDay ? [year, month] : month === 1 ? [year - 1, 12] : [year, month - 1];
  const monthText = `${y}-${String(m).padStart(2, "0")}`;
  return {
    month: monthText,
    start: `${monthText}-01`,
    deadline: `${monthText}-${String(reportingDay).padStart(2, "0")}`,
  };
}

/** 未填报 at `asOf` (see `reportingWindow`); `lastEntryDate` is the latest counting entry's date. */
export function isNotReported(input: {
  completed: boolean;
  startDate: string;
  lastEntryDate: string | null;
  asOf: string;
  reportingDay: number;
}): boolean {
  const window = reportingWindow(input.asOf, input.reportingDay);
  if (input.completed || input.startDate > window.deadline) return false;
  return input.lastEntryDate === null || input.lastEntryDate < window.start;
}
