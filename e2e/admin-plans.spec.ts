import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AdminPlansPage } from "./pages/admin-plans-page";
import { apiAs } from "./support/api";
import { expectDocumented, failure, json } from "./support/responses";

// Years are unique and every spec shares one database: each test picks far, random years and
// tries another when one is taken (below 2600, where admin-xlsx.spec.ts picks its own without
// retrying). Nothing here switches the current plan.
const randomYear = () => 2100 + Math.floor(Math.random() * 500);
const SEED_TITLE = "白杨街道2023年工作计划";
const SEED_THEMES = ["讲政治", "抓经济", "惠民生", "守平安", "壮队伍"];

interface PlanSummary {
  id: number;
  year: number;
  title: string;
}
interface PlanDetail extends PlanSummary {
  startDate: string;
  endDate: string;
  isCurrent: boolean;
  reportingDay: number;
}

async function planOfYear(request: APIRequestContext, year: number) {
  const { items } = await json<{ items: PlanSummary[] }>(await request.get("/api/v1/plans"), 200);
  const summary = items.find((plan) => plan.year === year);
  expect(summary, `a plan for ${year}`).toBeDefined();
  return json<PlanDetail>(await request.get(`/api/v1/plans/${summary!.id}`), 200);
}

test("an admin creates a far year's plan: empty, named after the current one, not current", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const plans = new AdminPlansPage(page);
  await plans.goto();
  const seed = await planOfYear(page.request, 2023);
  expect(seed.isCurrent).toBe(true);

  let year = randomYear();
  for (let tries = 0; !(await plans.create(year)); tries++) {
    expect(tries).toBeLessThan(10);
    year = randomYear();
  }
  const title = `白杨街道${year}年工作计划`;
  await expect(plans.createStatus).toHaveText(`已新建“${title}”。`);
  const card = plans.plan(year);
  await expect(card).toContainText(title);
  await expect(card).toContainText(`${year}-01-01 至 ${year}-12-31`);
  await expect(card.getByTestId("plan-counts")).toHaveText("0 个工作板块，0 项重点任务");
  await expect(card.getByText("当前计划", { exact: true })).toHaveCount(0);
  await expect(plans.plan(2023).getByText("当前计划", { exact: true })).toBeVisible();

  const created = await planOfYear(page.request, year);
  expect(created).toMatchObject({
    title,
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    isCurrent: false,
    reportingDay: seed.reportingDay,
  });
  expect((await planOfYear(page.request, 2023)).isCurrent).toBe(true);

  // The API says the same year is taken.
  const again = await failure(
    await page.request.post("/api/v1/plans", { data: { year } }),
    400,
    "validation_failed",
  );
  expect(again.error.fields).toEqual({ year: "该年度已有工作计划，每个年度只能有一个计划" });

  // The card links to the plan's settings.
  await card.getByRole("link", { name: "计划设置" }).click();
  await expect(page).toHaveURL(`/plan/settings?planId=${created.id}`);
  await expect(page.getByTestId("plan-settings-form").getByLabel("计划名称")).toHaveValue(title);
});

test("an admin copies the 2023 plan into a far year and finds its themes there", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(60_000);
  await signInAs("admin");
  const plans = new AdminPlansPage(page);
  await plans.goto();

  let year = randomYear();
  for (let tries = 0; !(await plans.copy(2023, SEED_TITLE, year)); tries++) {
    expect(tries).toBeLessThan(10);
    year = randomYear();
  }
  const title = `白杨街道${year}年工作计划`;
  await expect(plans.status).toContainText(`已复制为“${title}”：`);
  const card = plans.plan(year);
  await expect(card).toContainText(title);
  await expect(card.getByText("当前计划", { exact: true })).toHaveCount(0);
  await expect(plans.plan(2023).getByText("当前计划", { exact: true })).toBeVisible();

  const copy = await planOfYear(page.request, year);
  expect(copy).toMatchObject({
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    isCurrent: false,
  });
  await expectDocumented(page.request, "Plan", copy);

  // Every task of the copy is not started, its dates moved into the new year (a task another
  // spec wrote may reach a little outside 2023).
  const tasks = await json<{
    items: { status: string; startDate: string; dueDate: string }[];
    total: number;
  }>(await page.request.get(`/api/v1/tasks?planId=${copy.id}&limit=200`), 200);
  expect(tasks.total).toBeGreaterThan(0);
  for (const task of tasks.items) {
    expect(task.status).toBe("not_started");
    for (const date of [task.startDate, task.dueDate]) {
      expect(Math.abs(Number(date.slice(0, 4)) - year), date).toBeLessThanOrEqual(1);
    }
  }

  // The status links to the copy's themes: the seed's five are there.
  await plans.status.getByRole("link", { name: "查看工作板块" }).click();
  await expect(page).toHaveURL(`/projects?planId=${copy.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  for (const theme of SEED_THEMES) {
    await expect(
      page.getByRole("heading", { level: 2, name: new RegExp(`^${theme}：`) }),
    ).toBeVisible();
  }
});

test("a cadre and a leader get the 403 page and 403 from the plans' admin API", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("cadre");
  await page.goto("/admin/plans");
  await expect(page.getByTestId("forbidden")).toHaveText("没有访问权限");
  const seed = await planOfYear(page.request, 2023);
  const year = randomYear();
  await failure(await page.request.post("/api/v1/plans", { data: { year } }), 403, "forbidden");
  // Refused before the body is read: not even a bad body gets a 400.
  await failure(
    await page.request.post("/api/v1/plans", { data: { year: "x" } }),
    403,
    "forbidden",
  );
  await failure(
    await page.request.post(`/api/v1/plans/${seed.id}/copy`, { data: { year } }),
    403,
    "forbidden",
  );
  await failure(await page.request.post(`/api/v1/plans/${seed.id}/current`), 403, "forbidden");

  const leader = await apiAs(browser, "leader");
  try {
    await failure(await leader.request.post("/api/v1/plans", { data: { year } }), 403, "forbidden");
    await failure(await leader.request.post(`/api/v1/plans/${seed.id}/current`), 403, "forbidden");
  } finally {
    await leader.close();
  }
});
