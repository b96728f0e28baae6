import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { NextResponse, NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { databasePath, getDb } from "@/db/client";
import { units } from "@/db/schema";
import { otherProcess, type OtherProcess } from "@/lib/backup/other-process";
import { messagesFor } from "@/lib/i18n/messages";
import { closeTestDatabase, openTestDatabase } from "@/lib/testing/database";

// Who is signed in does not matter here: only what the route does with a busy database.
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => ({ id: 1, role: "admin", unitId: 1 }),
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "zh-CN",
  getTranslations: async (options?: { namespace?: string }) => (key: string) =>
    String(
      (messagesFor("zh-CN") as unknown as Record<string, Record<string, string>>)[
        options!.namespace!
      ]![key],
    ),
}));

const { apiRoute } = await import("@/lib/api/route");

/** A route that writes one unit in a transaction, as every write route does. */
const addUnit = (name: string) =>
  apiRoute(async () => {
    const id = getDb().transaction((tx) => {
      tx.select().from(units).all(); // reads first, as checks inside a write do
      return tx.insert(units).values({ name, type: "department" }).returning({ id: units.id }).get()
        .id;
    });
    return NextResponse.json({ id }, { status: 201 });
  });

const post = (name: string) =>
  addUnit(name)(new NextRequest("http://localhost/api/v1/units", { method: "POST" }), {
    params: Promise.resolve({}),
  });

const unitNamed = (name: string) => getDb().select().from(units).where(eq(units.name, name)).get();
const connection = () => (getDb() as unknown as { $client: Database.Database }).$client;

const others: OtherProcess[] = [];
beforeAll(() => openTestDatabase());
afterEach(async () => {
  connection().pragma("busy_timeout = 5000");
  await Promise.all(others.splice(0).map((other) => other.kill()));
});
afterAll(closeTestDatabase);

describe("a busy database", () => {
  it("is locked for writing by a transaction from its start, so no other process writes in between", () => {
    const other = new Database(databasePath());
    other.pragma("busy_timeout = 0");
    try {
      getDb().transaction((tx) => {
        tx.select().from(units).all();
        expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(
          expect.objectContaining({ code: "SQLITE_BUSY" }),
        );
      });
      other.exec("BEGIN IMMEDIATE; ROLLBACK;"); // and free again afterwards
    } finally {
      other.close();
    }
  });

  it("is waited for inside the server while another process holds the write lock briefly", async () => {
    const holder = await otherProcess(databasePath(), "lock", { holdMs: 1000 });
    others.push(holder);
    const response = await post("等待后写入");
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    expect(unitNamed("等待后写入")?.id).toBe(id);
    expect(unitNamed(`held-${holder.child.pid}`)).toBeDefined();
  });

  it("answers 503 busy with Retry-After, never a 500, when the lock outlasts the wait; nothing is written", async () => {
    connection().pragma("busy_timeout = 200"); // the server's 5 s, shortened for the test
    const holder = await otherProcess(databasePath(), "lock", { holdMs: 3000 });
    others.push(holder);
    const response = await post("繁忙时写入");
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.json()).toEqual({
      error: { code: "busy", message: "系统繁忙，请稍后再试" },
    });
    await holder.printed("released");
    expect(unitNamed("繁忙时写入")).toBeUndefined();
    // Asked again once the lock is gone, as Retry-After says, it is written.
    expect((await post("繁忙时写入")).status).toBe(201);
  });
});
