import "server-only";
/**
 * The read measures: each endpoint's URL, and its limit — the same lib function the route calls,
 * with the same parsed query, run in this process with the memo off, so it is the SQL and the
 * computing the request cannot avoid, without HTTP, session or framework.
 */
import type { Actor } from "@/lib/auth/policy";
import { withoutMemo } from "@/lib/cache/memo";
import { getDashboard } from "@/lib/dashboard/queries";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";
import { reportXlsx } from "@/lib/reports/export-xlsx";
import { getMonthlyReport } from "@/lib/reports/monthly-report";
import type { MonthlyReport } from "@/lib/reports/types";
import { getTask, listTasks } from "@/lib/tasks/queries";
import { taskAsOfQuerySchema, taskListQuerySchema } from "@/lib/tasks/schemas";
import type { MeasureName } from "./budgets";
import { latencies, type Latencies } from "./stats";

export const AS_OF = "2023-11-30";
export const MONTH = "2023-11";

export interface ReadMeasure {
  name: MeasureName;
  /** The next request's path (task detail goes round several tasks). */
  path: () => string;
  /** One call of the limit. */
  limit: () => Promise<unknown>;
}

const queryOf = (path: string) => Object.fromEntries(new URL(path, "http://x").searchParams);

function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

export function readMeasures(reader: Actor, detailTaskIds: readonly number[]): ReadMeasure[] {
  const dashboard = `/api/v1/dashboard?asOf=${AS_OF}`;
  const taskList = `/api/v1/tasks?asOf=${AS_OF}&light=red&limit=50&offset=50`;
  const report = `/api/v1/reports/monthly?month=${MONTH}`;
  const nextTask = cycle(detailTaskIds);
  const nextTaskForLimit = cycle(detailTaskIds);
  return [
    {
      name: "dashboard",
      path: () => dashboard,
      limit: () => getDashboard(dashboardQuerySchema.parse(queryOf(dashboard))),
    },
    {
      name: "task list",
      path: () => taskList,
      limit: () => listTasks(reader, taskListQuerySchema.parse(queryOf(taskList))),
    },
    {
      name: "task detail",
      path: () => `/api/v1/tasks/${nextTask()}?asOf=${AS_OF}`,
      limit: () => getTask(nextTaskForLimit(), taskAsOfQuerySchema.parse({ asOf: AS_OF }).asOf),
    },
    {
      name: "report json",
      path: () => report,
      limit: () => monthlyReport(),
    },
  ];
}

/** The month's report as the xlsx route builds it, computed afresh. */
export function monthlyReport(): Promise<MonthlyReport> {
  return getMonthlyReport({ month: MONTH });
}

export const XLSX_PATH = `/api/v1/reports/monthly?month=${MONTH}&format=xlsx`;

/** The xlsx limit: exceljs writing the rows of an already built report, and nothing else. */
export const writeXlsx = (report: MonthlyReport) => () => reportXlsx(report);

export interface Timed extends Latencies {
  reqPerSec: number;
}

/**
 * Times calls one after another with the memo off, after one untimed call: at least `min`, then
 * until `seconds` have passed or `max` were made.
 */
export async function timeCalls(
  call: () => Promise<unknown>,
  { seconds, min = 3, max = 200 }: { seconds: number; min?: number; max?: number },
): Promise<Timed> {
  const samples: number[] = [];
  await withoutMemo(async () => {
    await call(); // statements prepared, pages read: what a server that has been up has done
    const began = performance.now();
    while (
      samples.length < min ||
      (samples.length < max && performance.now() - began < seconds * 1000)
    ) {
      const start = performance.now();
      await call();
      samples.push(performance.now() - start);
    }
  });
  const total = samples.reduce((sum, ms) => sum + ms, 0);
  return { ...latencies(samples), reqPerSec: (samples.length * 1000) / total };
}
