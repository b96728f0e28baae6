import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { cacheStatements } from "./statement-cache";

let sqlite: Database.Database;

function open(size?: number) {
  sqlite = new Database(":memory:");
  cacheStatements(sqlite, size);
  sqlite.exec(
    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b')",
  );
  return sqlite;
}

afterEach(() => sqlite.close());

describe("cacheStatements", () => {
  it("hands out the same statement again for the same SQL", () => {
    const db = open();
    const first = db.prepare("SELECT name FROM t WHERE id = ?");
    expect(db.prepare("SELECT name FROM t WHERE id = ?")).toBe(first);
    expect(db.prepare("SELECT name FROM t WHERE id = ?").get(2)).toEqual({ name: "b" });
  });

  it("resets the output modes a previous caller switched on", () => {
    const db = open();
    expect(db.prepare("SELECT id, name FROM t ORDER BY id").raw().all()).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(db.prepare("SELECT id, name FROM t ORDER BY id").all()).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
    ]);
    db.prepare("SELECT name FROM t WHERE id = 1").pluck();
    expect(db.prepare("SELECT name FROM t WHERE id = 1").get()).toEqual({ name: "a" });
  });

  it("prepares a fresh statement while the cached one is iterating", () => {
    const db = open();
    const names: string[] = [];
    for (const row of db.prepare("SELECT id, name FROM t ORDER BY id").iterate() as Iterable<{
      id: number;
    }>) {
      names.push(
        ...(db.prepare("SELECT id, name FROM t ORDER BY id").all() as { name: string }[]).map(
          (r) => `${row.id}${r.name}`,
        ),
      );
    }
    expect(names).toEqual(["1a", "1b", "2a", "2b"]);
  });

  it("keeps only the most recently used statements", () => {
    const db = open(2);
    const one = db.prepare("SELECT 1");
    const two = db.prepare("SELECT 2");
    expect(db.prepare("SELECT 1")).toBe(one); // now the most recent
    db.prepare("SELECT 3"); // evicts SELECT 2
    expect(db.prepare("SELECT 1")).toBe(one);
    expect(db.prepare("SELECT 2")).not.toBe(two);
  });

  it("runs writes through reused statements", () => {
    const db = open();
    for (const name of ["c", "d"]) db.prepare("INSERT INTO t (name) VALUES (?)").run(name);
    expect(db.prepare("SELECT COUNT(*) AS n FROM t").get()).toEqual({ n: 4 });
  });
});
