import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DashboardPage, LIGHT_NAMES, type ListName } from "./pages/dashboard-page";
import { TaskListPage } from "./pages/task-pages";

// Tests run in parallel on one shared demo database, and other specs add tasks to it: a count and
// the list it links to are compared as one step, retried together if another test moved them.

type Lights = Record<(typeof LIGHT_NAMES)[number], number>;
type DashboardBody = {
  planId: number;
  asOf: string;
  plan: { lights: Lights };
  projects: { id: number; title: string; lights: Lights }[];
};

const dashboardOf = async (request: APIRequestContext) => {
  const response = await request.get("/api/v1/dashboard");
  expect(response.status()).toBe(200);
  return (await response.json()) as DashboardBody;
};

test("the leader lands on the dashboard and sees all four lights on the demo", async ({
  page,
  signInAs,
}) => {
  await signInAs("leader");
  await page.goto("/");
  await expect(page).toHaveURL("/dashboard");
  const dashboard = new DashboardPage(page);
  await expect(dashboard.heading).toBeVisible();
  // The 2023 plan is over: it opens on its last reported day.
  await expect(page.getByTestId("dashboard-scope")).toContainText("截至 2023-11-24");
  await expect(page.getByTestId("plan-sentence")).toContainText("任务完成");

  for (const light of LIGHT_NAMES) {
    expect(await dashboard.number(dashboard.lightCount(light))).toBeGreaterThan(0);
  }
  // The page shows the API's figures, not its own.
  await expect(async () => {
    await page.reload();
    const api = await dashboardOf(page.request);
    for (const light of LIGHT_NAMES) {
      await expect(dashboard.lightCount(light)).toHaveText(String(api.plan.lights[light]), {
        timeout: 1_000,
      });
    }
  }).toPass({ timeout: 20_000 });

  // Five themes, and each chart's figures as a table too.
  expect(await dashboard.projects.count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId("chart-progress").getByTestId("chart-row").first()).toContainText(
    "讲政治",
  );
  await expect(page.getByTestId("chart-trend").getByTestId("chart-row").first()).toContainText(
    "2023-01-31",
  );
  await expect(
    page.getByRole("table", { name: "各单位牵头任务按时填报月度进展的比例" }),
  ).toBeAttached();
  await expect(dashboard.sentInstructions).toBeVisible();

  // The unit ranking reads both ways.
  await dashboard.ranking.getByRole("button", { name: "按按时填报率" }).click();
  await expect(dashboard.ranking.getByRole("button", { name: "按按时填报率" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const shares = async () =>
    (await dashboard.ranking.getByTestId("on-time").allTextContents())
      .map((text) => /^(\d+)%/.exec(text)?.[1])
      .filter((value) => value !== undefined)
      .map(Number);
  const worstFirst = await shares();
  expect(worstFirst).toEqual([...worstFirst].sort((a, b) => a - b));
  await dashboard.ranking.getByRole("button", { name: "领先在前" }).click();
  await expect(dashboard.ranking.getByRole("button", { name: "领先在前" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const bestFirst = await shares();
  expect(bestFirst).toEqual([...bestFirst].sort((a, b) => b - a));
});

test("a theme's red count leads to a task list of that many red tasks", async ({
  page,
  signInAs,
}) => {
  await signInAs("leader");
  const dashboard = new DashboardPage(page);
  const list = new TaskListPage(page);
  const api = await dashboardOf(page.request);
  const theme = api.projects.find((p) => p.lights.red > 0);
  expect(theme, "a demo theme with a red task").toBeDefined();

  await expect(async () => {
    await dashboard.goto();
    const link = dashboard.projectLight(theme!.id, "red");
    await expect(link).toHaveAccessibleName(new RegExp(`${theme!.title}：红灯 \\d+ 项，查看列表`));
    const count = await dashboard.number(link.getByTestId("count"));
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(
      new RegExp(`/tasks\\?light=red&projectId=${theme!.id}&asOf=${api.asOf}`),
    );
    await expect(list.total).toContainText(`共 ${count} 项任务`, { timeout: 2_000 });
    await expect(list.rows).toHaveCount(count);
    await expect(list.rows.locator('[data-light="red"]')).toHaveCount(count);
  }).toPass({ timeout: 30_000 });
});

test("each list's count equals the total of the task list it links to", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(60_000); // four lists, each a dashboard and a task list page
  await signInAs("leader");
  const dashboard = new DashboardPage(page);
  const list = new TaskListPage(page);
  // The two filters only the dashboard sets: shown as chips on the list, each with its parameter.
  const chips: Partial<Record<ListName, { label: string; param: string }>> = {
    notReported: { label: "未按期填报", param: "notReported" },
    dueSoon: { label: "30 天内到期", param: "dueWithin" },
  };

  for (const name of ["notReported", "dueSoon", "overdue", "red"] as const) {
    await expect(async () => {
      await dashboard.goto();
      const count = await dashboard.number(dashboard.listCount(name));
      await dashboard
        .list(name)
        .getByRole("link", { name: /项，查看列表$/ })
        .click();
      await expect(page).toHaveURL(/\/tasks\?.*asOf=2023-11-24/);
      await expect(list.total).toContainText(`共 ${count} 项任务`, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });

    const chip = chips[name];
    if (chip) {
      // The filter the dashboard set is shown, and can be cleared.
      const shown = list.filters.getByTestId(`filter-chip-${chip.param}`);
      await expect(shown).toContainText(chip.label);
      await shown.getByRole("button", { name: `清除筛选：${chip.label}` }).click();
      await expect(shown).toHaveCount(0);
      await expect(page).not.toHaveURL(new RegExp(chip.param));
    }
  }

  // A row of the not-reported list opens its task.
  await dashboard.goto();
  const row = dashboard.list("notReported").getByTestId("list-row").first();
  const taskId = await row.getAttribute("data-task-id");
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(`/tasks/${taskId}`);
});

test("a cadre gets the 403 page for plan settings and a 403 from the API", async ({
  page,
  signInAs,
}) => {
  await signInAs("cadre");
  await page.goto("/plan/settings");
  await expect(page.getByTestId("forbidden")).toHaveText("没有访问权限");
  const plan = (await (await page.request.get("/api/v1/dashboard")).json()) as { planId: number };
  const response = await page.request.patch(`/api/v1/plans/${plan.planId}`, {
    data: { version: 1, greenMaxGap: 0 },
  });
  expect(response.status()).toBe(403);
  // Their own landing page stays theirs.
  await page.goto("/");
  await expect(page).toHaveURL("/my");
});
