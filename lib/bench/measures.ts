import "server-only";
/**
 * The measures of `npm run bench`: each endpoint under load against the served app, and its limit
 * in the same run. Each adds its line (`Measured`) and the figures printed under the table.
 */
import { withoutMemo } from "@/lib/cache/memo";
import { startBareWriter } from "./bare-writer";
import type { Measured } from "./budgets";
import { checkWrites, entryWorkload, lostOf, type WriteCheck } from "./entries";
import type { Fixtures } from "./fixtures";
import { runLoad, type LoadResult } from "./load";
import { watchPeakMemory } from "./memory";
import { monthlyReport, readMeasures, timeCalls, writeXlsx, XLSX_PATH, type Timed } from "./reads";
import { figure } from "./report";

/** How long each part runs: quick keeps the whole run under three minutes. */
export const PROFILES = {
  quick: { warmSeconds: 1, readSeconds: 3, limitSeconds: 2, xlsxRequests: 5, writeSeconds: 3 },
  full: { warmSeconds: 2, readSeconds: 10, limitSeconds: 5, xlsxRequests: 10, writeSeconds: 10 },
};
export type Profile = (typeof PROFILES)["full"];

export const READ_CONNECTIONS = 10;
export const WRITERS = 50;

/** What is printed under the table: the limit each ratio was taken against, and more figures. */
export interface Detail {
  name: string;
  limit: Timed | LoadResult;
  notes: string;
}

export interface Results {
  measured: Measured[];
  details: Detail[];
}

export interface Target {
  origin: string;
  pid: number;
}

const progress = (text: string) => process.stderr.write(`· ${text}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fromLoad = (name: Measured["name"], app: LoadResult, ratio: number | null): Measured => ({
  name,
  p50Ms: app.p50Ms,
  p95Ms: app.p95Ms,
  p99Ms: app.p99Ms,
  reqPerSec: app.reqPerSec,
  ratio,
  failed: app.failed,
});

/**
 * Each read twice: latency with one connection, so that p50 is what a person waits for and can be
 * set against the limit's single call; throughput with ten, where latency is mostly queueing.
 */
export async function measureReads(
  server: Target,
  cookie: string,
  fixtures: Fixtures,
  profile: Profile,
  results: Results,
) {
  for (const measure of readMeasures(fixtures.reader, fixtures.detailTaskIds)) {
    progress(`${measure.name}: app with 1 and ${READ_CONNECTIONS} connections, then its limit`);
    const load = (connections: number, seconds: number) =>
      runLoad({
        origin: server.origin,
        path: measure.path(),
        next: () => ({ path: measure.path() }),
        connections,
        seconds,
        headers: { cookie },
        timeoutSeconds: 60,
      });
    await load(READ_CONNECTIONS, profile.warmSeconds);
    const alone = await load(1, profile.readSeconds);
    const busy = await load(READ_CONNECTIONS, profile.readSeconds);
    const limit = await timeCalls(measure.limit, { seconds: profile.limitSeconds });
    results.measured.push({
      ...fromLoad(measure.name, alone, alone.p50Ms / limit.p50Ms),
      reqPerSec: busy.reqPerSec,
      failed: alone.failed + busy.failed,
    });
    results.details.push({
      name: measure.name,
      limit,
      notes:
        `p99 ${figure(alone.p99Ms)} ms; with ${READ_CONNECTIONS} connections ` +
        `p50 ${figure(busy.p50Ms)} ms, p99 ${figure(busy.p99Ms)} ms`,
    });
  }
}

/** The xlsx export one request at a time, with the server's peak memory meanwhile. */
export async function measureXlsx(
  server: Target,
  cookie: string,
  profile: Profile,
  results: Results,
) {
  progress(`report xlsx: app with 1 connection, ${profile.xlsxRequests} requests, then exceljs`);
  const load = (amount: number) =>
    runLoad({
      origin: server.origin,
      path: XLSX_PATH,
      connections: 1,
      amount,
      headers: { cookie },
      timeoutSeconds: 120,
    });
  await load(1);
  const memory = watchPeakMemory(server.pid);
  const app = await load(profile.xlsxRequests);
  const peakMb = memory.stop();
  const report = await withoutMemo(monthlyReport);
  const limit = await timeCalls(writeXlsx(report), { seconds: profile.limitSeconds, max: 20 });
  results.measured.push({ ...fromLoad("report xlsx", app, app.p50Ms / limit.p50Ms), peakMb });
  results.details.push({
    name: "report xlsx",
    limit,
    notes:
      `p99 ${figure(app.p99Ms)} ms; server peak RSS ` +
      `${peakMb === undefined ? "unknown" : `${figure(peakMb)} MB`}` +
      `${memory.startMb === undefined ? "" : ` (${figure(memory.startMb)} MB before)`}; ` +
      `${report.rows.length} rows`,
  });
}

/** Writes with 50 connections after a warm-up, then checks every acknowledged entry. */
async function loadWrites(
  origin: string,
  cookie: string | undefined,
  fixtures: Fixtures,
  file: string,
  tag: string,
  profile: Profile,
): Promise<{ load: LoadResult; check: WriteCheck }> {
  const headers = { "content-type": "application/json", ...(cookie && { cookie }) };
  const run = (workload: ReturnType<typeof entryWorkload>, seconds: number) =>
    runLoad({
      origin,
      path: "/api/v1/tasks/0/entries",
      method: "POST",
      connections: WRITERS,
      seconds,
      headers,
      next: workload.next,
      onBody: workload.onBody,
      timeoutSeconds: 30,
    });
  // One entry first, so that a refused request stops the run with the server's reason.
  const warm = entryWorkload(fixtures.writeTargets, `${tag} warm`);
  const first = warm.next();
  const answer = await fetch(origin + first.path, { method: "POST", headers, body: first.body });
  if (answer.status !== 201) {
    throw new Error(`logging an entry answered ${answer.status}: ${await answer.text()}`);
  }
  await answer.arrayBuffer();
  await run(warm, profile.warmSeconds);

  const workload = entryWorkload(fixtures.writeTargets, tag);
  const load = await run(workload, profile.writeSeconds);
  // Requests cut off when the run ended may still be committing.
  await sleep(1500);
  return { load, check: checkWrites(file, workload) };
}

const checkNote = (check: WriteCheck) =>
  `${check.acknowledged} acknowledged, ${check.stored} stored, ${check.missing} missing, ` +
  `${check.duplicated} duplicated, ${check.halfWritten} half-written`;

/** Logging entries as the writer through the app, then through the bare server on its own copy. */
export async function measureWrites(
  server: Target,
  cookie: string,
  fixtures: Fixtures,
  files: { app: string; limit: string },
  profile: Profile,
  results: Results,
) {
  const tag = `bench ${Date.now().toString(36)}`;
  progress(`entries: app with ${WRITERS} writers as ${fixtures.writer.username}, then bare http`);
  const app = await loadWrites(server.origin, cookie, fixtures, files.app, tag, profile);
  const bare = await startBareWriter(files.limit, fixtures.writer.id);
  let limit: Awaited<ReturnType<typeof loadWrites>>;
  try {
    limit = await loadWrites(bare.origin, undefined, fixtures, files.limit, tag, profile);
  } finally {
    await bare.stop();
  }
  results.measured.push({
    ...fromLoad("entries", app.load, limit.load.reqPerSec / app.load.reqPerSec),
    lost: lostOf(app.check),
  });
  results.details.push({
    name: "entries",
    limit: limit.load,
    notes:
      `p99 ${figure(app.load.p99Ms)} ms; ${checkNote(app.check)}` +
      (lostOf(limit.check) > 0 ? `; the limit lost ${lostOf(limit.check)}` : ""),
  });
}
