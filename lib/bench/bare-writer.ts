/** Starts and stops the bare write server (lib/bench/bare-writer-main.ts) in its own process. */
import { spawn } from "node:child_process";
import path from "node:path";

export interface BareWriter {
  origin: string;
  pid: number;
  stop: () => Promise<void>;
}

export function startBareWriter(databaseFile: string, authorId: number): Promise<BareWriter> {
  const main = path.resolve("lib/bench/bare-writer-main.ts");
  const child = spawn(process.execPath, ["--import", "tsx", main, databaseFile, String(authorId)], {
    // Its stdin closes when this process ends however it ends, and it then stops too.
    stdio: ["pipe", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) resolve({ origin: `http://127.0.0.1:${port}`, pid: child.pid!, stop });
    });
    child.once("exit", (code) => reject(new Error(`the bare writer exited (${code})`)));
  });
}
