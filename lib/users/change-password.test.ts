import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertOffice,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { createUser } from "./admin";
import { changeOwnPassword } from "./change-password";
import { passwordChangeSchema } from "./schemas";

let db: Db;
let office: ReturnType<typeof insertOffice>;

beforeAll(async () => {
  db = openTestDatabase();
  office = insertOffice(db, await hashPassword("baiyang2023"));
});

afterAll(closeTestDatabase);

const userRow = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;

describe("changeOwnPassword", () => {
  it("spends a one-time password: the new one signs in, the old one no longer does", async () => {
    const { id, temporaryPassword } = await createUser(asActor(office.admin), {
      username: "new.cadre",
      displayName: "新干部",
      title: null,
      unitId: office.unit.id,
      role: "cadre",
    });
    expect(userRow(id).mustChangePassword).toBe(true);
    await expect(
      changeOwnPassword(id, {
        currentPassword: temporaryPassword,
        newPassword: "春风十里扬州路-2024",
      }),
    ).resolves.toEqual({ mustChangePassword: false });
    expect(userRow(id).mustChangePassword).toBe(false);
    await expect(
      authenticate({ username: "new.cadre", password: "春风十里扬州路-2024" }),
    ).resolves.toMatchObject({ id });
    await expect(
      authenticate({ username: "new.cadre", password: temporaryPassword }),
    ).resolves.toBeNull();

    const audit = auditRowsOf(db, "user", id).at(-1)!;
    expect(audit).toMatchObject({
      action: "update",
      actorId: id,
      before: { mustChangePassword: true },
      after: { mustChangePassword: false, passwordChanged: true },
    });
    const text = JSON.stringify(audit);
    expect(text).not.toContain("春风十里");
    expect(text).not.toContain(temporaryPassword);
    expect(text).not.toContain("scrypt");
  });

  it("refuses a wrong current password, naming it, and changes nothing", async () => {
    const hash = userRow(office.cadre.id).passwordHash;
    const error = await refusal(
      changeOwnPassword(office.cadre.id, {
        currentPassword: "not-the-password",
        newPassword: "Tidy-Lantern-42",
      }),
      "validation_failed",
    );
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ currentPassword: "validation.passwordWrong" });
    expect(userRow(office.cadre.id).passwordHash).toBe(hash);
  });

  it("applies the policy to the new password, naming it, and changes nothing", async () => {
    const hash = userRow(office.leader.id).passwordHash;
    const cases: [string, string][] = [
      ["short1", "validation.passwordTooShort"],
      ["my-t-leader-pass", "validation.passwordIsUsername"],
      ["woaini1314", "validation.passwordCommon"],
      ["1qaz2wsx3edc", "validation.passwordCommon"],
      ["baiyang2023", "validation.passwordUnchanged"],
    ];
    for (const [newPassword, key] of cases) {
      const error = await refusal(
        changeOwnPassword(office.leader.id, { currentPassword: "baiyang2023", newPassword }),
        "validation_failed",
      );
      expect(error.fields, newPassword).toEqual({ newPassword: key });
    }
    expect(userRow(office.leader.id).passwordHash).toBe(hash);
    expect(auditRowsOf(db, "user", office.leader.id)).toEqual([]);
  });

  it("lets a user who need not change it change it anyway", async () => {
    await changeOwnPassword(office.admin.id, {
      currentPassword: "baiyang2023",
      newPassword: "Orchard-Window-77",
    });
    expect(userRow(office.admin.id).mustChangePassword).toBe(false);
    await expect(
      authenticate({ username: "t-admin", password: "Orchard-Window-77" }),
    ).resolves.toMatchObject({ id: office.admin.id });
  });

  it("answers 404 for a user that does not exist", async () => {
    await refusal(
      changeOwnPassword(9999, { currentPassword: "x", newPassword: "Orchard-Window-77" }),
      "not_found",
    );
  });
});

describe("passwordChangeSchema", () => {
  it("needs both fields and nothing else, and keeps spaces in passwords", () => {
    expect(passwordChangeSchema.safeParse({ currentPassword: "a" }).success).toBe(false);
    expect(passwordChangeSchema.safeParse({ currentPassword: "", newPassword: "b" }).success).toBe(
      false,
    );
    expect(
      passwordChangeSchema.safeParse({ currentPassword: "a", newPassword: "b", extra: 1 }).success,
    ).toBe(false);
    expect(passwordChangeSchema.parse({ currentPassword: " a ", newPassword: " b " })).toEqual({
      currentPassword: " a ",
      newPassword: " b ",
    });
  });
});

describe("wrong current passwords", () => {
  it("count toward the account's sign-in lock; while locked the change answers 429 unchecked", async () => {
    const { id, temporaryPassword } = await createUser(asActor(office.admin), {
      username: "guessing.cadre",
      displayName: "猜密码",
      title: null,
      unitId: office.unit.id,
      role: "cadre",
    });
    const attempt = (currentPassword: string) =>
      changeOwnPassword(id, { currentPassword, newPassword: "Lantern-River-58" });
    for (let i = 0; i < 4; i++) {
      const wrong = await refusal(attempt(`guess ${i}`), "validation_failed");
      expect(wrong.fields).toEqual({ currentPassword: "validation.passwordWrong" });
    }
    const fifth = await refusal(attempt("guess 4"), "rate_limited");
    expect(fifth.status).toBe(429);
    expect(fifth.fields).toEqual({ currentPassword: "validation.accountLocked" });
    expect(Date.parse(String(fifth.details?.lockedUntil))).toBeGreaterThan(Date.now());
    // The right one is refused too, and sign-in is locked as well.
    await refusal(attempt(temporaryPassword), "rate_limited");
    expect(userRow(id).mustChangePassword).toBe(true);
    await expect(
      authenticate({ username: "guessing.cadre", password: temporaryPassword }),
    ).rejects.toThrow("locked");
  });
});
