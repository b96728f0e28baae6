import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { startOwnServer, type OwnServer } from "./support/own-server";
import {
  checkDatabase,
  expectStoredOnce,
  signedIn,
  storedEntries,
  targetsFor,
  untilAcked,
  writeEntries,
  type Acked,
} from "./support/write-load";

// Each test runs its own server on its own database: it stops, restores and kills it.
const ROOT = path.resolve(__dirname, "..");
const run = promisify(execFile);
/** Writers: leaders and cadres of several units, on tasks of their own. */
const WRITERS = ["cadre", "linli", "shequ", "jingji", "leader"];

/** `npm run backup` / `npm run restore` against a server's database; answers exit code and output. */
async function cli(script: "backup" | "restore", server: OwnServer, args: string[] = []) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", `lib/cli/${script}.ts`, ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_PATH: server.databaseFile } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

let servers: OwnServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  for (const dataDir of new Set(servers.map((server) => server.dataDir))) {
    rmSync(dataDir, { recursive: true, force: true });
  }
  servers = [];
});
async function serve(dataDir?: string) {
  const server = await startOwnServer({ dataDir });
  servers.push(server);
  return server;
}

test("a backup taken while 50 clients write is consistent, and restores every entry acknowledged before it", async () => {
  test.setTimeout(180_000);
  const server = await serve();
  const leader = await signedIn(server.baseURL, "leader");
  const targets = await targetsFor(server.baseURL, leader, WRITERS, "备份时并发填报");
  const load = writeEntries({ clients: 50, targets, label: "备份" });
  await untilAcked(load, 100);

  const ackedBeforeBackup: Acked[] = [...load.acked];
  const backup = await cli("backup", server);
  expect(backup.code, backup.output).toBe(0);
  const backupFile = /to (\S+\.db) \(/.exec(backup.output)![1]!;
  const backupDone = Date.now();
  expect(path.dirname(backupFile)).toBe(path.join(server.dataDir, "backups"));
  await untilAcked(load, load.acked.length + 50); // writes go on after the backup
  await load.stop();
  expect(load.statuses, load.refusals.slice(0, 3).join("\n")).toEqual({
    "201": load.acked.length,
  });
  const allAcked = [...load.acked];
  test.info().annotations.push({
    type: "writes",
    description: `${ackedBeforeBackup.length} acknowledged before the backup, ${allAcked.length} in all`,
  });

  // Not while the server runs: nothing is replaced.
  const refused = await cli("restore", server, [backupFile]);
  expect(refused.code).toBe(1);
  expect(refused.output).toContain("Restore refused");
  expect(storedEntries(server.databaseFile, "备份-")).toHaveLength(allAcked.length);

  await server.stop();
  const restored = await cli("restore", server, [backupFile]);
  expect(restored.code, restored.output).toBe(0);
  const keptFile = /kept as (\S+\.db)/.exec(restored.output)![1]!;
  expect(existsSync(keptFile)).toBe(true);
  // The replaced database, kept beside it, lost nothing: every acknowledged entry is in it.
  expectStoredOnce(storedEntries(keptFile, "备份-"), allAcked);

  const again = await serve(server.dataDir);
  expect(checkDatabase(again.databaseFile)).toEqual({ integrity: "ok", foreignKeyErrors: 0 });
  const stored = storedEntries(again.databaseFile, "备份-");
  expectStoredOnce(stored, ackedBeforeBackup);
  // Nothing in it that was never acknowledged (a backup holds only committed writes).
  const ackedNotes = new Set(allAcked.map((write) => write.note));
  expect(stored.filter((entry) => !ackedNotes.has(entry.note))).toEqual([]);
  // Nor any written after the backup: it is the backup that was restored.
  const after = new Set(allAcked.filter((w) => w.sent > backupDone).map((w) => w.note));
  expect(after.size).toBeGreaterThan(0);
  expect(stored.filter((entry) => after.has(entry.note))).toEqual([]);
  // And the restored server serves them.
  const cadre = await signedIn(again.baseURL, "cadre");
  const task = targets.find((target) => target.username === "cadre")!;
  const listed = await cadre.get(`/api/v1/tasks/${task.taskId}/entries`);
  expect(listed.status()).toBe(200);
  const notes = ((await listed.json()) as { items: { note: string }[] }).items.map((e) => e.note);
  for (const write of ackedBeforeBackup.filter((w) => w.taskId === task.taskId)) {
    expect(notes).toContain(write.note);
  }
});

test("after SIGKILL during a burst of writes, the database is sound and every acknowledged write is there once", async () => {
  test.setTimeout(180_000);
  const server = await serve();
  const leader = await signedIn(server.baseURL, "leader");
  const targets = await targetsFor(server.baseURL, leader, WRITERS, "崩溃时并发填报");
  const load = writeEntries({ clients: 50, targets, label: "崩溃" });
  await untilAcked(load, 150);
  await server.kill();
  await load.stop();
  expect(load.statuses["no answer"]).toBeGreaterThan(0); // killed mid-burst, not after it
  expect(Object.keys(load.statuses).sort(), load.refusals.slice(0, 3).join("\n")).toEqual([
    "201",
    "no answer",
  ]);
  test.info().annotations.push({ type: "writes", description: JSON.stringify(load.statuses) });

  const again = await serve(server.dataDir);
  expect(checkDatabase(again.databaseFile)).toEqual({ integrity: "ok", foreignKeyErrors: 0 });
  expectStoredOnce(storedEntries(again.databaseFile, "崩溃-"), load.acked);
});
