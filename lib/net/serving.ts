/**
 * Starting a server and knowing when it serves: for `npm start`, the benchmark and the e2e specs
 * that run a server of their own.
 */
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Waits until `url` answers with a status below 500 while `child` runs: true once it does, false
 * when the child exits first or `seconds` pass.
 */
export async function waitUntilServing(
  url: string,
  child: ChildProcess,
  seconds = 60,
): Promise<boolean> {
  for (let tries = 0; tries < seconds * 10 && child.exitCode === null; tries++) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status < 500) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
