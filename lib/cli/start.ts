/**
 * `npm start`: the embedded default. Creates, migrates and (when empty) seeds the SQLite file,
 * makes sure there is a session secret and a production build, then serves the app.
 * `--dev` serves `next dev` instead (npm run dev).
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/seed-demo";
import { removeServerMarker, writeServerMarker } from "@/lib/backup/server-marker";
import { waitUntilServing } from "@/lib/net/serving";
import { hasCurrentBuild } from "./build-freshness";
import { prepareDatabase } from "./prepare-db";
import { ensureAuthSecret } from "./secret";

const nextBin = require.resolve("next/dist/bin/next");
// Rewrites X-Forwarded-For before Next.js sees a request, so that the sign-in throttle's address
// cannot be named by the client (lib/auth/forwarded-for-preload.cjs).
const forwardedFor = path.resolve(__dirname, "../auth/forwarded-for-preload.cjs");
const run = (args: string[], env: NodeJS.ProcessEnv) =>
  spawn(process.execPath, ["--require", forwardedFor, nextBin, ...args], { stdio: "inherit", env });

async function main() {
  const dev = process.argv.includes("--dev");
  const { file, seeded } = await prepareDatabase();
  const dataDir = path.dirname(file);
  const port = Number(process.env.PORT || 3000);
  const address = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: dev ? "development" : "production",
    DATABASE_PATH: file,
    NEXTAUTH_SECRET: ensureAuthSecret(dataDir),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || address,
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  };
  console.log(`Database: ${file}${seeded ? " (new, with the Baiyang demo data)" : ""}`);
  // While this process serves the file, `npm run restore` refuses to replace it.
  writeServerMarker(file);
  process.on("exit", () => removeServerMarker(file));

  // START_BUILD=never serves whatever build there is: a second server beside one already serving
  // .next (the e2e specs' own servers) must never rebuild it under the first.
  const stale = !dev && !hasCurrentBuild();
  if (stale && process.env.START_BUILD === "never") {
    console.log("The production build is older than the sources; serving it (START_BUILD=never).");
  } else if (stale) {
    console.log("No current production build: running `next build` (a minute or two)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  // Idle connections stay open for 65 s: a client reusing one just as the server closes it (Node's
  // default is 5 s) gets a reset instead of an answer.
  const args = dev ? ["dev"] : ["start", "--keepAliveTimeout", "65000"];
  const server = run([...args, "-p", String(port)], env);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

  if (!(await waitUntilServing(address, server))) {
    console.error(`The server did not answer at ${address}; see its output above.`);
    return;
  }
  console.log(`\nStreet Goals 街道目标任务管理 is serving at ${address}`);
  if (seeded) {
    // Only on the start that created them: later their passwords may have been changed.
    console.log(`Demo accounts, all with the password ${DEMO_PASSWORD}:`);
    for (const account of DEMO_ACCOUNTS) {
      const who = `${account.displayName} · ${account.title} · ${account.unitName}`;
      console.log(`  ${account.username.padEnd(12)} ${who}`);
    }
  } else {
    console.log("Demo accounts are listed in README.md.");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
