import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { plans, tasks, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { prepareDatabase } from "./prepare-db";

const sharedPath = process.env.DATABASE_PATH;

// Each test prepares its own fresh file, so neither depends on the other's leftovers.
beforeEach(() => {
  process.env.DATABASE_PATH = path.join(
    mkdtempSync(path.join(tmpdir(), "street-goals-prepare-")),
    "db.sqlite",
  );
});

afterEach(() => {
  delete process.env.DEMO_SEED;
  process.env.DATABASE_PATH = sharedPath;
});

// Each call opens its own connection to the test's DATABASE_PATH.
function counts() {
  const { db, sqlite } = openDatabase();
  try {
    return {
      plans: db.select({ n: count() }).from(plans).get()!.n,
      tasks: db.select({ n: count() }).from(tasks).get()!.n,
      users: db.select({ n: count() }).from(users).get()!.n,
      leaderHash: db
        .select({ h: users.passwordHash })
        .from(users)
        .where(eq(users.username, "leader"))
        .get()?.h,
    };
  } finally {
    sqlite.close();
  }
}

describe("prepareDatabase", () => {
  it("leaves an empty schema when the demo seed is turned off", async () => {
    process.env.DEMO_SEED = "false";
    const { seeded } = await prepareDatabase();
    expect(seeded).toBe(false);
    expect(counts()).toMatchObject({ plans: 0, tasks: 0, users: 0 });
  });

  it("seeds an empty database once, with real password hashes, and never again", async () => {
    const first = await prepareDatabase();
    expect(first.seeded).toBe(true);
    const after = counts();
    expect(after.plans).toBe(1);
    expect(after.tasks).toBeGreaterThanOrEqual(35);
    await expect(verifyPassword("baiyang2023", after.leaderHash!)).resolves.toBe(true);

    const second = await prepareDatabase();
    expect(second.seeded).toBe(false);
    expect(counts()).toEqual(after);
  });
});
