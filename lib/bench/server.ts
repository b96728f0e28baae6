/**
 * The production build served for the benchmark: built when stale (as `npm start` does), started
 * with `next start` on a free port against a working copy of the database, and always stopped.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { hasCurrentBuild } from "@/lib/cli/build-freshness";
import { freePort, waitUntilServing } from "@/lib/net/serving";

const nextBin = require.resolve("next/dist/bin/next");

/** Builds the app with `next build` unless `.next` is newer than every source file. */
export function ensureBuild(): void {
  if (hasCurrentBuild()) return;
  console.log("No current production build: running `next build` (a minute or two)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}

export interface AppServer {
  origin: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Waits until a child process has exited, or kills it harder after `ms`. */
function stopChild(child: ChildProcess, ms = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill("SIGKILL"), ms);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts `next start` on the database file and waits until /login answers. The server's output is
 * kept back and shown only if it fails to start, so the benchmark's lines stay readable.
 */
export async function startApp(databaseFile: string): Promise<AppServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [nextBin, "start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_PATH: databaseFile,
        // A throwaway secret: the sessions live only as long as the run.
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: origin,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const server: AppServer = { origin, pid: child.pid!, stop: () => stopChild(child) };

  if (await waitUntilServing(`${origin}/login`, child)) return server;
  await server.stop();
  throw new Error(`next start did not answer at ${origin}/login:\n${output}`);
}
