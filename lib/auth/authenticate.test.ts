import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { closeTestDatabase, insertOffice, openTestDatabase } from "@/lib/testing/database";
import { authenticate } from "./authenticate";
import { hashPassword } from "./password";

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
