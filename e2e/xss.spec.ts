import type { Page } from "@playwright/test";
import { expect, signInByApi, test } from "./fixtures";
import { apiAs, createTask, me } from "./support/api";

// Issue #8 part 2: what users type is shown as text, never run as HTML — task titles, entry notes,
// problems and next steps, instructions, file names — on every page that shows them. Each payload
// would set window.__xss if it ever became markup.
const IMG = `<img src=x onerror="window.__xss=1">`;
const SCRIPT = `<script>window.__xss=1</script>`;
const DATE = "2023-11-20";

/** A 1 × 1 PNG that decodes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

async function expectInert(page: Page, path: string, texts: string[]) {
  await page.goto(path);
  for (const text of texts) {
    await expect(page.getByText(text, { exact: false }).first(), `${path}: ${text}`).toBeVisible();
  }
  // No element the payloads would have made exists, and nothing ran.
  expect(await page.locator('img[src="x"]').count(), path).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(
    undefined,
  );
}

test("hostile text in titles, entries, instructions and file names stays text", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const leader = await apiAs(browser, "leader");
  await signInByApi(page.request, "cadre");
  const cadre = await me(page.request);
  const tag = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const title = `XSS ${tag} ${IMG}${SCRIPT}`;
  const task = await createTask(leader.request, {
    title,
    ownerId: cadre.id,
    leadUnitId: cadre.unitId,
  });
  try {
    expect(task.title).toBe(title); // stored as typed, not stripped or escaped

    const note = `进展 ${tag} ${SCRIPT}`;
    const problems = `问题 ${tag} ${IMG}`;
    const nextSteps = `计划 ${tag} <a href="javascript:window.__xss=1">点此</a>`;
    const fileName = `${IMG}.png`;
    const created = await page.request.post(`/api/v1/tasks/${task.id}/entries`, {
      multipart: {
        data: JSON.stringify({ date: DATE, note, problems, nextSteps, percent: 20 }),
        files: { name: fileName, mimeType: "image/png", buffer: PNG },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const entry = (await created.json()) as {
      attachments: { id: number; fileName: string }[];
    };
    // The stored name loses what no file name may hold (< > " …); the rest is shown as text.
    const storedName = entry.attachments[0]!.fileName;
    expect(storedName).toBe("img src=x onerror=window.__xss=1.png");

    const instruction = `批示 ${tag} ${IMG}`;
    const posted = await leader.request.post(`/api/v1/tasks/${task.id}/instructions`, {
      data: { text: instruction },
    });
    expect(posted.status()).toBe(201);

    // The download names the file safely: one header, quoted, no line breaks.
    const download = await page.request.get(
      `/api/v1/attachments/${entry.attachments[0]!.id}?download=1`,
    );
    expect(download.status()).toBe(200);
    const disposition = download.headers()["content-disposition"]!;
    expect(disposition).toMatch(
      /^attachment; filename="[\x20-\x21\x23-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/,
    );
    expect(download.headersArray().filter((h) => /set-cookie/i.test(h.name))).toEqual([]);

    // The cadre's pages.
    await expectInert(page, "/tasks", [title]);
    await expectInert(page, `/tasks/${task.id}`, [title, note, problems, nextSteps, instruction]);
    // A picture shows as its thumbnail, named by its alt text and title.
    await expect(page.getByAltText(storedName, { exact: true })).toBeVisible();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await expectInert(page, "/my", [title]);
    await expectInert(page, "/notifications", []);

    // The leader's pages.
    const leaderPage = await browser.newPage();
    try {
      await signInByApi(leaderPage.request, "leader");
      await expectInert(leaderPage, "/reviews?scope=all", [title, note]);
      await expectInert(leaderPage, "/dashboard", []);
      await expectInert(leaderPage, "/reports?month=2023-11", [title]);
      await expectInert(leaderPage, "/", []);
    } finally {
      await leaderPage.close();
    }
  } finally {
    const current = await (await leader.request.get(`/api/v1/tasks/${task.id}`)).json();
    await leader.request.patch(`/api/v1/tasks/${task.id}`, {
      data: { version: current.version, archived: true },
    });
    await leader.close();
  }
});
