/**
 * A server of a spec's own, on its own database file: for specs that must count every row, restart
 * the server or kill it. It is started as `npm start` does (lib/cli/start.ts: migrate, seed the
 * demo, serve the production build the suite's web server has already built), in a process group
 * of its own so that `kill()` takes down `next start` with it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitUntilServing } from "../../lib/net/serving";

export interface OwnServer {
  baseURL: string;
  dataDir: string;
  databaseFile: string;
  /** Stops the server as an operator would (SIGTERM), and waits until it has exited. */
  stop: () => Promise<void>;
  /** Kills the server outright (SIGKILL to its whole process group), and waits until it is gone. */
  kill: () => Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts a server on `dataDir` (a new temp folder unless given: pass the same one to start again on
 * the same database) and waits until its sign-in page answers.
 */
export async function startOwnServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<OwnServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "street-goals-own-"));
  const databaseFile = path.join(dataDir, "street-goals.db");
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
    cwd: path.resolve(__dirname, "../.."),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...options.env,
      PORT: String(port),
      DATABASE_PATH: databaseFile,
      NEXTAUTH_URL: options.env?.NEXTAUTH_URL ?? baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      // Serve the suite's build as it is: sources edited since must not start a second build.
      START_BUILD: "never",
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);

  const server: OwnServer = {
    baseURL,
    dataDir,
    databaseFile,
    stop: async () => {
      signalGroup(child, "SIGTERM");
      const hard = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(hard);
    },
    kill: async () => {
      signalGroup(child, "SIGKILL");
      await exited(child);
    },
  };

  if (await waitUntilServing(`${baseURL}/login`, child, 120)) return server;
  await server.kill();
  throw new Error(`the spec's own server did not answer at ${baseURL}/login:\n${output}`);
}
