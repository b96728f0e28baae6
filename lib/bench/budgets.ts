/**
 * The budgets of issue #9, item 3, for district data on the 2-core machine: one table, read by the
 * benchmark's verdicts. A measure without a bound here is only reported.
 */
export const MEASURES = [
  "dashboard",
  "task list",
  "task detail",
  "report json",
  "report xlsx",
  "entries",
] as const;
export type MeasureName = (typeof MEASURES)[number];

export interface Budget {
  /** Largest median latency, ms. */
  p50Ms?: number;
  /** Largest 99th-percentile latency, ms. */
  p99Ms?: number;
  /** Largest ratio to the limit measured in the same run. */
  ratio?: number;
  /** Fewest successful requests per second. */
  minReqPerSec?: number;
  /** Largest resident memory of the server while serving the measure, MiB. */
  peakMb?: number;
}

export const BUDGETS: Record<MeasureName, Budget> = {
  dashboard: { p50Ms: 50, ratio: 2 },
  "task list": { p50Ms: 30 },
  "task detail": { p50Ms: 20 },
  "report json": {},
  "report xlsx": { p50Ms: 3000, ratio: 1.5, peakMb: 400 },
  entries: { minReqPerSec: 500, p99Ms: 200 },
};

/** What one measure found against the app. */
export interface Measured {
  name: MeasureName;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  reqPerSec: number;
  /** App against limit, so that larger is worse (see lib/cli/bench.ts for each measure's). */
  ratio: number | null;
  /** Responses that were not 2xx, and requests that failed or timed out: none are allowed. */
  failed: number;
  peakMb?: number;
  /** Acknowledged writes missing, duplicated or half-written afterwards: none are allowed. */
  lost?: number;
}

const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Each way the measure misses its budget, briefly ("p50 62.0 ms > 50"); empty when within it. */
export function overruns(measured: Measured, budget: Budget = BUDGETS[measured.name]): string[] {
  const found: string[] = [];
  if (measured.failed > 0) found.push(`${measured.failed} failed`);
  if (measured.lost !== undefined && measured.lost > 0) found.push(`${measured.lost} lost`);
  if (budget.p50Ms !== undefined && measured.p50Ms > budget.p50Ms) {
    found.push(`p50 ${fixed(measured.p50Ms)} ms > ${budget.p50Ms}`);
  }
  if (budget.p99Ms !== undefined && measured.p99Ms > budget.p99Ms) {
    found.push(`p99 ${fixed(measured.p99Ms)} ms > ${budget.p99Ms}`);
  }
  if (budget.ratio !== undefined && (measured.ratio === null || measured.ratio > budget.ratio)) {
    found.push(
      measured.ratio === null ? "no ratio" : `ratio ${measured.ratio.toFixed(2)} > ${budget.ratio}`,
    );
  }
  if (budget.minReqPerSec !== undefined && measured.reqPerSec < budget.minReqPerSec) {
    found.push(`${fixed(measured.reqPerSec)} req/s < ${budget.minReqPerSec}`);
  }
  if (
    budget.peakMb !== undefined &&
    (measured.peakMb === undefined || measured.peakMb > budget.peakMb)
  ) {
    found.push(
      measured.peakMb === undefined
        ? "peak memory unknown"
        : `peak ${fixed(measured.peakMb)} MB > ${budget.peakMb}`,
    );
  }
  return found;
}
