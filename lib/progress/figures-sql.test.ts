import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Direction, TaskStatus } from "@/db/schema";
import { dayNumber } from "@/lib/dates/calendar";
import {
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
  closeTestDatabase,
} from "@/lib/testing/database";
import { taskFiguresSql, type TaskFiguresRow } from "./figures-sql";
import {
  DEFAULT_THRESHOLDS,
  LIGHTS,
  indicatorProgress,
  isNotReported,
  taskLight,
  taskProgress,
  timeProgress,
  type Light,
  type LightThresholds,
  type PaceRules,
} from "./index";

/*
 * Holds the SQL rules of `taskFiguresSql` to the pure functions of ./index.ts (tested on their own
 * in index.test.ts): each case is written as real rows, read back through the SQL, and compared
 * with both the literal answer and the pure functions' answer on the same data.
 */

interface IndicatorSpec {
  baseline?: number;
  target: number;
  direction?: Direction;
  weight?: number;
  archived?: boolean;
}

interface EntrySpec {
  date: string;
  percent?: number | null;
  /** Cumulative values by indicator index; undefined = not read in this entry. */
  readings?: (number | undefined)[];
  withdrawn?: boolean;
  returned?: boolean;
}

interface TaskSpec {
  startDate: string;
  dueDate: string;
  status?: TaskStatus;
  completedOn?: string | null;
  indicators?: IndicatorSpec[];
  entries?: EntrySpec[];
}

interface Inserted {
  id: number;
  spec: TaskSpec;
  /** The entries with their ids, for "latest" (date, then id). */
  entries: (EntrySpec & { id: number })[];
}

let db: Db;
let ownerId: number;
let unitId: number;
let projectId: number;

beforeAll(() => {
  db = openTestDatabase();
  const office = insertOffice(db);
  ownerId = office.cadre.id;
  unitId = office.unit.id;
  projectId = insertProject(db, { planId: insertPlan(db, { year: 2023 }).id }).id;
});

afterAll(closeTestDatabase);

/**
 * Writes a task with its indicators and entries. Check constraints are lifted while writing, so the
 * SQL can be held to the pure rules also on data the schema refuses today (target = baseline,
 * zero weights).
 */
function insert(spec: TaskSpec): Inserted {
  db.run(sql`PRAGMA ignore_check_constraints = ON`);
  try {
    const task = insertTask(db, {
      projectId,
      ownerId,
      leadUnitId: unitId,
      startDate: spec.startDate,
      dueDate: spec.dueDate,
      status: spec.status ?? "in_progress",
      completedOn: spec.completedOn ?? null,
      indicators: (spec.indicators ?? []).map((i) => ({
        baseline: i.baseline ?? 0,
        target: i.target,
        direction: i.direction ?? "increase",
        weight: i.weight ?? 1,
        archivedAt: i.archived ? new Date() : null,
      })),
    });
    const entries = (spec.entries ?? []).map((e) => {
      const readings: Record<number, number> = {};
      (e.readings ?? []).forEach((value, i) => {
        if (value !== undefined) readings[task.indicators[i]!.id] = value;
      });
      const row = insertEntry(db, {
        taskId: task.id,
        authorId: ownerId,
        entryDate: e.date,
        percent: e.percent ?? null,
        withdrawnAt: e.withdrawn ? new Date() : null,
        reviewStatus: e.returned ? "returned" : "pending",
        readings,
      });
      return { ...e, id: row.id };
    });
    return { id: task.id, spec, entries };
  } finally {
    db.run(sql`PRAGMA ignore_check_constraints = OFF`);
  }
}

function sqlFigures(ids: number[], asOf: string, rules: PaceRules) {
  const scope = sql`t.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const rows = db.all<TaskFiguresRow>(taskFiguresSql(scope, asOf, rules));
  return new Map(rows.map((row) => [row.task_id, row]));
}

/** The same figures from the pure functions, reading the task's data the way DESIGN.md says. */
function pureFigures(task: Inserted, asOf: string, rules: PaceRules) {
  const thresholds = rules;
  const { spec } = task;
  const counting = task.entries
    .filter((e) => !e.withdrawn && !e.returned && e.date <= asOf)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id); // latest first
  const completed =
    spec.status === "completed" && (spec.completedOn == null || spec.completedOn <= asOf);
  const status: TaskStatus = completed ? "completed" : "in_progress";
  const indicators = (spec.indicators ?? []).flatMap((indicator, i) => {
    if (indicator.archived) return [];
    const reading = counting.find((e) => e.readings?.[i] !== undefined)?.readings?.[i] ?? null;
    const progress = indicatorProgress(
      {
        baseline: indicator.baseline ?? 0,
        target: indicator.target,
        direction: indicator.direction ?? "increase",
      },
      reading,
    );
    return [{ weight: indicator.weight ?? 1, progress }];
  });
  const percent = counting.find((e) => e.percent != null)?.percent ?? null;
  const progress = taskProgress({ status, indicators, percent });
  const time = timeProgress(spec.startDate, spec.dueDate, asOf);
  const light = taskLight({
    status,
    progress,
    timeProgress: time,
    dueDate: spec.dueDate,
    asOf,
    thresholds,
  });
  return {
    progress,
    timeProgress: time,
    light,
    completed,
    overdue: !completed && spec.dueDate < asOf,
    notReported: isNotReported({
      completed,
      startDate: spec.startDate,
      lastEntryDate: counting[0]?.date ?? null,
      asOf,
      reportingDay: rules.reportingDay,
    }),
    percent,
  };
}

interface Case {
  name: string;
  task: TaskSpec;
  asOf: string;
  thresholds?: LightThresholds;
  expected: { progress: number; timeProgress: number; light: Light };
}

// A ten-day task: each day is 10 points of time progress.
const TEN_DAYS = { startDate: "2023-01-01", dueDate: "2023-01-11" };
const percentTask = (percent: number, extra: Partial<TaskSpec> = {}): TaskSpec => ({
  ...TEN_DAYS,
  entries: [{ date: "2023-01-02", percent }],
  ...extra,
});
const CUSTOM = { greenMaxGap: 5, yellowMaxGap: 20 };
const STRICT = { greenMaxGap: 0, yellowMaxGap: 0 };

const CASES: Case[] = [
  // Light boundaries with the default thresholds (10 and 30 points).
  {
    name: "gap exactly 10 → green",
    task: percentTask(40),
    asOf: "2023-01-06",
    expected: { progress: 0.4, timeProgress: 0.5, light: "green" },
  },
  {
    name: "gap 10.1 → yellow",
    task: percentTask(39.9),
    asOf: "2023-01-06",
    expected: { progress: 0.399, timeProgress: 0.5, light: "yellow" },
  },
  {
    name: "gap exactly 30 → yellow",
    task: percentTask(20),
    asOf: "2023-01-06",
    expected: { progress: 0.2, timeProgress: 0.5, light: "yellow" },
  },
  {
    name: "gap 30.1 → red",
    task: percentTask(19.9),
    asOf: "2023-01-06",
    expected: { progress: 0.199, timeProgress: 0.5, light: "red" },
  },
  {
    name: "gap 10 with float noise above it (0.8 − 0.7) → green",
    task: percentTask(70),
    asOf: "2023-01-09",
    expected: { progress: 0.7, timeProgress: 0.8, light: "green" },
  },
  {
    name: "gap 30 with float noise above it (0.8 − 0.5) → yellow",
    task: percentTask(50),
    asOf: "2023-01-09",
    expected: { progress: 0.5, timeProgress: 0.8, light: "yellow" },
  },
  {
    name: "ahead of time (negative gap) → green",
    task: percentTask(90),
    asOf: "2023-01-06",
    expected: { progress: 0.9, timeProgress: 0.5, light: "green" },
  },
  // Custom thresholds (5 and 20 points), and zero thresholds.
  {
    name: "custom: gap exactly 5 → green",
    task: percentTask(45),
    asOf: "2023-01-06",
    thresholds: CUSTOM,
    expected: { progress: 0.45, timeProgress: 0.5, light: "green" },
  },
  {
    name: "custom: gap 6 → yellow",
    task: percentTask(44),
    asOf: "2023-01-06",
    thresholds: CUSTOM,
    expected: { progress: 0.44, timeProgress: 0.5, light: "yellow" },
  },
  {
    name: "custom: gap exactly 20 → yellow",
    task: percentTask(30),
    asOf: "2023-01-06",
    thresholds: CUSTOM,
    expected: { progress: 0.3, timeProgress: 0.5, light: "yellow" },
  },
  {
    name: "custom: gap 21 → red",
    task: percentTask(29),
    asOf: "2023-01-06",
    thresholds: CUSTOM,
    expected: { progress: 0.29, timeProgress: 0.5, light: "red" },
  },
  {
    name: "zero thresholds: on time → green",
    task: percentTask(50),
    asOf: "2023-01-06",
    thresholds: STRICT,
    expected: { progress: 0.5, timeProgress: 0.5, light: "green" },
  },
  {
    name: "zero thresholds: 1 point behind → red",
    task: percentTask(49),
    asOf: "2023-01-06",
    thresholds: STRICT,
    expected: { progress: 0.49, timeProgress: 0.5, light: "red" },
  },
  // Due dates.
  {
    name: "due today, 5 points behind → green (not red by due)",
    task: percentTask(95),
    asOf: "2023-01-11",
    expected: { progress: 0.95, timeProgress: 1, light: "green" },
  },
  {
    name: "due today, 40 points behind → red by gap",
    task: percentTask(60),
    asOf: "2023-01-11",
    expected: { progress: 0.6, timeProgress: 1, light: "red" },
  },
  {
    name: "the day after due, 1 point behind → red",
    task: percentTask(99),
    asOf: "2023-01-12",
    expected: { progress: 0.99, timeProgress: 1, light: "red" },
  },
  {
    name: "before the start → no time progress",
    task: percentTask(0, { startDate: "2023-02-01", dueDate: "2023-03-01", entries: [] }),
    asOf: "2023-01-15",
    expected: { progress: 0, timeProgress: 0, light: "green" },
  },
  // Completion.
  {
    name: "completed late → blue, progress 1",
    task: percentTask(30, { status: "completed", completedOn: "2023-01-20" }),
    asOf: "2023-01-25",
    expected: { progress: 1, timeProgress: 1, light: "blue" },
  },
  {
    name: "completed with no date → blue at any date",
    task: percentTask(30, { status: "completed", completedOn: null }),
    asOf: "2023-01-03",
    expected: { progress: 1, timeProgress: 0.2, light: "blue" },
  },
  {
    name: "completed on the as-of day → blue",
    task: percentTask(30, { status: "completed", completedOn: "2023-01-08" }),
    asOf: "2023-01-08",
    expected: { progress: 1, timeProgress: 0.7, light: "blue" },
  },
  {
    name: "completed after the as-of date, past due → red",
    task: percentTask(50, { status: "completed", completedOn: "2023-01-20" }),
    asOf: "2023-01-12",
    expected: { progress: 0.5, timeProgress: 1, light: "red" },
  },
  {
    name: "completed after the as-of date, on pace → green",
    task: percentTask(70, { status: "completed", completedOn: "2023-01-20" }),
    asOf: "2023-01-08",
    expected: { progress: 0.7, timeProgress: 0.7, light: "green" },
  },
  // Indicators.
  {
    name: "decrease indicator: 604 → 283, at 312",
    task: {
      startDate: "2023-01-01",
      dueDate: "2023-12-31",
      indicators: [{ baseline: 604, target: 283, direction: "decrease" }],
      entries: [{ date: "2023-06-01", readings: [312] }],
    },
    asOf: "2023-07-01",
    // (604 − 312) / (604 − 283) = 292/321; 181 of 364 days.
    expected: { progress: 292 / 321, timeProgress: 181 / 364, light: "green" },
  },
  {
    name: "decrease indicator past target → 1, above baseline → 0",
    task: {
      ...TEN_DAYS,
      indicators: [
        { baseline: 100, target: 50, direction: "decrease" },
        { baseline: 100, target: 50, direction: "decrease" },
      ],
      entries: [{ date: "2023-01-02", readings: [20, 130] }],
    },
    asOf: "2023-01-06",
    // (1 + 0) / 2 = 0.5
    expected: { progress: 0.5, timeProgress: 0.5, light: "green" },
  },
  {
    name: "increase indicator below baseline → 0, past target → 1, weighted 1:3",
    task: {
      ...TEN_DAYS,
      indicators: [
        { baseline: 10, target: 20, weight: 1 },
        { baseline: 10, target: 20, weight: 3 },
      ],
      entries: [{ date: "2023-01-02", readings: [5, 25] }],
    },
    asOf: "2023-01-06",
    // (1 × 0 + 3 × 1) / 4 = 0.75
    expected: { progress: 0.75, timeProgress: 0.5, light: "green" },
  },
  {
    name: "target equal to baseline: met → 1, not met → 0, unread → 0",
    task: {
      ...TEN_DAYS,
      indicators: [
        { baseline: 5, target: 5 },
        { baseline: 5, target: 5 },
        { baseline: 5, target: 5 },
      ],
      entries: [{ date: "2023-01-02", readings: [5, 6] }],
    },
    asOf: "2023-01-06",
    // (1 + 0 + 0) / 3
    expected: { progress: 1 / 3, timeProgress: 0.5, light: "yellow" },
  },
  {
    name: "a zero-weight indicator is ignored",
    task: {
      ...TEN_DAYS,
      indicators: [
        { target: 10, weight: 0 },
        { target: 10, weight: 2 },
      ],
      entries: [{ date: "2023-01-02", readings: [10, 4] }],
    },
    asOf: "2023-01-06",
    expected: { progress: 0.4, timeProgress: 0.5, light: "green" },
  },
  {
    name: "only zero-weight indicators → 0 (not the percent)",
    task: {
      ...TEN_DAYS,
      indicators: [{ target: 10, weight: 0 }],
      entries: [{ date: "2023-01-02", readings: [10], percent: 80 }],
    },
    asOf: "2023-01-06",
    expected: { progress: 0, timeProgress: 0.5, light: "red" },
  },
  {
    name: "an archived indicator is ignored (gap exactly 30 → yellow)",
    task: {
      ...TEN_DAYS,
      indicators: [{ target: 10, archived: true }, { target: 10 }],
      entries: [{ date: "2023-01-02", readings: [10, 2] }],
    },
    asOf: "2023-01-06",
    expected: { progress: 0.2, timeProgress: 0.5, light: "yellow" },
  },
  {
    name: "all indicators archived → the latest percent",
    task: {
      ...TEN_DAYS,
      indicators: [{ target: 10, archived: true }],
      entries: [{ date: "2023-01-02", readings: [10], percent: 45 }],
    },
    asOf: "2023-01-06",
    expected: { progress: 0.45, timeProgress: 0.5, light: "green" },
  },
  {
    name: "readings: latest counting one on or before the as-of date",
    task: {
      ...TEN_DAYS,
      indicators: [{ target: 10 }],
      entries: [
        { date: "2023-01-02", readings: [3] },
        { date: "2023-01-04", readings: [5] },
        { date: "2023-01-05", readings: [9], withdrawn: true },
        { date: "2023-01-05", readings: [8], returned: true },
        { date: "2023-01-07", readings: [10] },
      ],
    },
    asOf: "2023-01-06",
    expected: { progress: 0.5, timeProgress: 0.5, light: "green" },
  },
  {
    name: "indicators with no reading yet → 0",
    task: {
      ...TEN_DAYS,
      indicators: [{ target: 10 }],
      entries: [{ date: "2023-01-08", readings: [10] }],
    },
    asOf: "2023-01-06",
    expected: { progress: 0, timeProgress: 0.5, light: "red" },
  },
  // Tasks without indicators.
  {
    name: "percent: latest counting one, a later note-only entry keeps it",
    task: {
      ...TEN_DAYS,
      entries: [
        { date: "2023-01-02", percent: 20 },
        { date: "2023-01-04", percent: 50 },
        { date: "2023-01-05", percent: 90, withdrawn: true },
        { date: "2023-01-05", percent: 80, returned: true },
        { date: "2023-01-06", percent: null },
        { date: "2023-01-07", percent: 100 },
      ],
    },
    asOf: "2023-01-06",
    expected: { progress: 0.5, timeProgress: 0.5, light: "green" },
  },
  {
    name: "percent: two entries the same day → the later one",
    task: {
      ...TEN_DAYS,
      entries: [
        { date: "2023-01-03", percent: 35 },
        { date: "2023-01-03", percent: 30 },
      ],
    },
    asOf: "2023-01-06",
    expected: { progress: 0.3, timeProgress: 0.5, light: "yellow" },
  },
  {
    name: "nothing reported → 0",
    task: { ...TEN_DAYS },
    asOf: "2023-01-02",
    expected: { progress: 0, timeProgress: 0.1, light: "green" },
  },
  // A one-day task is due in full on its day.
  {
    name: "one-day task, the day before",
    task: { startDate: "2023-01-10", dueDate: "2023-01-10" },
    asOf: "2023-01-09",
    expected: { progress: 0, timeProgress: 0, light: "green" },
  },
  {
    name: "one-day task, on its day, nothing done → red by gap",
    task: { startDate: "2023-01-10", dueDate: "2023-01-10" },
    asOf: "2023-01-10",
    expected: { progress: 0, timeProgress: 1, light: "red" },
  },
  {
    name: "one-day task, on its day, done → green",
    task: {
      startDate: "2023-01-10",
      dueDate: "2023-01-10",
      entries: [{ date: "2023-01-10", percent: 100 }],
    },
    asOf: "2023-01-10",
    expected: { progress: 1, timeProgress: 1, light: "green" },
  },
  {
    name: "one-day task, the day after, done but not completed → red",
    task: {
      startDate: "2023-01-10",
      dueDate: "2023-01-10",
      entries: [{ date: "2023-01-10", percent: 100 }],
    },
    asOf: "2023-01-11",
    expected: { progress: 1, timeProgress: 1, light: "red" },
  },
];

describe("taskFiguresSql at the boundaries", () => {
  let inserted: Inserted[];
  beforeAll(() => {
    inserted = CASES.map((c) => insert(c.task));
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", (_name, i) => {
    const c = CASES[i]!;
    const task = inserted[i]!;
    const rules = { ...(c.thresholds ?? DEFAULT_THRESHOLDS), reportingDay: 25 };
    const row = sqlFigures([task.id], c.asOf, rules).get(task.id)!;
    const pure = pureFigures(task, c.asOf, rules);

    expect(row.light).toBe(c.expected.light);
    expect(row.progress).toBeCloseTo(c.expected.progress, 12);
    expect(row.time_progress).toBeCloseTo(c.expected.timeProgress, 12);

    expect(row.light).toBe(pure.light);
    expect(Math.abs(row.progress - pure.progress)).toBeLessThan(1e-12);
    expect(Math.abs(row.time_progress - pure.timeProgress)).toBeLessThan(1e-12);
    expect(row.overdue).toBe(pure.overdue ? 1 : 0);
    expect(row.completed).toBe(pure.completed ? 1 : 0);
    expect(row.not_reported).toBe(pure.notReported ? 1 : 0);
  });
});

/** mulberry32: a small seeded PRNG, so the sweep is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const dateAt = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("taskFiguresSql against the pure rules, on a seeded random sweep", () => {
  const random = prng(20230101);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => random() < p;
  const base = dayNumber("2023-01-01");

  function randomTask(): TaskSpec {
    const start = base + int(0, 250);
    // Short spans make whole-point gaps (and so exact threshold hits) common.
    const due = start + pick([0, 0, 1, 10, 10, 20, 50, int(2, 200)]);
    const status = pick(["not_started", "in_progress", "blocked", "completed"] as const);
    const indicators: IndicatorSpec[] = Array.from({ length: pick([0, 0, 1, 2, 3]) }, () => {
      const baseline = int(0, 100);
      const direction = pick(["increase", "decrease"] as const);
      const span = int(1, 100);
      return {
        baseline,
        target: chance(0.1)
          ? baseline - (direction === "increase" ? span : -span) // the "wrong" way round
          : baseline + (direction === "increase" ? span : -span),
        direction,
        weight: pick([0.5, 1, 1, 2, 3]),
        archived: chance(0.1),
      };
    });
    const entries: EntrySpec[] = Array.from({ length: int(0, 5) }, () => ({
      date: dateAt(start + int(-10, 200)),
      percent: chance(0.5) ? null : chance(0.8) ? int(0, 20) * 5 : int(0, 1000) / 10,
      readings: indicators.map((i) =>
        chance(0.3) ? undefined : i.baseline! + ((i.target - i.baseline!) * int(-20, 120)) / 100,
      ),
      withdrawn: chance(0.1),
      returned: chance(0.1),
    }));
    return {
      startDate: dateAt(start),
      dueDate: dateAt(due),
      status,
      completedOn: status === "completed" && chance(0.8) ? dateAt(start + int(0, 200)) : null,
      indicators,
      entries,
    };
  }

  let tasks: Inserted[];
  const seen = new Set<Light>();
  beforeAll(() => {
    tasks = Array.from({ length: 200 }, () => insert(randomTask()));
  });

  const AS_OFS = ["2023-01-15", "2023-03-31", "2023-06-30", "2023-09-01", "2023-12-31"];
  // Each set of thresholds with its own reporting day, so 未填报 is swept too.
  const THRESHOLDS: PaceRules[] = [
    { ...DEFAULT_THRESHOLDS, reportingDay: 25 },
    { ...CUSTOM, reportingDay: 10 },
    { greenMaxGap: 0, yellowMaxGap: 50, reportingDay: 28 },
  ];

  it.each(AS_OFS.flatMap((asOf) => THRESHOLDS.map((th) => [asOf, th] as const)))(
    "as of %s with %o",
    (asOf, thresholds) => {
      const rows = sqlFigures(
        tasks.map((t) => t.id),
        asOf,
        thresholds,
      );
      expect(rows.size).toBe(tasks.length);
      for (const task of tasks) {
        const row = rows.get(task.id)!;
        const pure = pureFigures(task, asOf, thresholds);
        const where = `task ${task.id} ${JSON.stringify(task.spec)}`;
        expect(Math.abs(row.progress - pure.progress), where).toBeLessThan(1e-12);
        expect(Math.abs(row.time_progress - pure.timeProgress), where).toBeLessThan(1e-12);
        expect(row.light, where).toBe(pure.light);
        expect(row.overdue, where).toBe(pure.overdue ? 1 : 0);
        expect(row.not_reported, where).toBe(pure.notReported ? 1 : 0);
        expect(row.percent, where).toBe(pure.percent);
        seen.add(row.light);
      }
    },
  );

  it("reaches every light", () => {
    expect([...seen].sort()).toEqual([...LIGHTS].sort());
  });
});
