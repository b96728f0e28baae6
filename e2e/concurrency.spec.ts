import path from "node:path";
import { expect, test } from "@playwright/test";
import { archiveTask } from "./support/api";
import {
  expectStoredOnce,
  signedIn,
  storedEntries,
  targetsFor,
  writeEntries,
} from "./support/write-load";

// On the shared server, on a task of the test's own (archived afterwards); the database file is
// read directly, read-only, to see every row an entry wrote.
const databaseFile = path.join(process.env.E2E_DATA_DIR!, "e2e.db");

test("50 clients logging entries on the same task at once: each stored once and whole, never a 500", async ({
  baseURL,
}) => {
  test.setTimeout(90_000);
  const leader = await signedIn(baseURL!, "leader");
  const [target] = await targetsFor(baseURL!, leader, ["cadre"], "同一任务并发填报");
  const label = `并发-${Date.now()}`;
  try {
    const load = writeEntries({ clients: 50, targets: [target!], label, perClient: 2 });
    await load.done;
    expect(load.statuses, load.refusals.slice(0, 3).join("\n")).toEqual({ "201": 100 });

    const stored = storedEntries(databaseFile, `${label}-`);
    expect(stored).toHaveLength(100);
    expectStoredOnce(stored, load.acked);
    // The API shows each of them too.
    const listed = await target!.request.get(`/api/v1/tasks/${target!.taskId}/entries`);
    const items = ((await listed.json()) as { items: { id: number }[] }).items;
    expect(items.map((e) => e.id).sort((a, b) => a - b)).toEqual(
      load.acked.map((e) => e.id).sort((a, b) => a - b),
    );
  } finally {
    await archiveTask(leader, target!.taskId);
  }
});
