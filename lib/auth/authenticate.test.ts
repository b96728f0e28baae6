import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottles, users } from "@/db/schema";
import { closeTestDatabase, insertOffice, openTestDatabase } from "@/lib/testing/database";
import { rejection } from "@/lib/testing/errors";
import { authenticate, SignInLockedError } from "./authenticate";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";

// The real scrypt check, watched: which hash each sign-in spends its work on.
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verify = vi.mocked(verifyPassword);

let db: Db;
let office: ReturnType<typeof insertOffice>;

beforeAll(async () => {
  db = openTestDatabase();
  office = insertOffice(db, await hashPassword("correct horse"));
});

afterAll(closeTestDatabase);

describe("authenticate", () => {
  it("answers the user for the right password", async () => {
    await expect(authenticate({ username: "t-cadre", password: "correct horse" })).resolves.toEqual(
      {
        id: office.cadre.id,
        username: "t-cadre",
        name: "测试cadre",
        role: "cadre",
        unitId: office.unit.id,
      },
    );
  });

  it("ignores case and surrounding spaces in the username, not in the password", async () => {
    await expect(
      authenticate({ username: "  T-Leader ", password: "correct horse" }),
    ).resolves.toMatchObject({
      role: "leader",
    });
    await expect(
      authenticate({ username: "t-leader", password: "Correct horse" }),
    ).resolves.toBeNull();
  });

  it("answers null for a wrong password, an unknown user and malformed input", async () => {
    await expect(authenticate({ username: "t-admin", password: "wrong" })).resolves.toBeNull();
    await expect(
      authenticate({ username: "nobody", password: "correct horse" }),
    ).resolves.toBeNull();
    await expect(authenticate({ username: "", password: "" })).resolves.toBeNull();
    await expect(authenticate(undefined)).resolves.toBeNull();
    await expect(authenticate({ username: ["t-admin"], password: {} })).resolves.toBeNull();
  });

  it("refuses a deactivated account even with the right password", async () => {
    const passwordHash = await hashPassword("correct horse");
    const retired = db
      .insert(users)
      .values({
        username: "t-retired",
        displayName: "已离岗",
        unitId: office.unit.id,
        role: "cadre",
        passwordHash,
      })
      .returning()
      .get();
    const signIn = () => authenticate({ username: "t-retired", password: "correct horse" });
    await expect(signIn()).resolves.toMatchObject({ id: retired.id });
    db.update(users).set({ active: false }).where(eq(users.id, retired.id)).run();
    await expect(signIn()).resolves.toBeNull();
  });
});

describe("wrong passwords, unknown names and locks", () => {
  const MINUTE = 60_000;
  beforeEach(() => {
    verify.mockClear();
  });

  const failuresOf = (subject: string) =>
    db
      .select({ failures: signInThrottles.failures, lockedUntil: signInThrottles.lockedUntil })
      .from(signInThrottles)
      .where(eq(signInThrottles.subject, subject))
      .get();

  it("does the same work for an unknown name as for a wrong password: one scrypt, one failure", async () => {
    await expect(authenticate({ username: "t-cadre", password: "wrong one" })).resolves.toBeNull();
    expect(verify).toHaveBeenCalledOnce();
    expect(verify.mock.calls[0]![1]).toMatch(/^scrypt\$16384\$8\$1\$/);
    verify.mockClear();
    await expect(authenticate({ username: "t-ghost", password: "wrong one" })).resolves.toBeNull();
    expect(verify).toHaveBeenCalledOnce();
    // The dummy hash has the real hashes' cost, so the check costs the same.
    expect(verify.mock.calls[0]![1]).toBe(await dummyPasswordHash());
    expect(verify.mock.calls[0]![1]).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(failuresOf("t-ghost")).toMatchObject({ failures: 1, lockedUntil: null });
    expect(failuresOf("t-cadre")).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("locks after 5 wrong passwords; the right one is then refused without being checked", async () => {
    const passwordHash = await hashPassword("correct horse");
    db.insert(users)
      .values({
        username: "t-locked",
        displayName: "锁",
        unitId: office.unit.id,
        role: "cadre",
        passwordHash,
      })
      .run();
    for (let i = 0; i < 4; i++) {
      await expect(
        authenticate({ username: "t-locked", password: `wrong ${i}` }),
      ).resolves.toBeNull();
    }
    const before = Date.now();
    const fifth = await rejection(authenticate({ username: "t-locked", password: "wrong 4" }));
    expect(fifth).toBeInstanceOf(SignInLockedError);
    const { lock } = fifth as SignInLockedError;
    expect(lock.scope).toBe("account");
    expect(lock.until.getTime()).toBeGreaterThanOrEqual(before + 15 * MINUTE);
    expect(lock.until.getTime()).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);

    verify.mockClear();
    const right = await rejection(
      authenticate({ username: "t-locked", password: "correct horse" }),
    );
    expect(right).toEqual(fifth);
    expect(verify).not.toHaveBeenCalled();
  });

  it("locks an unknown name after 5 tries with the same answer as a real one", async () => {
    for (let i = 0; i < 4; i++) {
      await expect(authenticate({ username: "t-nobody", password: "x" })).resolves.toBeNull();
    }
    const error = await rejection(authenticate({ username: "t-nobody", password: "x" }));
    expect(error).toBeInstanceOf(SignInLockedError);
    expect((error as SignInLockedError).lock.scope).toBe("account");
  });

  it("forgets the failures after a good sign-in", async () => {
    db.insert(users)
      .values({
        username: "t-forgiven",
        displayName: "好",
        unitId: office.unit.id,
        role: "leader",
        passwordHash: await hashPassword("correct horse"),
      })
      .run();
    for (let i = 0; i < 4; i++) await authenticate({ username: "t-forgiven", password: "nope" });
    await expect(
      authenticate({ username: "t-forgiven", password: "correct horse" }),
    ).resolves.toMatchObject({ role: "leader" });
    expect(failuresOf("t-forgiven")).toBeUndefined();
    for (let i = 0; i < 4; i++) {
      await expect(authenticate({ username: "t-forgiven", password: "nope" })).resolves.toBeNull();
    }
  });

  it("locks an address failing across accounts, even for an account with the right password", async () => {
    vi.stubEnv("SIGN_IN_ADDRESS_MAX_FAILURES", "6");
    try {
      const address = "203.0.113.9";
      for (let i = 0; i < 5; i++) {
        await expect(
          authenticate({ username: `t-spray-${i}`, password: "x" }, { address }),
        ).resolves.toBeNull();
      }
      const sixth = await rejection(
        authenticate({ username: "t-spray-5", password: "x" }, { address }),
      );
      expect((sixth as SignInLockedError).lock.scope).toBe("address");
      const admin = await rejection(
        authenticate({ username: "t-admin", password: "correct horse" }, { address }),
      );
      expect((admin as SignInLockedError).lock.scope).toBe("address");
      // From another address the same admin signs in.
      await expect(
        authenticate(
          { username: "t-admin", password: "correct horse" },
          { address: "203.0.113.10" },
        ),
      ).resolves.toMatchObject({ role: "admin" });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
