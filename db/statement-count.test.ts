import Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSqlite, type Db } from "@/db/client";
import { units } from "@/db/schema";
import { closeTestDatabase, insertUnit, openTestDatabase } from "@/lib/testing/database";
import { countStatements } from "./statement-count";

let db: Db;

beforeAll(() => {
  db = openTestDatabase();
  insertUnit(db, "党政办公室");
  insertUnit(db, "白杨社区", "community");
});

afterAll(closeTestDatabase);

const statementPrototype = () =>
  Object.getPrototypeOf(getSqlite().prepare("SELECT 1")) as Record<string, unknown>;

describe("countStatements", () => {
  it("counts one statement per drizzle query, and each one in a loop", async () => {
    const one = await countStatements(() => db.select().from(units).all());
    expect(one.count).toBe(1);
    expect(one.result).toHaveLength(2);
    expect(one.statements[0]).toMatch(/^select .* from "units"/);

    const ids = one.result.map((u) => u.id);
    const loop = await countStatements(() =>
      ids.map((id) => db.select().from(units).where(eq(units.id, id)).get()),
    );
    expect(loop.count).toBe(2);
  });

  it("counts raw SQL, statements prepared once and run many times, pragmas and exec", async () => {
    expect((await countStatements(() => db.all(sql`SELECT 1`))).count).toBe(1);
    expect((await countStatements(() => getSqlite().prepare("SELECT 1").get())).count).toBe(1);

    const statement = getSqlite().prepare("SELECT name FROM units WHERE id = ?");
    const reused = await countStatements(() => [1, 2, 3].map((id) => statement.get(id)));
    expect(reused.count).toBe(3);

    const pragmas = await countStatements(() => {
      getSqlite().pragma("data_version", { simple: true });
      return getSqlite().pragma("table_info(units)");
    });
    expect(pragmas.statements).toEqual(["PRAGMA data_version", "PRAGMA table_info(units)"]);

    expect((await countStatements(() => getSqlite().exec("SELECT 1; SELECT 2"))).count).toBe(1);
    const iterated = await countStatements(() => [...statement.iterate(1)]);
    expect(iterated.count).toBe(1);
  });

  it("counts a transaction's BEGIN and COMMIT with the writes in it", async () => {
    const { statements } = await countStatements(() =>
      db.transaction((tx) => {
        tx.update(units).set({ position: 1 }).where(eq(units.name, "党政办公室")).run();
      }),
    );
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/^BEGIN/);
    expect(statements[1]).toMatch(/^update "units"/);
    expect(statements[2]).toMatch(/^COMMIT/);
  });

  it("awaits async work and counts what runs after an await", async () => {
    const { result, count } = await countStatements(async () => {
      await Promise.resolve();
      return db.select().from(units).all().length;
    });
    expect(result).toBe(2);
    expect(count).toBe(1);
  });

  it("counts only its own connection", async () => {
    const other = new Database(":memory:");
    try {
      const { count } = await countStatements(() => {
        other.prepare("SELECT 1").get();
        other.exec("SELECT 1");
      });
      expect(count).toBe(0);
      expect((await countStatements(() => other.prepare("SELECT 1").get(), other)).count).toBe(1);
    } finally {
      other.close();
    }
  });

  it("nests: the outer count includes the inner one", async () => {
    let inner = 0;
    const outer = await countStatements(async () => {
      db.all(sql`SELECT 1`);
      inner = (await countStatements(() => db.all(sql`SELECT 2`))).count;
      db.all(sql`SELECT 3`);
    });
    expect(inner).toBe(1);
    expect(outer.count).toBe(3);
  });

  it("is off outside a count, even when the counted code throws", async () => {
    const before = { ...statementPrototype() };
    const exec = Object.getPrototypeOf(getSqlite()).exec as unknown;
    await expect(
      countStatements(() => {
        db.all(sql`SELECT 1`);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await countStatements(() => db.all(sql`SELECT 1`));
    expect(statementPrototype()).toEqual(before);
    expect(Object.getPrototypeOf(getSqlite()).exec).toBe(exec);
  });
});
