import type { APIRequestContext } from "@playwright/test";
import { expect, test, signInByApi } from "./fixtures";
import { IndicatorsSection, PlanPage } from "./pages/plan-page";
import { apiAs, createTask, me } from "./support/api";

// Tests run in parallel on one shared database: each one makes the projects and tasks it changes,
// with unique names, and never moves or edits the seeded plan. The tests of this file are the
// only ones that add projects, and a project added by one while another moves its own would land
// between them; so this file's tests run one after another.
test.describe.configure({ mode: "default" });

/** Archives a task (clean-up), with its current version. */
async function archiveTask(request: APIRequestContext, id: number) {
  const task = await (await request.get(`/api/v1/tasks/${id}`)).json();
  const response = await request.patch(`/api/v1/tasks/${id}`, {
    data: { version: task.version, archived: true },
  });
  expect(response.status()).toBe(200);
}

test("a leader creates a project, renames it, moves it up and archives it", async ({ page }) => {
  await signInByApi(page.request, "leader");
  const leader = await me(page.request);
  const stamp = Date.now();
  // A project of our own to move past, so the seeded themes keep their order.
  const anchorTitle = `E2E 锚点板块 ${stamp}`;
  const anchorResponse = await page.request.post("/api/v1/projects", {
    data: { title: anchorTitle },
  });
  expect(anchorResponse.status()).toBe(201);
  const anchor = await anchorResponse.json();

  try {
    const plan = new PlanPage(page);
    await plan.goto();
    const title = `E2E 新板块 ${stamp}`;
    await plan.createProject({ title, description: "端到端测试创建", leadLeaderId: leader.id });
    await plan.expectAdjacent(anchorTitle, title);
    await expect(plan.project(title)).toContainText(`分管领导：${leader.name}`);

    // Rename it; the edit page's history names the field and both values.
    const renamed = `E2E 改名板块 ${stamp}`;
    const form = await plan.edit(title);
    await form.getByLabel("板块名称").fill("");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByText("此项为必填")).toBeVisible();
    await form.getByLabel("板块名称").fill(renamed);
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByTestId("form-status")).toHaveText("已保存");
    await expect(plan.history.first()).toContainText("修改");
    await expect(plan.history.first()).toContainText(title);
    await expect(plan.history.first()).toContainText(renamed);
    await expect(plan.history.last()).toContainText("创建");

    await page.getByRole("link", { name: "返回计划编排" }).click();
    await expect(plan.heading).toBeVisible();
    await plan.expectAdjacent(anchorTitle, renamed);

    await plan.moveUp(renamed);
    await plan.expectAdjacent(renamed, anchorTitle);

    await plan.archive(renamed);
    await page.reload();
    await expect(plan.project(anchorTitle)).toHaveCount(1);
    await expect(plan.project(renamed)).toHaveCount(0);
  } finally {
    const current = await (await page.request.get(`/api/v1/projects/${anchor.id}`)).json();
    await page.request.patch(`/api/v1/projects/${anchor.id}`, {
      data: { version: current.version, archived: true },
    });
  }
});

test("a stale project edit shows who changed it and loads the latest", async ({ page }) => {
  await signInByApi(page.request, "leader");
  const stamp = Date.now();
  const created = await page.request.post("/api/v1/projects", {
    data: { title: `E2E 冲突板块 ${stamp}` },
  });
  const project = await created.json();
  try {
    await page.goto(`/projects/${project.id}/edit`);
    const plan = new PlanPage(page);
    await expect(plan.editForm).toBeVisible();
    // Someone else saves first.
    const theirs = `E2E 他人修改 ${stamp}`;
    const patch = await page.request.patch(`/api/v1/projects/${project.id}`, {
      data: { version: project.version, title: theirs },
    });
    expect(patch.status()).toBe(200);

    await plan.editForm.getByLabel("板块名称").fill(`E2E 我的修改 ${stamp}`);
    await plan.editForm.getByRole("button", { name: "保存" }).click();
    await expect(plan.conflict).toContainText("内容已被他人修改");
    await expect(plan.conflict).toContainText("陆文博");
    await plan.conflict.getByRole("button", { name: "载入最新内容" }).click();
    await expect(plan.editForm.getByLabel("板块名称")).toHaveValue(theirs);
    await expect(plan.conflict).toHaveCount(0);
  } finally {
    const current = await (await page.request.get(`/api/v1/projects/${project.id}`)).json();
    await page.request.patch(`/api/v1/projects/${project.id}`, {
      data: { version: current.version, archived: true },
    });
  }
});

test("a leader adds, edits and removes an indicator of a task", async ({ page }) => {
  await signInByApi(page.request, "leader");
  const leader = await me(page.request);
  const stamp = Date.now();
  const task = await createTask(page.request, {
    title: `E2E 指标任务 ${stamp}`,
    ownerId: leader.id,
    leadUnitId: leader.unitId,
  });
  try {
    await page.goto(`/tasks/${task.id}`);
    const indicators = new IndicatorsSection(page);
    await expect(indicators.section).toBeVisible();
    await expect(indicators.rows).toHaveCount(0);

    const name = `加装电梯 ${stamp}`;
    await indicators.add({ name, unit: "台", baseline: "2", target: "12" });
    const row = indicators.row(name);
    await expect(row).toContainText("台");
    await expect(row.getByTestId("indicator-current")).toHaveText(/—/);
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");

    // Edit: a new name and target.
    const renamed = `加装电梯（改） ${stamp}`;
    await indicators.startEdit(name);
    await indicators.fill({ name: renamed, target: "15" });
    await indicators.save();
    await expect(indicators.form).toHaveCount(0);
    await expect(indicators.row(renamed)).toContainText("15");

    // A target on the wrong side of the baseline is named next to the target, in Chinese.
    await indicators.startEdit(renamed);
    await indicators.fill({ target: "1" });
    await indicators.save();
    const target = indicators.form.getByLabel("目标值", { exact: true });
    await expect(target).toHaveAttribute("aria-invalid", "true");
    await expect(indicators.form.getByText("目标值须朝指标方向偏离基数")).toBeVisible();
    await indicators.form.getByRole("button", { name: "取消" }).click();
    await expect(indicators.row(renamed)).toContainText("15");

    await indicators.remove(renamed);
    await expect(indicators.section.getByRole("status")).toHaveText("指标已删除");
    await expect(indicators.rows).toHaveCount(0);
  } finally {
    await archiveTask(page.request, task.id);
  }
});

test("a cadre cannot open the plan editor nor edit the indicators of its own task", async ({
  page,
  browser,
}) => {
  await signInByApi(page.request, "cadre");
  const cadre = await me(page.request);
  const leader = await apiAs(browser, "leader");
  const request = leader.request;
  const stamp = Date.now();
  const name = `E2E 干部指标 ${stamp}`;
  const task = await createTask(request, {
    title: `E2E 干部任务 ${stamp}`,
    ownerId: cadre.id,
    leadUnitId: cadre.unitId,
    indicators: [{ name, unit: "户", target: 30 }],
  });
  try {
    const response = await page.goto("/plan");
    expect([403, 404]).toContain(response?.status());
    await expect(page.getByRole("heading", { name: "计划编排" })).toHaveCount(0);

    await page.goto(`/tasks/${task.id}`);
    const indicators = new IndicatorsSection(page);
    await expect(indicators.row(name)).toBeVisible();
    await expect(indicators.addButton).toHaveCount(0);
    await expect(indicators.section.getByRole("button")).toHaveCount(0);

    // The server refuses what the page hides.
    const refused = await page.request.post(`/api/v1/tasks/${task.id}/indicators`, {
      data: { name: "不该成功", unit: "个", target: 1 },
    });
    expect(refused.status()).toBe(403);
  } finally {
    await archiveTask(request, task.id);
    await leader.close();
  }
});
