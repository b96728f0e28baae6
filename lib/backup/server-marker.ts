import { readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * `npm start` leaves its process id beside the database while it serves, so that a restore can
 * refuse to replace the file under a running server, even before the server has opened it.
 */
export function serverMarkerFile(databaseFile: string): string {
  return `${databaseFile}.server.pid`;
}

export function writeServerMarker(databaseFile: string, pid = process.pid): void {
  writeFileSync(serverMarkerFile(databaseFile), `${pid}\n`);
}

/** Removes the marker if it is still this process's (another server may have written its own). */
export function removeServerMarker(databaseFile: string, pid = process.pid): void {
  if (markedPid(databaseFile) === pid) rmSync(serverMarkerFile(databaseFile), { force: true });
}

function markedPid(databaseFile: string): number | null {
  try {
    const pid = Number(readFileSync(serverMarkerFile(databaseFile), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a live process is `npm start` (where /proc says so): a reused id is not a server. */
function looksLikeServer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("start.ts");
  } catch {
    return true; // no /proc (macOS, Windows): trust the id
  }
}

/** The id of the server marked as serving this database, if it is still running. */
export function runningServerPid(databaseFile: string): number | null {
  const pid = markedPid(databaseFile);
  return pid !== null && pid !== process.pid && alive(pid) && looksLikeServer(pid) ? pid : null;
}
