import { expect, test } from "@playwright/test";
import { sharedDatabaseFile } from "./security/audit-db";
import {
  API_MATRIX,
  allows,
  entryName,
  isSuccess,
  isWrite,
  type ApiEntry,
} from "./security/api-matrix";
import { apiRoutes } from "./security/routes";
import { actorIdOf, probe, send } from "./security/run-cell";
import { ACTORS, World, type ActorName } from "./security/world";

// Issue #8, part 1: who may do what, for every route of the API, read from the source (a new
// route without an entry fails; the pages are in page-permissions.spec.ts), with valid requests
// on things this spec makes (world.ts), so a refusal is the policy's and not the validator's. The
// tests of this file share one world and run in order in one worker.
test.describe.configure({ mode: "default" });

let w: World;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(60_000);
  w = await World.create(testInfo.project.use.baseURL!, sharedDatabaseFile());
});
test.afterAll(async () => {
  await w?.dispose();
});

const key = (route: string, method: string) => `${method} ${route}`;

test("every API route × method has an entry in the matrix, and every entry a route", () => {
  const routes = apiRoutes().map(({ route, method }) => key(route, method));
  // Sanity: the reader finds the routes it should (and their methods).
  expect(routes).toContain("PATCH /api/v1/tasks/[id]");
  expect(routes).toContain("DELETE /api/[[...path]]");
  expect(routes.some((r) => r.includes("nextauth"))).toBe(false);

  const entries = new Set(API_MATRIX.map((e) => key(e.route, e.method)));
  expect(
    routes.filter((r) => !entries.has(r)),
    "routes without an entry",
  ).toEqual([]);
  expect(
    [...entries].filter((e) => !routes.includes(e)),
    "entries without a route",
  ).toEqual([]);
  for (const entry of API_MATRIX) {
    // A write says what it leaves in the audit log (audit-completeness.spec.ts checks it).
    if (isWrite(entry.method)) expect(entry.audit, entryName(entry)).toBeDefined();
    expect(Object.keys(entry.expect).sort(), entryName(entry)).toEqual([...ACTORS].sort());
  }
});

/** Runs one cell; a refused write must leave its probe as it was and no audit row of the actor. */
async function checkCell(entry: ApiEntry, actor: ActorName) {
  const name = `${entryName(entry)} as ${actor}`;
  const call = await entry.call(w, actor);
  const before = call.probe ? await probe(w, call.probe, call.probeItem) : undefined;
  const lastId = w.db.lastId();
  const response = await send(w, entry, actor, call);
  const expected = entry.expect[actor];
  expect
    .soft(
      allows(expected, response.status()),
      `${name}: ${response.status()} ${await response.text()}`,
    )
    .toBe(true);
  if (!isWrite(entry.method) || isSuccess(expected)) return;
  if (call.probe)
    expect
      .soft(await probe(w, call.probe, call.probeItem), `${name} changed ${call.probe}`)
      .toEqual(before);
  const actorId = actorIdOf(w, actor, call);
  if (actorId !== undefined) {
    expect.soft(w.db.rowsSince(lastId, actorId), `${name} wrote audit rows`).toEqual([]);
  }
}

test("API: every route × actor answers as the matrix says; refused writes change nothing", async () => {
  test.setTimeout(240_000);
  for (const entry of API_MATRIX) {
    for (const actor of ACTORS) await checkCell(entry, actor);
  }
});

test("API: a refusal comes before the body is read, and before a role-gated id is looked up", async () => {
  test.setTimeout(240_000);
  for (const entry of API_MATRIX.filter((e) => isWrite(e.method) && e.gate)) {
    for (const actor of ACTORS) {
      if (entry.expect[actor] !== 403) continue;
      const call = await entry.call(w, actor);
      const name = `${entryName(entry)} as ${actor}`;
      const malformed = await send(w, entry, actor, call, { malformedBody: true });
      expect.soft(malformed.status(), `${name} with a body that is not JSON`).toBe(403);
      if (entry.gate === "role" && /\/\d+(\/|\?|$)/.test(call.path)) {
        const missing = await send(w, entry, actor, call, { missingId: true, malformedBody: true });
        expect.soft(missing.status(), `${name} on an id that names nothing`).toBe(403);
      }
    }
  }
});
