/**
 * For tests: another process with a database open, as the server would have it (locks are per
 * process, so a connection in the test's own process would not show what a server does).
 */
import { spawn, type ChildProcess } from "node:child_process";

const SCRIPT = `
const Database = require("better-sqlite3");
const [file, mode, holdMs] = process.argv.slice(1);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.prepare("SELECT count(*) FROM sqlite_master").get();
const insert = mode === "open" ? null : db.prepare("INSERT INTO units (name, type, created_at, updated_at) VALUES (?, 'department', 0, 0)");
let n = 0;
if (mode === "lock") {
  db.exec("BEGIN IMMEDIATE");
  insert.run("held-" + process.pid);
  setTimeout(() => { db.exec("COMMIT"); console.log("released"); }, Number(holdMs));
}
if (mode === "write") setInterval(() => { for (let i = 0; i < 20; i++) insert.run("w-" + n++); }, 1);
if (mode === "uncommitted") { insert.run("committed-in-wal"); }
console.log("ready");
setInterval(() => {}, 1000);
`;

export interface OtherProcess {
  child: ChildProcess;
  /** Resolves when it prints the line (e.g. "released"). */
  printed: (line: string) => Promise<void>;
  /** Ends it with SIGKILL, as a crash would, and waits until it is gone. */
  kill: () => Promise<void>;
}

/**
 * `open`: holds the file open (WAL, as the server does); `lock`: holds the write lock for holdMs;
 * `write`: writes without pause; `uncommitted`: writes a row that stays in the -wal.
 * `commandLine` is only shown in its command line (e.g. to pass for `npm start`).
 */
export async function otherProcess(
  file: string,
  mode: "open" | "lock" | "write" | "uncommitted",
  options: { holdMs?: number; commandLine?: string } = {},
): Promise<OtherProcess> {
  const args = [file, mode, String(options.holdMs ?? 0), options.commandLine ?? ""];
  const child = spawn(process.execPath, ["-e", SCRIPT, ...args], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.filter((w) => output.split("\n").includes(w.line))) {
      waiter.resolve();
    }
  });
  const printed = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.split("\n").includes(line)) return resolve();
      waiters.push({ line, resolve });
      child.once("exit", (code) => reject(new Error(`the other process exited (${code})`)));
    });
  await printed("ready");
  return {
    child,
    printed,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    },
  };
}
