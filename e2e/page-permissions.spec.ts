import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { sharedDatabaseFile } from "./security/audit-db";
import { PAGE_MATRIX, type PageEntry } from "./security/page-matrix";
import { pageRoutes } from "./security/routes";
import { ACTORS, World, type ActorName, type PersonName } from "./security/world";

// Issue #8, part 1, pages: every page of the app (read from app/**: a new page without an entry
// fails) × anonymous, a cadre on their own task, a cadre of another unit, a leader, an admin →
// the page, the 403 page (status 403 and its text, not the content), or the sign-in page. On
// things this spec makes (world.ts); its tests share them and run in order in one worker.
test.describe.configure({ mode: "default" });

let w: World;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(60_000);
  w = await World.create(testInfo.project.use.baseURL!, sharedDatabaseFile());
});
test.afterAll(async () => {
  await w?.dispose();
});

test("every page has an entry in the page matrix, and every entry a page", () => {
  const pages = pageRoutes();
  expect(pages).toContain("/admin/users");
  const entries = PAGE_MATRIX.map((e) => e.page);
  expect(
    pages.filter((p) => !entries.includes(p)),
    "pages without an entry",
  ).toEqual([]);
  expect(
    entries.filter((e) => !pages.includes(e)),
    "entries without a page",
  ).toEqual([]);
});

const forbiddenTitles = ["zh-CN", "en"].map(
  (locale) =>
    (
      JSON.parse(
        readFileSync(path.join(__dirname, `../lib/i18n/messages/${locale}.json`), "utf8"),
      ) as { forbidden: { title: string } }
    ).forbidden.title,
);

/** What Next puts in a page that answered with forbidden() (app/forbidden.tsx). */
const FORBIDDEN_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;403";

async function checkPage(entry: PageEntry, actor: ActorName, page: Page | undefined) {
  const target = entry.path(w);
  const name = `${entry.page} as ${actor}`;
  const outcome = entry.expect[actor];
  if (outcome === "forbidden") {
    const response = await page!.goto(target);
    expect.soft(response?.status(), name).toBe(403);
    const forbidden = page!.getByTestId("forbidden");
    await expect.soft(forbidden, `${name}: the forbidden page`).toBeVisible();
    expect.soft(forbiddenTitles, `${name}: its title`).toContain(await forbidden.textContent());
    // The forbidden page alone: no heading of the page's own content.
    await expect.soft(page!.locator("main h1"), `${name}: no content`).toHaveCount(1);
    return;
  }
  const request = actor === "anonymous" ? w.anonymous : w.people[actor].request;
  const response = await request.get(target);
  const html = await response.text();
  const landed = new URL(response.url()).pathname;
  if (outcome === "login") {
    expect.soft([response.status(), landed], name).toEqual([200, "/login"]);
  } else {
    expect.soft(response.status(), name).toBe(200);
    expect.soft(html, `${name}: not the forbidden page`).not.toContain(FORBIDDEN_DIGEST);
    if (target !== "/login") expect.soft(landed, `${name}: not sent to sign in`).not.toBe("/login");
  }
}

test("pages: each actor gets the page, the 403 page, or the sign-in page", async ({ browser }) => {
  test.setTimeout(180_000);
  // A browser for the 403 cells: the forbidden page is rendered from the RSC payload, so what the
  // user sees is checked on the rendered page, not in the HTML text.
  const browsers = new Map<ActorName, Page>();
  for (const actor of ACTORS.filter((a) => a !== "anonymous")) {
    const context = await browser.newContext({
      storageState: await w.people[actor as PersonName].request.storageState(),
    });
    browsers.set(actor, await context.newPage());
  }
  // Pages only read: the actors go through them side by side, each in its own session.
  await Promise.all(
    ACTORS.map(async (actor) => {
      for (const entry of PAGE_MATRIX) await checkPage(entry, actor, browsers.get(actor));
    }),
  );
  await Promise.all([...browsers.values()].map((page) => page.context().close()));
});
