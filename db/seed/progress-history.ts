/**
 * A pure, deterministic generator of a task's progress history for the demo seed.
 *
 * Given a task's dates, indicators and a progress profile, it returns the monthly progress entries
 * (dated the 18th–24th of each month from the task's start through the as-of date), each with the
 * cumulative indicator readings or the percent done, short Chinese note / problems / next steps, and
 * the task's resulting status. No I/O and no Math.random: the randomness is a small PRNG seeded
 * from the task's key, so the same input always yields the same history.
 */
import type { Direction } from "@/db/schema/indicators";
import type { TaskStatus } from "@/db/schema/tasks";

/** How a task's progress unfolds over the year, as of the demo date. */
export type ProgressProfile =
  /** Keeps up with time (gap of a few points): a green light. */
  | { kind: "on_pace" }
  /** Lags behind time by about `gap` (0–1) at the as-of date: ~0.2 → yellow, ~0.4 → red. */
  | { kind: "behind"; gap: number }
  /** Reaches every target in the entry of `month` (1–12), then stops reporting: blue. */
  | { kind: "completed"; month: number }
  /** Progresses until `stalledFromMonth`, then stays flat; the task is `blocked`. */
  | { kind: "blocked"; stalledFromMonth: number; reason: string }
  /** Nothing reported yet; the task is `not_started`. */
  | { kind: "not_started" };

export interface HistoryIndicator {
  name: string;
  measureUnit: string;
  baseline: number;
  target: number;
  direction: Direction;
  decimals: number;
}

export interface HistoryTask {
  /** A stable key; it seeds the PRNG. */
  key: string;
  startDate: string;
  dueDate: string;
  indicators: readonly HistoryIndicator[];
  profile: ProgressProfile;
}

export interface GeneratedEntry {
  entryDate: string;
  /** Percent done (0–100) for a task without indicators; null when it has indicators. */
  percent: number | null;
  /** Cumulative readings, one per indicator, in the task's indicator order. */
  readings: number[];
  note: string;
  problems: string;
  nextSteps: string;
}

export interface GeneratedHistory {
  status: TaskStatus;
  blockedReason: string | null;
  entries: GeneratedEntry[];
}

/** The demo's "today": the history stops here. */
export const DEMO_AS_OF = "2023-11-30";

// ---------------------------------------------------------------------------------------------
// Small deterministic helpers

/** FNV-1a 32-bit hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function dayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function formatDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** (date − start) / (due − start), clamped to [0, 1]: the same rule as DESIGN.md's 序时进度. */
function elapsed(startDate: string, dueDate: string, date: string): number {
  const total = dayNumber(dueDate) - dayNumber(startDate);
  if (total <= 0) return date >= dueDate ? 1 : 0;
  return clamp01((dayNumber(date) - dayNumber(startDate)) / total);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A random item of `items`, never the same one as `previous` (when there is a choice). */
function pickOther(
  items: readonly string[],
  random: () => number,
  previous: string | undefined,
): string {
  const others = items.length > 1 ? items.filter((item) => item !== previous) : items;
  const item = others[Math.floor(random() * others.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

// ---------------------------------------------------------------------------------------------
// Text templates

const NOTE_OPENERS = [
  "召开专题推进会，细化任务清单，明确责任分工和时间节点",
  "会同配合单位开展现场踏勘，逐项对照任务清单推进",
  "梳理阶段性成果，相关数据已汇总核实",
  "组织专项督导，对照时间表查漏补缺",
  "深入社区、企业走访，收集意见建议并逐条回应",
  "按计划推进各项工作，重点环节有序衔接",
  "开展阶段性复盘，针对薄弱环节制定整改措施",
  "加强部门协同，推动难点问题逐项销号",
  "落实周例会制度，及时协调解决推进中的问题",
  "结合网格力量开展宣传发动，群众知晓率进一步提高",
] as const;

const FIRST_NOTES = [
  "制定年度工作方案，成立工作专班，明确牵头领导和责任人",
  "完成任务分解，建立工作台账，召开启动部署会",
] as const;

const NOTES_STALLED = [
  "相关工作暂停推进，持续做好沟通协调",
  "多次上门沟通，分歧仍未化解，推进受阻",
  "配合街道做好政策解释，等待协调会结果",
] as const;

const PROBLEMS_ON_PACE = [
  "",
  "",
  "部分环节涉及多个部门，对接效率有待提高。",
  "基础数据分散，台账整理工作量较大。",
  "个别配合单位资料报送不够及时。",
  "",
] as const;

const PROBLEMS_BEHIND = [
  "进度滞后于序时要求，部分环节推进缓慢。",
  "资金拨付流程较长，影响后续实施进度。",
  "部分居民意见尚未统一，需进一步做好解释沟通。",
  "涉及产权、审批等历史遗留问题，协调难度较大。",
  "人员力量不足，专项工作与日常工作冲突较多。",
] as const;

const NEXT_STEPS_ON_PACE = [
  "下月继续按计划推进，加强与配合单位对接。",
  "对照年度目标倒排工期，确保按期完成。",
  "做好阶段性总结，及时报送进展材料。",
  "加强跟踪督办，巩固已有成效。",
  "结合群众反馈优化工作举措。",
] as const;

const NEXT_STEPS_BEHIND = [
  "提请分管领导召开协调会，集中破解难点问题。",
  "挂图作战、倒排工期，力争下月追上序时进度。",
  "增派工作力量，实行周报制度，加快推进。",
  "逐户（逐项）上门沟通，争取理解支持。",
] as const;

function formatValue(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

function readingSummary(
  indicators: readonly HistoryIndicator[],
  readings: readonly number[],
  month: number,
  day: number,
): string {
  const parts = indicators.map((indicator, i) => {
    const value = readings[i] ?? indicator.baseline;
    return `${indicator.name}${formatValue(value, indicator.decimals)}${indicator.measureUnit}（目标${formatValue(indicator.target, indicator.decimals)}${indicator.measureUnit}）`;
  });
  return `截至${month}月${day}日，${parts.join("；")}。`;
}

// ---------------------------------------------------------------------------------------------
// The generator

interface PlannedEntry {
  date: string;
  month: number;
  day: number;
}

/** One entry a month from the task's start month, dated the 18th–24th, up to `asOf`. */
function plannedEntries(task: HistoryTask, random: () => number, asOf: string): PlannedEntry[] {
  const start = parseDate(task.startDate);
  const end = parseDate(asOf);
  const planned: PlannedEntry[] = [];
  for (let month = start.month; month <= 12; month++) {
    const day = 18 + Math.floor(random() * 7);
    const date = formatDate(start.year, month, day);
    if (date < task.startDate) continue;
    if (start.year === end.year && month > end.month) break;
    if (date > asOf) break;
    planned.push({ date, month, day });
  }
  return planned;
}

/**
 * The progress history of one task as of `asOf` (default 2023-11-30). Deterministic: it depends
 * only on its input.
 */
export function generateProgressHistory(
  task: HistoryTask,
  asOf: string = DEMO_AS_OF,
): GeneratedHistory {
  const random = seededRandom(hashString(task.key));
  const { profile } = task;
  if (profile.kind === "not_started") {
    return { status: "not_started", blockedReason: null, entries: [] };
  }

  let planned = plannedEntries(task, random, asOf);
  if (profile.kind === "completed") {
    planned = planned.filter((p) => p.month <= profile.month);
    const last = planned[planned.length - 1];
    if (!last || last.month !== profile.month) {
      throw new Error(`Task ${task.key}: no entry in its completion month ${profile.month}`);
    }
    // The completion entry is dated no later than the due date.
    if (last.date > task.dueDate) {
      const due = parseDate(task.dueDate);
      planned[planned.length - 1] = { date: task.dueDate, month: due.month, day: due.day };
    }
  }
  if (planned.length === 0) {
    throw new Error(`Task ${task.key}: no month to report in before ${asOf}`);
  }
  const lastPlanned = planned[planned.length - 1]!;

  // The task-level pace: progress = time elapsed × ratio (with a little monthly noise).
  let ratio: number;
  let completionDate: string | null = null;
  switch (profile.kind) {
    case "on_pace":
      ratio = 0.99 + random() * 0.08;
      break;
    case "behind": {
      const timeAtAsOf = elapsed(task.startDate, task.dueDate, asOf);
      const timeAtLast = elapsed(task.startDate, task.dueDate, lastPlanned.date);
      ratio = timeAtLast > 0 ? Math.max(0.05, (timeAtAsOf - profile.gap) / timeAtLast) : 0;
      break;
    }
    case "completed":
      completionDate = lastPlanned.date;
      ratio = 1;
      break;
    case "blocked":
      ratio = 0.85 + random() * 0.1;
      break;
  }
  // Each indicator moves a little differently from the task as a whole.
  const indicatorJitter = task.indicators.map(() => (random() - 0.5) * 0.08);

  const entries: GeneratedEntry[] = [];
  let previousReadings = task.indicators.map((indicator) => indicator.baseline);
  let previousPercent = 0;
  let stalledProgress: number | null = null;
  let previousNote: string | undefined;
  let previousProblems: string | undefined;
  let previousNextSteps: string | undefined;

  planned.forEach((entry, index) => {
    const isLast = index === planned.length - 1;
    const isCompletion = completionDate !== null && isLast;
    let progress: number;
    if (completionDate !== null) {
      progress = isCompletion
        ? 1
        : elapsed(task.startDate, completionDate, entry.date) * (0.88 + random() * 0.1);
    } else {
      const time = elapsed(task.startDate, task.dueDate, entry.date);
      const noise = 1 + (random() - 0.5) * 0.05;
      progress = time * ratio * noise;
      if (profile.kind === "on_pace") progress = Math.min(progress, 0.97);
      if (profile.kind === "behind") progress = Math.min(progress, 0.95);
      if (profile.kind === "blocked") {
        if (entry.month >= profile.stalledFromMonth) {
          stalledProgress ??= progress;
          progress = stalledProgress;
        }
      }
    }
    progress = clamp01(progress);

    const readings = task.indicators.map((indicator, i) => {
      const own = isCompletion ? 1 : clamp01(progress * (1 + (indicatorJitter[i] ?? 0)));
      const raw = indicator.baseline + own * (indicator.target - indicator.baseline);
      let value = roundTo(raw, indicator.decimals);
      const previous = previousReadings[i] ?? indicator.baseline;
      // Cumulative readings never move backwards (nor past the target).
      value =
        indicator.direction === "increase"
          ? Math.min(indicator.target, Math.max(previous, value))
          : Math.max(indicator.target, Math.min(previous, value));
      return value;
    });
    previousReadings = readings;

    let percent: number | null = null;
    if (task.indicators.length === 0) {
      percent = isCompletion ? 100 : Math.max(previousPercent, Math.round(progress * 100));
      if (!isCompletion) percent = Math.min(percent, 99);
      previousPercent = percent;
    }

    const stalled = profile.kind === "blocked" && stalledProgress !== null;
    let note: string;
    let problems: string;
    let nextSteps: string;
    if (isCompletion) {
      note = `${entry.month}月：任务已全面完成，成果经验收确认，相关资料已整理归档。`;
      problems = "";
      nextSteps = "做好成果巩固和长效管理，总结经验做法。";
    } else if (stalled) {
      note = `${entry.month}月：${pickOther(NOTES_STALLED, random, previousNote)}。`;
      problems = profile.reason;
      nextSteps = "已提请街道层面召开协调会，待问题解决后恢复推进。";
      previousNote = note.slice(note.indexOf("：") + 1, -1);
    } else {
      const openers = index === 0 ? FIRST_NOTES : NOTE_OPENERS;
      const opener = pickOther(openers, random, previousNote);
      note = `${entry.month}月：${opener}。`;
      previousNote = opener;
      const behind = profile.kind === "behind";
      problems = pickOther(behind ? PROBLEMS_BEHIND : PROBLEMS_ON_PACE, random, previousProblems);
      nextSteps = pickOther(
        behind ? NEXT_STEPS_BEHIND : NEXT_STEPS_ON_PACE,
        random,
        previousNextSteps,
      );
      previousProblems = problems;
      previousNextSteps = nextSteps;
    }
    if (task.indicators.length > 0) {
      note += readingSummary(task.indicators, readings, entry.month, entry.day);
    } else if (!isCompletion) {
      note += `目前完成约${percent}%。`;
    }

    entries.push({ entryDate: entry.date, percent, readings, note, problems, nextSteps });
  });

  switch (profile.kind) {
    case "completed":
      return { status: "completed", blockedReason: null, entries };
    case "blocked":
      return { status: "blocked", blockedReason: profile.reason, entries };
    default:
      return { status: "in_progress", blockedReason: null, entries };
  }
}
