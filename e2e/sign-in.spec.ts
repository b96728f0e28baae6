import { expect, test, DEMO_PASSWORD, type DemoUser } from "./fixtures";

const DEMO_USERS: { username: DemoUser; role: string; roleLabel: string; landing: string }[] = [
  { username: "admin", role: "admin", roleLabel: "系统管理员", landing: "/dashboard" },
  { username: "leader", role: "leader", roleLabel: "领导", landing: "/dashboard" },
  { username: "cadre", role: "cadre", roleLabel: "干部", landing: "/my" },
];

for (const { username, role, roleLabel, landing } of DEMO_USERS) {
  test(`${username} signs in, lands on ${landing} and sees the five themes`, async ({
    page,
    loginPage,
    homePage,
  }) => {
    await loginPage.goto();
    await loginPage.signIn(username, DEMO_PASSWORD);
    await expect(page).toHaveURL(landing);
    await homePage.goto();
    await homePage.expectFiveThemes();
    await expect(page.getByTestId("current-plan")).toHaveText("白杨街道2023年工作计划");

    const me = await page.request.get("/api/v1/me");
    expect(me.status()).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ username, role });
    await expect(homePage.currentUser).toContainText(body.name);
    await expect(homePage.currentRole).toHaveText(roleLabel);
  });
}

test("a wrong password shows an error and stays signed out", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn("leader", "wrong-password");
  await expect(loginPage.error).toHaveText("用户名或密码错误，请重新输入");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown user gets the same error as a wrong password", async ({ loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn("nobody-here", DEMO_PASSWORD);
  await expect(loginPage.error).toHaveText("用户名或密码错误，请重新输入");
});

test("empty fields are named next to the field, in Chinese", async ({ loginPage }) => {
  await loginPage.goto();
  await loginPage.submit.click();
  await expect(loginPage.form.getByText("请输入用户名")).toBeVisible();
  await expect(loginPage.form.getByText("请输入密码")).toBeVisible();
  await expect(loginPage.username).toHaveAttribute("aria-invalid", "true");
});

test("an anonymous visitor is sent to sign in, and comes back after", async ({
  page,
  loginPage,
}) => {
  await page.goto("/tasks?status=blocked");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await loginPage.signIn("cadre", DEMO_PASSWORD);
  await expect(page).toHaveURL("/tasks?status=blocked");
});

test("sign-out ends the session", async ({ page, signInAs, homePage }) => {
  await signInAs("leader");
  await homePage.goto();
  await homePage.expectFiveThemes();
  await homePage.signOut.click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("the language switch turns the interface to English and back", async ({
  page,
  signInAs,
  homePage,
}) => {
  await signInAs("cadre");
  await homePage.goto();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toContainText("Themes");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(homePage.signOut).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("sign-in never sends the user to another site", async ({ page, loginPage }) => {
  for (const hostile of [
    "https://evil.example/",
    "//evil.example/",
    "/\t/evil.example/",
    "/\\evil.example/",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(hostile)}`);
    await loginPage.signIn("cadre", DEMO_PASSWORD);
    await expect(page).toHaveURL("/my");
  }
});
