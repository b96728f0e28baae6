import { expect, signInByApi, test } from "./fixtures";
import { AccountPasswordPage } from "./pages/account-page";
import { apiAs, createUserByApi, uniqueUsername } from "./support/api";
import { failure, json } from "./support/responses";
import type { Browser } from "@playwright/test";

type ListedUser = { id: number; username: string; unitId: number; mustChangePassword: boolean };

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
    const created = await createUserByApi(admin.request, {
      username,
      displayName: "测试新干部",
      unitId,
      role: "cadre",
    });
    expect(created.temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    return { username, ...created };
  } finally {
    await admin.close();
  }
}

test("a new user signs in with the one-time password, must change it, then lands on their page", async ({
  page,
  browser,
  loginPage,
}) => {
  test.slow(); // a dozen page loads and sign-ins
  const { username, id, temporaryPassword } = await newCadre(browser, "e2e.pw");
  const account = new AccountPasswordPage(page);

  // Signing in lands on the password page, with the notice, whatever page is asked for.
  await loginPage.goto();
  await loginPage.signIn(username, temporaryPassword);
  await expect(page).toHaveURL("/account/password");
  await expect(account.forcedNotice).toHaveText("首次登录或密码已重置，请先设置新密码");
  for (const path of ["/my", "/tasks", "/projects", "/dashboard"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL("/account/password");
  }
  await expect(account.form).toBeVisible();
  // At phone width the page does not scroll sideways.
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The API refuses everything but reading who one is.
  await failure(await page.request.get("/api/v1/tasks"), 403, "password_change_required");
  await failure(
    await page.request.patch(`/api/v1/users/${id}`, { data: { displayName: "x" } }),
    403,
    "password_change_required",
  );
  expect(await json(await page.request.get("/api/v1/me"), 200)).toMatchObject({
    id,
    username,
    mustChangePassword: true,
  });

  // Weak passwords are refused beside the field, in Chinese, and nothing is saved.
  await account.change(temporaryPassword, "woaini1314");
  await expect(account.error("newPassword")).toHaveText("这个密码太常见，容易被猜到，请换一个");
  await account.change(temporaryPassword, "short");
  await expect(account.error("newPassword")).toHaveText("密码至少需要 10 个字符");
  await account.change(temporaryPassword, `${username}-2024`);
  await expect(account.error("newPassword")).toHaveText("密码不能与用户名相同或包含用户名");
  await account.change(temporaryPassword, "Lantern-River-58", "Lantern-River-59");
  await expect(account.error("repeatPassword")).toHaveText("两次输入的新密码不一致");
  // The server's own verdict: a wrong current password.
  await account.change("not-the-password", "Lantern-River-58");
  await expect(account.error("currentPassword")).toHaveText("当前密码不正确");
  await expect(page).toHaveURL("/account/password");
  // The server applies the policy too, in Chinese.
  const weak = await failure(
    await page.request.post("/api/v1/me/password", {
      data: { currentPassword: temporaryPassword, newPassword: "1qaz2wsx3edc" },
    }),
    400,
    "validation_failed",
  );
  expect(weak.error.fields).toEqual({ newPassword: "这个密码太常见，容易被猜到，请换一个" });

  // A good one is accepted: off to the cadre's own page, and the API answers again.
  await account.change(temporaryPassword, "Lantern-River-58");
  await expect(page).toHaveURL("/my");
  await json(await page.request.get("/api/v1/tasks"), 200);
  expect(await json(await page.request.get("/api/v1/me"), 200)).toMatchObject({
    id,
    mustChangePassword: false,
  });
  await page.goto("/account/password");
  await expect(account.forcedNotice).toBeHidden();

  // Signed out, the one-time password no longer works; the new one does.
  await page.context().clearCookies();
  await loginPage.goto();
  await loginPage.signIn(username, temporaryPassword);
  await expect(loginPage.error).toHaveText("用户名或密码错误，请重新输入");
  await loginPage.signIn(username, "Lantern-River-58");
  await expect(page).toHaveURL("/my");
});

test("a reset password must be changed again; the users API is for admins only", async ({
  browser,
}) => {
  const { username, id } = await newCadre(browser, "e2e.reset");

  const leader = await apiAs(browser, "leader");
  try {
    await failure(await leader.request.get("/api/v1/users"), 403, "forbidden");
    await failure(
      await leader.request.post(`/api/v1/users/${id}/reset-password`),
      403,
      "forbidden",
    );
    await failure(
      await leader.request.patch(`/api/v1/users/${id}`, { data: { active: false } }),
      403,
      "forbidden",
    );
  } finally {
    await leader.close();
  }

  const admin = await apiAs(browser, "admin");
  try {
    const { temporaryPassword } = await json<{ temporaryPassword: string }>(
      await admin.request.post(`/api/v1/users/${id}/reset-password`),
      200,
    );
    const context = await browser.newContext();
    try {
      await signInByApi(context.request, username, temporaryPassword);
      await failure(await context.request.get("/api/v1/tasks"), 403, "password_change_required");
      await json(
        await context.request.post("/api/v1/me/password", {
          data: { currentPassword: temporaryPassword, newPassword: "Quiet-Harbor-31" },
        }),
        200,
      );
      await json(await context.request.get("/api/v1/tasks"), 200);

      // Deactivated: the session stops at once.
      const deactivated = await json<{ active: boolean }>(
        await admin.request.patch(`/api/v1/users/${id}`, { data: { active: false } }),
        200,
      );
      expect(deactivated.active).toBe(false);
      await failure(await context.request.get("/api/v1/tasks"), 401, "unauthorized");
    } finally {
      await context.close();
    }
  } finally {
    await admin.close();
  }
});
