/**
 * `npm run bench:data -- --tasks 5000 --indicators 20000 --entries 1000000 [--out FILE] [--seed N]
 * [--units N] [--users N]`: builds a district-scale database for the benchmarks (#9) from scratch.
 */
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import {
  BENCH_PASSWORD,
  DISTRICT_AS_OF,
  DISTRICT_PLAN,
  generateDistrict,
} from "@/db/seed/district";

export const DEFAULT_BENCH_DATABASE = "./data/bench/district.db";

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`--${name} must be a whole number ≥ 0, not ${JSON.stringify(text)}`);
  }
  return value;
}

function main() {
  const { values } = parseArgs({
    options: {
      tasks: { type: "string" },
      indicators: { type: "string" },
      entries: { type: "string" },
      units: { type: "string" },
      users: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
    },
    strict: true,
  });
  const options = {
    tasks: positiveInteger("tasks", values.tasks, 5000),
    indicators: positiveInteger("indicators", values.indicators, 20000),
    entries: positiveInteger("entries", values.entries, 1_000_000),
    units: positiveInteger("units", values.units, 300),
    users: positiveInteger("users", values.users, 1500),
    seed: positiveInteger("seed", values.seed, 1),
  };
  const file = path.resolve(values.out ?? DEFAULT_BENCH_DATABASE);

  const began = performance.now();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const { db, sqlite } = openDatabase(file);
  try {
    migrateDatabase(db);
    const counts = generateDistrict(sqlite, options);
    const generated = performance.now();
    sqlite.exec("ANALYZE");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const seconds = (performance.now() - began) / 1000;

    console.log(`District database: ${file}`);
    console.log(
      `  plan ${DISTRICT_PLAN.year} (${DISTRICT_PLAN.startDate} → ${DISTRICT_PLAN.endDate}), ` +
        `reporting day ${DISTRICT_PLAN.reportingDay}, data up to ${DISTRICT_AS_OF}, seed ${options.seed}`,
    );
    for (const [name, count] of Object.entries(counts)) {
      console.log(`  ${name.padEnd(18)} ${count.toLocaleString("en-US")}`);
    }
    console.log(`  size               ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`);
    console.log(
      `  seconds            ${seconds.toFixed(1)} ` +
        `(generate ${((generated - began) / 1000).toFixed(1)}, analyze ${((performance.now() - generated) / 1000).toFixed(1)})`,
    );
    const roles = sqlite
      .prepare("SELECT role, COUNT(*) AS n FROM users GROUP BY role ORDER BY role")
      .all() as { role: string; n: number }[];
    console.log(`Accounts: ${roles.map(({ role, n }) => `${role}1…${role}${n}`).join(", ")}`);
    console.log(`  password: ${BENCH_PASSWORD}`);
  } finally {
    sqlite.close();
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
