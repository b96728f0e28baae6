import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import { expect, signInByApi, test } from "./fixtures";
import { AdminUsersPage } from "./pages/admin-pages";
import { apiAs, createUserByApi, uniqueUsername } from "./support/api";
import { startOwnServer } from "./support/own-server";
import { failure, json } from "./support/responses";

// Every test makes its own people (as the demo admin, through the API); the demo users are never
// locked or changed. The suite signs in from one address, whose own limit (20 failures an hour)
// this spec stays far below: its one lock takes 5 failures.

type ListedUser = { id: number; username: string; unitId: number };

/** A new cadre in the demo cadre's unit, created by `admin` through the API. */
async function newCadre(browser: Browser, prefix: string) {
  const admin = await apiAs(browser, "admin");
  try {
    const { items } = await json<{ items: ListedUser[] }>(
      await admin.request.get("/api/v1/users?q=cadre&role=cadre"),
      200,
    );
    const unitId = items.find((u) => u.username === "cadre")!.unitId;
    const username = uniqueUsername(prefix);
    const displayName = `锁定测试${username.slice(-4)}`;
    const created = await createUserByApi(admin.request, {
      username,
      displayName,
      unitId,
      role: "cadre",
    });
    return { username, displayName, ...created };
  } finally {
    await admin.close();
  }
}

/** Signs in over HTTP as the form does; answers the callback's response (200 with a session). */
async function postCredentials(
  request: APIRequestContext,
  username: string,
  password: string,
): Promise<APIResponse> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
    maxRedirects: 0,
  });
}

test("five wrong passwords lock the account, even against the right one, until an admin unlocks it", async ({
  page,
  browser,
  loginPage,
}) => {
  const { username, displayName, temporaryPassword } = await newCadre(browser, "e2e.lock");

  await loginPage.goto();
  for (let i = 0; i < 4; i++) {
    await loginPage.signIn(username, `wrong-password-${i}`);
    await expect(loginPage.error).toHaveText("用户名或密码错误，请重新输入");
  }
  // The fifth says it is locked and until when, and whom to call.
  await loginPage.signIn(username, "wrong-password-4");
  await expect(loginPage.error).toContainText("该账号因多次密码错误已被锁定");
  await expect(loginPage.error).toContainText("联系系统管理员解锁");
  await expect(loginPage.error).toHaveText(/请于 \d{1,2}\/\d{1,2} \d{2}:\d{2} 后再试/);
  // The right password is refused while locked.
  await loginPage.signIn(username, temporaryPassword);
  await expect(loginPage.error).toContainText("该账号因多次密码错误已被锁定");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);

  // The admin sees the lock on the people page and unlocks the account there.
  const admin = await browser.newContext();
  try {
    const adminPage = await admin.newPage();
    await signInByApi(adminPage.request, "admin");
    const users = new AdminUsersPage(adminPage);
    await users.goto();
    const row = users.row(username);
    await expect(row.getByTestId("user-locked")).toContainText("已锁定至");
    await row.getByRole("button", { name: `解锁：${displayName}` }).click();
    await expect(users.status).toHaveText(`已解锁“${displayName}”`);
    await expect(row.getByTestId("user-locked")).toHaveCount(0);
    await expect(row.getByRole("button", { name: `解锁：${displayName}` })).toHaveCount(0);
  } finally {
    await admin.close();
  }

  // Unlocked: the right password signs in (to the page that asks for a new one).
  await loginPage.signIn(username, temporaryPassword);
  await expect(page).toHaveURL("/account/password");
});

test("unlocking is for admins, audited as a change to the user, and documented", async ({
  browser,
}) => {
  const { id } = await newCadre(browser, "e2e.unlock");
  const leader = await apiAs(browser, "leader");
  try {
    await failure(await leader.request.post(`/api/v1/users/${id}/unlock`), 403, "forbidden");
  } finally {
    await leader.close();
  }
  const admin = await apiAs(browser, "admin");
  try {
    const unlocked = await json<{ id: number; lockedUntil: string | null }>(
      await admin.request.post(`/api/v1/users/${id}/unlock`),
      200,
    );
    expect(unlocked).toMatchObject({ id, lockedUntil: null });
    await failure(await admin.request.post(`/api/v1/users/999999/unlock`), 404, "not_found");
  } finally {
    await admin.close();
  }
});

test("an admin's password reset ends the user's sessions; their own change ends the others but not theirs", async ({
  browser,
}) => {
  const { id, username, temporaryPassword } = await newCadre(browser, "e2e.sess");
  const first = await browser.newContext();
  const second = await browser.newContext();
  const admin = await apiAs(browser, "admin");
  try {
    expect((await postCredentials(first.request, username, temporaryPassword)).status()).toBe(200);
    expect((await postCredentials(second.request, username, temporaryPassword)).status()).toBe(200);
    await json(await second.request.get("/api/v1/me"), 200);

    // Changing their own password in the first: it goes on, the second one ends.
    const changed = await first.request.post("/api/v1/me/password", {
      data: { currentPassword: temporaryPassword, newPassword: "Quiet-Harbor-31" },
    });
    await json(changed, 200);
    expect(changed.headers()["set-cookie"]).toContain("next-auth.session-token=");
    await json(await first.request.get("/api/v1/tasks"), 200);
    await failure(await second.request.get("/api/v1/me"), 401, "unauthorized");

    // An admin resets the password: the first session ends too.
    await json(await admin.request.post(`/api/v1/users/${id}/reset-password`), 200);
    await failure(await first.request.get("/api/v1/me"), 401, "unauthorized");
    const page = await first.newPage();
    await page.goto("/my");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await first.close();
    await second.close();
    await admin.close();
  }
});

test("deactivation ends the session, and reactivation does not bring it back", async ({
  browser,
}) => {
  const { id, username, temporaryPassword } = await newCadre(browser, "e2e.deact");
  const user = await browser.newContext();
  const admin = await apiAs(browser, "admin");
  try {
    expect((await postCredentials(user.request, username, temporaryPassword)).status()).toBe(200);
    await json(await user.request.get("/api/v1/me"), 200);
    await json(await admin.request.patch(`/api/v1/users/${id}`, { data: { active: false } }), 200);
    await failure(await user.request.get("/api/v1/me"), 401, "unauthorized");
    await json(await admin.request.patch(`/api/v1/users/${id}`, { data: { active: true } }), 200);
    await failure(await user.request.get("/api/v1/me"), 401, "unauthorized");
    // Signing in again works.
    expect((await postCredentials(user.request, username, temporaryPassword)).status()).toBe(200);
    await json(await user.request.get("/api/v1/me"), 200);
  } finally {
    await user.close();
    await admin.close();
  }
});

test("session and sign-in cookies are httpOnly and SameSite=Lax (and not Secure over plain http)", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  try {
    const csrf = await request.get("/api/auth/csrf");
    const response = await postCredentials(request, "leader", "baiyang2023");
    expect(response.status()).toBe(200);
    const cookies = [...csrf.headersArray(), ...response.headersArray()]
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value);
    const session = cookies.find((c) => c.startsWith("next-auth.session-token="));
    const csrfCookie = cookies.find((c) => c.startsWith("next-auth.csrf-token="));
    expect(session, cookies.join("\n")).toBeDefined();
    expect(csrfCookie, cookies.join("\n")).toBeDefined();
    for (const cookie of [session!, csrfCookie!]) {
      const attributes = cookie.split(";").map((part) => part.trim().toLowerCase());
      expect(attributes, cookie).toContain("httponly");
      expect(attributes, cookie).toContain("samesite=lax");
      expect(attributes, cookie).toContain("path=/");
      // The suite's server is http://localhost: Secure would keep the browser from sending it.
      expect(attributes, cookie).not.toContain("secure");
    }
  } finally {
    await request.dispose();
  }
});

test("a lock survives a restart of the server, and an unknown name locks like a real one", async ({
  playwright,
}) => {
  test.slow(); // two starts of a server of its own
  /** The sign-in error code next-auth answers with (`locked-account-<ms>` for a lock). */
  const errorOf = async (response: APIResponse) =>
    new URL(((await response.json()) as { url: string }).url).searchParams.get("error");

  let server = await startOwnServer();
  try {
    let request = await playwright.request.newContext({ baseURL: server.baseURL });
    for (let i = 0; i < 4; i++) {
      expect(await errorOf(await postCredentials(request, "no.such.person", `guess-${i}`))).toBe(
        "CredentialsSignin",
      );
    }
    const locked = await errorOf(await postCredentials(request, "no.such.person", "guess-4"));
    expect(locked).toMatch(/^locked-account-\d+$/);
    const until = Number(locked!.split("-")[2]);
    expect(until).toBeGreaterThan(Date.now() + 14 * 60_000);
    await request.dispose();

    await server.stop();
    server = await startOwnServer({ dataDir: server.dataDir });
    request = await playwright.request.newContext({ baseURL: server.baseURL });
    expect(await errorOf(await postCredentials(request, "no.such.person", "guess-5"))).toBe(
      `locked-account-${until}`,
    );
    // Another name from the same address still gets the ordinary answer (5 < 20 failures).
    expect(await errorOf(await postCredentials(request, "admin", "wrong"))).toBe(
      "CredentialsSignin",
    );
    await request.dispose();
  } finally {
    await server.stop();
  }
});
