import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "@/db/client";
import { DISTRICT_AS_OF, generateDistrict, type DistrictOptions } from "@/db/seed/district";
import { countStatements } from "@/db/statement-count";
import type { Actor } from "@/lib/auth/policy";
import { clearMemo } from "@/lib/cache/memo";
import { getDashboard } from "@/lib/dashboard/queries";
import { listTaskEntries } from "@/lib/entries/queries";
import { listTaskInstructions } from "@/lib/instructions/queries";
import { reportFile } from "@/lib/reports/export";
import { getMonthlyReport } from "@/lib/reports/monthly-report";
import { publishMonth } from "@/lib/reports/publish";
import { getTask, listTasks } from "@/lib/tasks/queries";
import { listTaskUrges } from "@/lib/urges/urges";
import { closeTestDatabase, openTestDatabase } from "./database";

/**
 * No N+1 (#9): the statements behind each read the pages and the API serve are counted on a
 * district and on a larger one: twice the offices, units, people and projects, four times the
 * tasks, and per task more indicators and entries (so per unit, person and task too there is
 * more to read). A count that grows means a query per row somewhere; the failure lists the
 * statements that repeat. Every call is cold: the data-version memo is emptied first (a warm call
 * is counted too, as its own measure). The counts must be equal, not merely close: nothing here
 * should depend on the rows (the dashboard's trend runs one query per month up to `asOf`, which
 * is the same date at both sizes).
 */

const SMALL: DistrictOptions = {
  tasks: 20,
  indicators: 60,
  entries: 200,
  units: 30,
  users: 60,
  seed: 9,
};
const LARGE: DistrictOptions = {
  tasks: 80,
  indicators: 400,
  entries: 3200,
  units: 60,
  users: 120,
  seed: 9,
};

const REPORTED_MONTH = "2023-11";
const PUBLISHED_MONTH = "2023-10";

/** Who asks, and about what, in one district (found in its rows, as ids differ by size). */
interface Subjects {
  admin: Actor;
  leader: Actor;
  /** The cadre working on the most tasks ("my tasks"). */
  busiest: Actor;
  /** The task with the most indicators, then entries. */
  taskId: number;
}

interface Measure {
  name: string;
  /** Runs the read; returns how many rows it answered with (to show the work grew). */
  run: (s: Subjects) => Promise<number>;
  /** Counts a second call with the memo kept, not a cold one. */
  warm?: boolean;
}

const asOf = DISTRICT_AS_OF;

const taskList = (s: Subjects) =>
  listTasks(s.admin, {
    asOf,
    status: "in_progress",
    sort: "progress",
    order: "desc",
    limit: 20,
  }).then((page) => page.total);

const dashboard = () =>
  getDashboard({ asOf }).then((d) => d.projects.length + d.units.length + d.plan.taskCount);

const report = () => getMonthlyReport({ month: REPORTED_MONTH }).then((r) => r.rows.length);

const MEASURES: Measure[] = [
  { name: "task list, first page", run: (s) => listTasks(s.admin, { asOf }).then((p) => p.total) },
  { name: "task list, filtered and sorted", run: taskList },
  { name: "task list, filtered (memoized)", run: taskList, warm: true },
  {
    name: "task list, mine",
    run: (s) => listTasks(s.busiest, { asOf, mine: true }).then((p) => p.total),
  },
  {
    name: "task detail (getTask)",
    run: (s) => getTask(s.taskId, asOf).then((t) => t.indicators.length),
  },
  {
    name: "task page (task, entries, instructions, urges)",
    run: async (s) => {
      const [task, entries, instructions, urges] = await Promise.all([
        getTask(s.taskId, asOf),
        listTaskEntries(s.taskId, s.leader),
        listTaskInstructions(s.taskId, s.leader),
        listTaskUrges(s.taskId),
      ]);
      return (
        task.indicators.length +
        entries.reduce((n, e) => n + 1 + e.readings.length, 0) +
        instructions.length +
        urges.length
      );
    },
  },
  { name: "dashboard", run: dashboard },
  { name: "dashboard (memoized)", run: dashboard, warm: true },
  { name: "monthly report, json", run: report },
  { name: "monthly report (memoized)", run: report, warm: true },
  {
    name: "monthly report, xlsx",
    run: async () => {
      const r = await getMonthlyReport({ month: REPORTED_MONTH });
      const file = await reportFile(r, "xlsx");
      expect(file.body.byteLength).toBeGreaterThan(0);
      return r.rows.length;
    },
  },
  {
    name: "monthly report, published month",
    run: () => getMonthlyReport({ month: PUBLISHED_MONTH }).then((r) => r.rows.length),
  },
];

/** A read per row, on purpose: shows that the two sizes and the count catch one. */
const CONTROL: Measure = {
  name: "control: the task list, then each task's detail",
  run: async (s) => {
    const page = await listTasks(s.admin, { asOf, limit: 200 });
    await Promise.all(page.items.map((task) => getTask(task.id, asOf)));
    return page.items.length;
  },
};

interface Counted {
  count: number;
  rows: number;
  statements: string[];
}

function subjectsOf(): Subjects {
  const sqlite = getSqlite();
  const actor = (where: string) =>
    sqlite
      .prepare(`SELECT id, role, unit_id AS unitId FROM users WHERE ${where} ORDER BY id LIMIT 1`)
      .get() as Actor;
  // As the task list's `mine` filter: owner, lead unit or co-unit.
  const busiest = sqlite
    .prepare(
      `SELECT u.id FROM users u WHERE u.role = 'cadre' ORDER BY (
         SELECT COUNT(*) FROM tasks t WHERE t.owner_id = u.id OR t.lead_unit_id = u.unit_id
           OR EXISTS (SELECT 1 FROM task_co_units c WHERE c.task_id = t.id AND c.unit_id = u.unit_id)
       ) DESC, u.id`,
    )
    .get() as { id: number };
  const task = sqlite
    .prepare(
      `SELECT t.id FROM tasks t ORDER BY
         (SELECT COUNT(*) FROM indicators i WHERE i.task_id = t.id) DESC,
         (SELECT COUNT(*) FROM progress_entries e WHERE e.task_id = t.id) DESC, t.id`,
    )
    .get() as { id: number };
  return {
    admin: actor("role = 'admin'"),
    leader: actor("role = 'leader'"),
    busiest: actor(`id = ${busiest.id}`),
    taskId: task.id,
  };
}

/** Builds a district in a database file of its own and counts every measure on it. */
async function measureDistrict(name: string, options: DistrictOptions) {
  closeTestDatabase();
  process.env.DATABASE_PATH = path.join(testDirectory, `district-${name}.db`);
  openTestDatabase();
  generateDistrict(getSqlite(), options);
  getSqlite().exec("ANALYZE");
  const subjects = subjectsOf();
  await publishMonth(subjects.leader, { planId: 1, month: PUBLISHED_MONTH });

  const counted = new Map<string, Counted>();
  for (const measure of [...MEASURES, CONTROL]) {
    clearMemo();
    if (measure.warm) await measure.run(subjects);
    const { result, count, statements } = await countStatements(() => measure.run(subjects));
    counted.set(measure.name, { count, rows: result, statements });
  }
  return counted;
}

/** The statements run more often at the larger size, most repeated first. */
function repeated(small: string[], large: string[]): string {
  // `IN (?, ?, …)` lists lengthen with the rows without adding statements.
  const shape = (s: string) =>
    s
      .replace(/\s+/g, " ")
      .trim()
      .replace(/\?(, \?)+/g, "?…");
  const tally = (list: string[]) => {
    const counts = new Map<string, number>();
    for (const s of list) counts.set(shape(s), (counts.get(shape(s)) ?? 0) + 1);
    return counts;
  };
  const before = tally(small);
  return [...tally(large)]
    .map(([sql, n]) => ({ sql, more: n - (before.get(sql) ?? 0) }))
    .filter(({ more }) => more > 0)
    .sort((a, b) => b.more - a.more)
    .slice(0, 5)
    .map(({ sql, more }) => `  +${more}× ${sql.slice(0, 300)}`)
    .join("\n");
}

const testDirectory = path.dirname(process.env.DATABASE_PATH!);
let small: Map<string, Counted>;
let large: Map<string, Counted>;

beforeAll(async () => {
  const original = process.env.DATABASE_PATH;
  try {
    small = await measureDistrict("small", SMALL);
    large = await measureDistrict("large", LARGE);
  } finally {
    closeTestDatabase();
    process.env.DATABASE_PATH = original;
  }
  console.table(
    [...MEASURES, CONTROL].map(({ name }) => ({
      measure: name,
      [`statements, ${SMALL.tasks} tasks`]: small.get(name)!.count,
      [`statements, ${LARGE.tasks} tasks`]: large.get(name)!.count,
      "rows (small → large)": `${small.get(name)!.rows} → ${large.get(name)!.rows}`,
    })),
  );
}, 120_000);

describe(`statements per read: the same for ${SMALL.tasks} and ${LARGE.tasks} tasks`, () => {
  it.each(MEASURES.map((m) => m.name))("%s", (name) => {
    const a = small.get(name)!;
    const b = large.get(name)!;
    expect(b.rows, "the larger district answers with more rows").toBeGreaterThan(a.rows);
    expect(
      b.count,
      `${name}: ${a.count} statements for ${SMALL.tasks} tasks, ${b.count} for ${LARGE.tasks}; ` +
        `run more often:\n${repeated(a.statements, b.statements)}`,
    ).toBe(a.count);
  });

  it("catches a query per row (control)", () => {
    const a = small.get(CONTROL.name)!;
    const b = large.get(CONTROL.name)!;
    expect(b.count - a.count).toBeGreaterThanOrEqual(LARGE.tasks - SMALL.tasks);
    expect(repeated(a.statements, b.statements)).toMatch(/^ {2}\+\d+× select "tasks"\."id"/m);
  });
});
