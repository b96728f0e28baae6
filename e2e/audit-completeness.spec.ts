import { expect, test } from "@playwright/test";
import { API_MATRIX, entryName, isSuccess, isWrite, type ApiEntry } from "./security/api-matrix";
import { apiRoutes } from "./security/routes";
import { actorIdOf, send } from "./security/run-cell";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { ACTORS, World } from "./security/world";

// Issue #8, part 8: every write endpoint, called once successfully, leaves its audit row (read
// from the database itself, read-only: no API serves the whole log). On a server of its own, so
// that the one write that changes what everyone sees — switching the current plan — really
// happens, and nothing another spec does can be mistaken for this one's rows.

/**
 * The writes that leave no audit row, and why. A write endpoint that is not here must write one:
 * a new write route fails the test until it does, or until it is added here with its reason.
 */
const NOT_AUDITED: Record<string, string> = {
  // A preview: the importer reads the text and answers what it found; nothing is stored.
  "POST /api/v1/imports/plan-text/preview": "writes nothing",
  // Marking one's own notifications read: the caller's inbox, seen by no one else; what each
  // notice was about (an urge, an instruction, a review) is audited where it happened.
  "POST /api/v1/notifications/read": "the caller's own inbox, not the plan's data",
  // Any API path without a route: 404, nothing written.
  "POST /api/[[...path]]": "no route",
  "PUT /api/[[...path]]": "no route",
  "PATCH /api/[[...path]]": "no route",
  "DELETE /api/[[...path]]": "no route",
};
// next-auth's own endpoints (/api/auth/[...nextauth]: sign-in, sign-out, CSRF) are left out of the
// catalogue (routes.ts): signing in changes none of the plan's data.

// One server, one world: the tests run in order in one worker.
test.describe.configure({ mode: "default" });

const key = (entry: { method: string; route: string }) => `${entry.method} ${entry.route}`;

let server: OwnServer;
let w: World;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  server = await startOwnServer();
  w = await World.create(server.baseURL, server.databaseFile, true);
});
test.afterAll(async () => {
  await w?.dispose();
  await server?.stop();
});

test("every write route is either audited or listed here with its reason", () => {
  const writes = apiRoutes().filter((r) => isWrite(r.method));
  expect(writes.length).toBeGreaterThan(30);
  for (const route of writes) {
    const entries = API_MATRIX.filter((e) => key(e) === key(route));
    expect(
      entries.length,
      `${key(route)} has no entry in e2e/security/api-matrix.ts`,
    ).toBeGreaterThan(0);
    for (const entry of entries) {
      const exempt = entry.audit !== undefined && "exempt" in entry.audit;
      expect(exempt, `${entryName(entry)}: audited unless listed in NOT_AUDITED`).toBe(
        key(entry) in NOT_AUDITED,
      );
    }
  }
});

async function callOnce(entry: ApiEntry) {
  // The first actor the matrix allows: the author, the leader, the admin…
  const actor = ACTORS.find((a) => isSuccess(entry.expect[a]));
  expect(actor, `${entryName(entry)}: someone may call it`).toBeDefined();
  const call = await entry.call(w, actor!);
  const lastId = w.db.lastId();
  const response = await send(w, entry, actor!, call);
  const text = await response.text();
  expect(response.ok(), `${entryName(entry)} as ${actor}: ${response.status()} ${text}`).toBe(true);
  const answer = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const rows = w.db.rowsSince(lastId, actorIdOf(w, actor!, call)!);
  return { call, answer, rows };
}

test("every write endpoint, called once, leaves its audit row", async () => {
  test.setTimeout(180_000);
  const audited = API_MATRIX.filter((e) => isWrite(e.method) && e.audit && "entity" in e.audit);
  expect(audited.length).toBeGreaterThan(30);
  for (const entry of audited) {
    const { call, answer, rows } = await callOnce(entry);
    const entity = (entry.audit as { entity: string }).entity;
    const id = typeof call.entityId === "function" ? call.entityId(answer) : call.entityId;
    expect
      .soft(
        rows.some((row) => row.entityType === entity && (id === undefined || row.entityId === id)),
        `${entryName(entry)}: an audit row for ${entity} ${id ?? ""}; found ${JSON.stringify(rows)}`,
      )
      .toBe(true);
  }
});

test("the writes listed as not audited succeed and leave no row", async () => {
  for (const entry of API_MATRIX.filter((e) => key(e) in NOT_AUDITED)) {
    if (!ACTORS.some((a) => isSuccess(entry.expect[a]))) continue; // no route: nothing succeeds
    const { rows } = await callOnce(entry);
    expect(rows, entryName(entry)).toEqual([]);
  }
});
