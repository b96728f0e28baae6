import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../db/seed/baiyang-2023";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";

export { DEMO_PASSWORD };
export type DemoUser = "admin" | "leader" | "cadre";

/**
 * Signs in through next-auth's own endpoints, as the login form does: fetch the CSRF token, then
 * post the credentials. The session cookie lands in the request context (and its page's browser).
 */
export async function signInByApi(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
) {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
}

export const test = base.extend<{
  loginPage: LoginPage;
  homePage: HomePage;
  signInAs: (user: DemoUser) => Promise<void>;
}>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  homePage: async ({ page }, use) => use(new HomePage(page)),
  signInAs: async ({ page }, use) => use((user) => signInByApi(page.request, user)),
});

export { expect };
