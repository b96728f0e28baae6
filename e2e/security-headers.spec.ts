import type { APIResponse, Page } from "@playwright/test";
import { expect, signInByApi, test } from "./fixtures";
import { apiAs, createTask, me } from "./support/api";

// Issue #8 part 5: every answer carries the security headers; pages a Content-Security-Policy
// with a nonce per response and no inline script allowed; and under that policy every page still
// works (no violation reported while the main pages are visited).

/** The headers next.config.js gives every answer, static files included. */
function expectStaticHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["x-frame-options"]).toBe("DENY");
}

/** The policy's directives by name. */
function directives(policy: string | undefined): Map<string, string[]> {
  expect(policy, "Content-Security-Policy").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectPagePolicy(response: APIResponse): string {
  const policy = directives(response.headers()["content-security-policy"]);
  const scripts = policy.get("script-src")!;
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'"); // the suite runs the production build
  const nonce = scripts.find((value) => value.startsWith("'nonce-"));
  expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  // Served over plain http here: upgrading would break an http intranet.
  expect(policy.has("upgrade-insecure-requests")).toBe(false);
  return nonce!.slice("'nonce-".length, -1);
}

function expectApiPolicy(response: APIResponse) {
  const policy = directives(response.headers()["content-security-policy"]);
  expect(policy.get("default-src")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
}

test("the sign-in page: a fresh nonce per answer, on every script it serves", async ({
  request,
}) => {
  const first = await request.get("/login");
  expect(first.status()).toBe(200);
  expectStaticHeaders(first);
  const nonce = expectPagePolicy(first);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const second = await request.get("/login");
  expect(expectPagePolicy(second)).not.toBe(nonce);
});

test("pages, redirects, the API, next-auth and static files all carry the headers", async ({
  request,
  browser,
}) => {
  // Signed out: a page redirects to sign-in, the API answers 401 (the proxy's own answers).
  const redirect = await request.get("/tasks", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectStaticHeaders(redirect);
  expectPagePolicy(redirect);
  const anonymous = await request.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
  expectStaticHeaders(anonymous);
  expectApiPolicy(anonymous);
  // An upload route, which the proxy does not see: apiRoute answers, with the same headers.
  const upload = await request.post("/api/v1/tasks/1/entries", { data: {} });
  expect(upload.status()).toBe(401);
  expectStaticHeaders(upload);
  expectApiPolicy(upload);
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  expectStaticHeaders(csrf);
  expectApiPolicy(csrf);

  const admin = await apiAs(browser, "admin");
  const home = await admin.request.get("/");
  expect(home.status()).toBe(200);
  expectStaticHeaders(home);
  const nonce = expectPagePolicy(home);
  const html = await home.text();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  const api = await admin.request.get("/api/v1/me");
  expect(api.status()).toBe(200);
  expectStaticHeaders(api);
  expectApiPolicy(api);

  const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset).toBeTruthy();
  const file = await request.get(asset!);
  expect(file.status()).toBe(200);
  expectStaticHeaders(file);
  await admin.close();
});

/**
 * Collects what would show a policy getting in the way: violation events (recorded by a script
 * added before any page script), console messages and page errors naming the policy.
 */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      ),
    );
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/Content.Security.Policy|Refused to|Hydration/i.test(error.message)) {
      problems.push(error.message);
    }
  });
  return async () => [
    ...problems,
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )),
  ];
}

test("no page trips the policy: sign-in by the form, then the main pages", async ({
  page,
  loginPage,
  browser,
}) => {
  test.setTimeout(60_000);
  const problems = await watchPolicy(page);
  // Sign in through the form: the page must have hydrated (its scripts ran under the policy).
  await loginPage.goto();
  expect(await problems()).toEqual([]);
  await loginPage.signIn("admin", "baiyang2023");
  await expect(page).not.toHaveURL(/\/login/);

  const leader = await apiAs(browser, "leader");
  const cadreApi = await apiAs(browser, "cadre");
  const cadre = await me(cadreApi.request);
  await cadreApi.close();
  const task = await createTask(leader.request, {
    title: `E2E 安全头 ${Date.now()}`,
    ownerId: cadre.id,
    leadUnitId: cadre.unitId,
  });
  for (const path of [
    "/",
    "/tasks",
    `/tasks/${task.id}`,
    "/dashboard",
    "/reports",
    "/plan",
    "/notifications",
    "/admin",
    "/admin/users",
    "/admin/units",
    "/admin/plans",
    "/admin/import",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(await problems(), path).toEqual([]);
  }
  // A client-side navigation too (scripts loaded by the nonced ones: 'strict-dynamic').
  await page.goto("/tasks");
  await page.getByRole("link", { name: task.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}$`));
  expect(await problems()).toEqual([]);

  const current = await (await leader.request.get(`/api/v1/tasks/${task.id}`)).json();
  await leader.request.patch(`/api/v1/tasks/${task.id}`, {
    data: { version: current.version, archived: true },
  });
  await leader.close();
});

for (const [user, paths] of [
  ["cadre", ["/", "/my", "/tasks", "/account/password"]],
  ["leader", ["/reviews", "/dashboard", "/reports/print"]],
] as const) {
  test(`the ${user}'s pages under the policy`, async ({ page }) => {
    const problems = await watchPolicy(page);
    await signInByApi(page.request, user);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
      expect(await problems(), path).toEqual([]);
    }
  });
}
