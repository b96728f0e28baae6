/**
 * `npm run bench [-- --quick] [--db FILE]`: serves the production build on a copy of the district
 * database, measures each endpoint under load with autocannon next to its limit measured in the
 * same run, and prints one line per measure with its verdict against lib/bench/budgets.ts. Exits
 * non-zero when a measure is over budget. `--quick` uses a smaller database (under 3 minutes).
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_PASSWORD } from "@/db/seed/district";
import { overruns } from "@/lib/bench/budgets";
import {
  ensureGenerated,
  FULL_DATABASE,
  FULL_SIZE,
  QUICK_DATABASE,
  QUICK_SIZE,
  workFolder,
  workingCopy,
} from "@/lib/bench/databases";
import { readFixtures } from "@/lib/bench/fixtures";
import {
  measureReads,
  measureWrites,
  measureXlsx,
  PROFILES,
  READ_CONNECTIONS,
  WRITERS,
  type Detail,
  type Results,
} from "@/lib/bench/measures";
import { alignedLines, figure, measureLines } from "@/lib/bench/report";
import { ensureBuild, startApp } from "@/lib/bench/server";
import { signIn } from "@/lib/bench/sign-in";

function machineLines(database: string, quick: boolean): string[] {
  const cpus = os.cpus();
  return [
    `Street Goals benchmark (${quick ? "quick" : "full"}), ${new Date().toISOString()}`,
    `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, ` +
      `node ${process.version}`,
    `database: ${database}`,
  ];
}

function detailLines(details: readonly Detail[]): string[] {
  return [
    ...alignedLines([
      ["limit of", "p50_ms", "p95_ms", "req_per_s", "app: more figures"],
      ...details.map((d) => [
        d.name,
        figure(d.limit.p50Ms),
        figure(d.limit.p95Ms),
        figure(d.limit.reqPerSec),
        d.notes,
      ]),
    ]),
    "",
    "Limits: reads, the route's lib function with the same query, memo off, one call at a time in",
    "the bench process; report xlsx, exceljs writing the already built report; entries, a bare",
    `node:http server inserting entry, readings and audit row in one transaction (${WRITERS} connections).`,
    `App p50/p95: reads and xlsx with 1 connection, entries with ${WRITERS}; ` +
      `req/s: reads with ${READ_CONNECTIONS} connections.`,
    "ratio_to_limit: app p50 / limit p50 (reads, xlsx); limit req/s / app req/s (entries).",
  ];
}

/** Run on every way out: the server stopped, the working copies removed. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const step of cleanups.splice(0).reverse()) {
    await step().catch((error: unknown) => console.error(error));
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: "boolean", default: false }, db: { type: "string" } },
    strict: true,
  });
  const quick = values.quick;
  const profile = quick ? PROFILES.quick : PROFILES.full;
  const source = path.resolve(values.db ?? (quick ? QUICK_DATABASE : FULL_DATABASE));
  const began = performance.now();

  ensureGenerated(source, quick ? QUICK_SIZE : FULL_SIZE);
  ensureBuild();
  const ready = performance.now();

  const work = workFolder();
  cleanups.push(async () => work.remove());
  const files = {
    app: workingCopy(source, path.join(work.dir, "app.db")),
    limit: workingCopy(source, path.join(work.dir, "limit.db")),
  };
  // The in-process limits read the same data the server serves.
  process.env.DATABASE_PATH = files.app;
  const fixtures = readFixtures(files.app);

  process.stderr.write("· starting next start\n");
  const server = await startApp(files.app);
  cleanups.push(server.stop);
  const readerCookie = await signIn(server.origin, fixtures.reader.username, BENCH_PASSWORD);
  const writerCookie = await signIn(server.origin, fixtures.writer.username, BENCH_PASSWORD);

  const results: Results = { measured: [], details: [] };
  await measureReads(server, readerCookie, fixtures, profile, results);
  await measureXlsx(server, readerCookie, profile, results);
  await measureWrites(server, writerCookie, fixtures, files, profile, results);

  const seconds = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(0);
  console.log(
    [
      ...machineLines(source, quick),
      "",
      ...measureLines(results.measured),
      "",
      ...detailLines(results.details),
      `took ${seconds(began)} s: ${seconds(began, ready)} s data and build, ` +
        `${seconds(ready)} s measuring`,
    ].join("\n"),
  );
  return results.measured.some((m) => overruns(m).length > 0) ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    void cleanUp().then(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(2);
  });
