import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openDatabase, type Db } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/lib/testing/database";
import {
  accountLockedUntil,
  clearAccountThrottle,
  recordSignInFailure,
  signInLock,
} from "./lockout";

const MINUTE = 60_000;
const now = new Date("2026-03-02T01:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

let db: Db;
beforeAll(() => {
  db = openTestDatabase();
});
afterAll(closeTestDatabase);

/** `count` failures of `username` from `address`, a second apart from `from`; the last answer. */
function failures(username: string, address: string | null, count: number, from = now) {
  let lock = null;
  for (let i = 0; i < count; i++) {
    lock = recordSignInFailure(db, { username, address }, new Date(from.getTime() + i * 1000));
  }
  return lock;
}

describe("sign-in lockout in the database", () => {
  it("locks the account at the fifth failure, and refuses it from any address", () => {
    expect(failures("lock.a", "10.0.0.1", 4)).toBeNull();
    expect(signInLock(db, { username: "lock.a", address: "10.0.0.1" }, at(4000))).toBeNull();
    expect(failures("lock.a", "10.0.0.1", 1, at(4000))).toEqual({
      scope: "account",
      until: at(4000 + 15 * MINUTE),
    });
    expect(signInLock(db, { username: "lock.a", address: "10.9.9.9" }, at(5000))).toEqual({
      scope: "account",
      until: at(4000 + 15 * MINUTE),
    });
    expect(
      signInLock(db, { username: "lock.a", address: null }, at(4000 + 15 * MINUTE)),
    ).toBeNull();
  });

  it("counts names that do not exist the same way (the table has no idea which exist)", () => {
    expect(failures("nobody.at.all", "10.0.0.2", 5)).toMatchObject({ scope: "account" });
  });

  it("locks an address that fails across many accounts, for every account", () => {
    for (let i = 0; i < 19; i++) {
      expect(failures(`spray.${i}`, "10.0.0.3", 1, at(i * 1000))).toBeNull();
    }
    expect(failures("spray.19", "10.0.0.3", 1, at(19_000))).toEqual({
      scope: "address",
      until: at(19_000 + 15 * MINUTE),
    });
    expect(signInLock(db, { username: "someone.else", address: "10.0.0.3" }, at(20_000))).toEqual({
      scope: "address",
      until: at(19_000 + 15 * MINUTE),
    });
    // The same accounts from another address are not locked (one failure each).
    expect(signInLock(db, { username: "spray.1", address: "10.0.0.4" }, at(20_000))).toBeNull();
  });

  it("grows: the next lock of the same account lasts 30 minutes", () => {
    failures("lock.b", null, 5);
    const second = failures("lock.b", null, 5, at(15 * MINUTE + 4000));
    expect(second).toEqual({ scope: "account", until: at(15 * MINUTE + 8000 + 30 * MINUTE) });
  });

  it("forgets an account's failures and lock when cleared (good sign-in or unlock)", () => {
    failures("lock.c", null, 5);
    expect(accountLockedUntil(db, ["lock.c", "lock.a"], at(5000))).toEqual(
      new Map([
        ["lock.c", at(4000 + 15 * MINUTE)],
        ["lock.a", at(4000 + 15 * MINUTE)],
      ]),
    );
    clearAccountThrottle(db, "lock.c");
    expect(signInLock(db, { username: "lock.c", address: null }, at(5000))).toBeNull();
    // Counting starts again from nothing, and the next lock is the shortest again.
    expect(failures("lock.c", null, 4, at(6000))).toBeNull();
    expect(failures("lock.c", null, 1, at(10_000))).toEqual({
      scope: "account",
      until: at(10_000 + 15 * MINUTE),
    });
  });

  it("survives a restart: a fresh connection to the same file still refuses", () => {
    failures("lock.d", "10.0.0.5", 5);
    closeDb();
    const fresh = openDatabase(process.env.DATABASE_PATH);
    try {
      expect(signInLock(fresh.db, { username: "lock.d", address: null }, at(6000))).toEqual({
        scope: "account",
        until: at(4000 + 15 * MINUTE),
      });
    } finally {
      fresh.sqlite.close();
    }
    db = openTestDatabase();
  });

  it("prunes rows idle for two days whose lock ended a day ago", () => {
    failures("stale.one", "10.0.0.6", 1);
    const later = new Date(now.getTime() + 3 * 24 * 60 * MINUTE);
    recordSignInFailure(db, { username: "fresh.one", address: "10.0.0.7" }, later);
    const subjects = db.select({ subject: signInThrottles.subject }).from(signInThrottles).all();
    expect(subjects.map((row) => row.subject)).not.toContain("stale.one");
    expect(subjects.map((row) => row.subject)).toContain("fresh.one");
  });
});
