import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { messagesFor } from "@/lib/i18n/messages";
import { asActor, closeTestDatabase, insertOffice, openTestDatabase } from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";

// The session is next-auth's token: here whoever `session.userId` names, signed in at `signedInAt`.
const session = vi.hoisted(() => ({ userId: null as number | null, signedInAt: 0 }));
vi.mock("./session-token", () => ({
  readSessionToken: async () =>
    session.userId === null ? null : { uid: session.userId, signedInAt: session.signedInAt },
}));
// errorResponse says its message in the caller's language, through next-intl.
vi.mock("next-intl/server", () => {
  const lookup = (tree: unknown, key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
  return {
    getLocale: async () => "zh-CN",
    getTranslations: async (options?: { namespace?: string }) => (key: string) =>
      String(
        lookup(messagesFor("zh-CN"), options?.namespace ? `${options.namespace}.${key}` : key),
      ),
  };
});

const { apiRoute } = await import("@/lib/api/route");
const { getSessionUser, requirePageUser, requireUser, PASSWORD_CHANGE_PATH } =
  await import("./session");
const { GET: getMe } = await import("@/app/api/v1/me/route");
const { resetPassword, updateUser } = await import("@/lib/users/admin");
const { changeOwnPassword } = await import("@/lib/users/change-password");
const { hashPassword } = await import("./password");

let db: Db;
let office: ReturnType<typeof insertOffice>;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
});

afterAll(closeTestDatabase);

beforeEach(() => {
  session.userId = null;
  session.signedInAt = Date.now();
});

const setUser = (id: number, values: Partial<typeof users.$inferInsert>) =>
  db.update(users).set(values).where(eq(users.id, id)).run();

const call = (handler: ReturnType<typeof apiRoute>, path = "/api/v1/anything") =>
  handler(new NextRequest(`http://localhost${path}`), { params: Promise.resolve({}) });

/** The URL a page's redirect() goes to (Next throws it as an error with a digest). */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  expect(error?.digest, "expected a redirect").toMatch(/^NEXT_REDIRECT;/);
  return error!.digest!.split(";")[2]!;
}

describe("a user who must change their password", () => {
  beforeAll(() => setUser(office.cadre.id, { mustChangePassword: true }));
  afterAll(() => setUser(office.cadre.id, { mustChangePassword: false }));

  it("is refused by every API route with 403 password_change_required, the handler never run", async () => {
    session.userId = office.cadre.id;
    const handler = vi.fn(async () => ({ ok: true }));
    const response = await call(apiRoute(handler));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: "password_change_required", message: "请先修改密码后再继续" },
    });
    expect(handler).not.toHaveBeenCalled();
    await refusal(requireUser(), "password_change_required");
  });

  it("may still read GET /me and call a route that opts out (POST /me/password)", async () => {
    session.userId = office.cadre.id;
    const me = await call(getMe as ReturnType<typeof apiRoute>, "/api/v1/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: office.cadre.id, mustChangePassword: true });
    const handler = vi.fn(async () => ({ ok: true }));
    const response = await call(apiRoute(handler, { allowPasswordChange: true }));
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
    await expect(requireUser({ allowPasswordChange: true })).resolves.toMatchObject({
      id: office.cadre.id,
      mustChangePassword: true,
    });
  });

  it("is sent from every page to the password page, which itself lets them in", async () => {
    session.userId = office.cadre.id;
    expect(PASSWORD_CHANGE_PATH).toBe("/account/password");
    expect(await redirectOf(requirePageUser())).toBe("/account/password");
    await expect(requirePageUser({ allowPasswordChange: true })).resolves.toMatchObject({
      id: office.cadre.id,
    });
  });
});

describe("everyone else", () => {
  it("passes: the same route answers a user who need not change their password", async () => {
    session.userId = office.leader.id;
    const response = await call(apiRoute(async ({ user }) => ({ id: user.id })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: office.leader.id });
    await expect(requirePageUser()).resolves.toMatchObject({ mustChangePassword: false });
  });

  it("without a session gets 401 from the API and the sign-in page for pages", async () => {
    const response = await call(apiRoute(async () => ({})));
    expect(response.status).toBe(401);
    expect(await redirectOf(requirePageUser())).toBe("/login");
  });
});

describe("a deactivated user", () => {
  it("loses their session at once: 401 from the API, and back to sign-in for pages", async () => {
    const id = office.admin.id;
    session.userId = id;
    await expect(getSessionUser()).resolves.toMatchObject({ id });
    setUser(id, { active: false });
    try {
      await expect(getSessionUser()).resolves.toBeNull();
      expect((await call(apiRoute(async () => ({})))).status).toBe(401);
      expect(await redirectOf(requirePageUser())).toBe("/login");
    } finally {
      setUser(id, { active: true });
    }
  });
});

describe("a session's end", () => {
  const HOUR = 3_600_000;

  it("comes 8 hours after sign-in, however recently it was used", async () => {
    session.userId = office.leader.id;
    session.signedInAt = Date.now() - 8 * HOUR + 60_000;
    await expect(getSessionUser()).resolves.toMatchObject({ id: office.leader.id });
    session.signedInAt = Date.now() - 8 * HOUR - 1;
    await expect(getSessionUser()).resolves.toBeNull();
    expect((await call(apiRoute(async () => ({})))).status).toBe(401);
  });

  it("comes for a token with no sign-in time (issued before sessions had one)", async () => {
    session.userId = office.leader.id;
    session.signedInAt = undefined as unknown as number;
    await expect(getSessionUser()).resolves.toBeNull();
  });

  it("comes when an admin resets the password", async () => {
    session.userId = office.cadre.id;
    session.signedInAt = Date.now() - 1000;
    await expect(getSessionUser()).resolves.toMatchObject({ id: office.cadre.id });
    await resetPassword(asActor(office.admin), office.cadre.id);
    await expect(getSessionUser()).resolves.toBeNull();
    // Signing in again (with the one-time password) gives a session that holds.
    session.signedInAt = Date.now() + 1;
    await expect(getSessionUser()).resolves.toMatchObject({ id: office.cadre.id });
    setUser(office.cadre.id, { mustChangePassword: false });
  });

  it("comes with deactivation, and reactivating does not bring the old session back", async () => {
    const actor = asActor(office.admin);
    session.userId = office.leader.id;
    session.signedInAt = Date.now() - 1000;
    await expect(getSessionUser()).resolves.toMatchObject({ id: office.leader.id });
    await updateUser(actor, office.leader.id, { active: false });
    await expect(getSessionUser()).resolves.toBeNull();
    await updateUser(actor, office.leader.id, { active: true });
    await expect(getSessionUser()).resolves.toBeNull();
  });

  it("comes for the user's other sessions when they change their own password", async () => {
    setUser(office.cadre.id, {
      passwordHash: await hashPassword("Old-Lantern-58"),
      sessionsValidAfter: null,
    });
    session.userId = office.cadre.id;
    session.signedInAt = Date.now() - 1000;
    await expect(getSessionUser()).resolves.toMatchObject({ id: office.cadre.id });
    await changeOwnPassword(office.cadre.id, {
      currentPassword: "Old-Lantern-58",
      newPassword: "New-Harbor-31x",
    });
    await expect(getSessionUser()).resolves.toBeNull();
    // The session that changed it gets a new sign-in time (app/api/v1/me/password/route.ts).
    session.signedInAt = Date.now() + 1;
    await expect(getSessionUser()).resolves.toMatchObject({ id: office.cadre.id });
  });
});
