import { expect, signInByApi, test } from "./fixtures";
import { TaskDetailPage, TaskFormPage, TaskListPage } from "./pages/task-pages";
import { apiAs, createTask, me } from "./support/api";

const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("the cadre lands on their tasks, filters the list to theirs and marks one in progress", async ({
  page,
  browser,
  signInAs,
}) => {
  // A task of the cadre's own, made for this test, so no other test's changes matter.
  await signInAs("cadre");
  const cadre = await me(page.request);
  const leader = await apiAs(browser, "leader");
  const title = unique("E2E 社区微更新");
  const task = await createTask(leader.request, {
    title,
    ownerId: cadre.id,
    leadUnitId: cadre.unitId,
  });
  await leader.close();

  await page.goto("/");
  await expect(page).toHaveURL("/my");
  await expect(page.getByRole("heading", { name: "我的任务", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();

  const list = new TaskListPage(page);
  await list.goto();
  const everyone = await list.total.textContent();
  // The box follows the URL, which updates a moment after the click.
  await list.filters.getByLabel("只看我的").click();
  await expect(page).toHaveURL(/mine=1/);
  await expect(list.filters.getByLabel("只看我的")).toBeChecked();
  await expect(list.total).not.toHaveText(everyone!);
  const mine = await (await page.request.get("/api/v1/tasks?mine=1&limit=200")).json();
  await expect(list.total).toContainText(`共 ${mine.total} 项任务`);
  await list.filters.getByLabel("搜索").fill(title);
  await expect(page).toHaveURL(/q=/);
  await expect(list.rows).toHaveCount(1);
  await list.row(title).getByRole("link", { name: title }).click();

  const detail = new TaskDetailPage(page);
  await expect(page).toHaveURL(`/tasks/${task.id}`);
  await expect(detail.status).toHaveText("未开始");
  await detail.statusButton("开始推进").click();
  await expect(detail.status).toHaveText("推进中");
  await expect(detail.statusButton("标记受阻")).toBeVisible();

  // Saved on the server, with its history.
  await page.reload();
  await expect(detail.status).toHaveText("推进中");
  const saved = await (await page.request.get(`/api/v1/tasks/${task.id}`)).json();
  expect(saved).toMatchObject({ status: "in_progress", version: task.version + 1 });
  await page.getByRole("tab", { name: "变更记录" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("林思雨");

  // Blocking needs a reason, said next to the field.
  await detail.statusButton("标记受阻").click();
  await detail.statusControl.getByRole("button", { name: "确认" }).click();
  await expect(detail.statusControl.getByTestId("blockedReason-error")).toHaveText(
    "标记为受阻时请说明原因",
  );
  await expect(detail.status).toHaveText("推进中");
  await detail.statusControl.getByRole("textbox", { name: "受阻原因" }).fill("等待物业签字");
  await detail.statusControl.getByRole("button", { name: "确认" }).click();
  await expect(detail.status).toHaveText("受阻");
  await expect(page.getByTestId("blocked-reason")).toContainText("等待物业签字");
});

test("a cadre sees no edit controls on another unit's task, and the API refuses the change", async ({
  page,
  signInAs,
}) => {
  await signInAs("cadre");
  const cadre = await me(page.request);
  const all = (await (await page.request.get("/api/v1/tasks?limit=200")).json()) as {
    items: { id: number; ownerId: number; leadUnitId: number; coUnitIds: number[] }[];
  };
  const other = all.items.find(
    (t) =>
      t.ownerId !== cadre.id &&
      t.leadUnitId !== cadre.unitId &&
      !t.coUnitIds.includes(cadre.unitId),
  );
  expect(other).toBeDefined();
  const before = await (await page.request.get(`/api/v1/tasks/${other!.id}`)).json();

  const detail = new TaskDetailPage(page);
  await detail.goto(other!.id);
  await expect(detail.statusControl).toHaveCount(0);
  await expect(detail.editControls).toHaveCount(0);
  await expect(page.getByRole("button", { name: "开始推进" })).toHaveCount(0);

  for (const patch of [{ status: "in_progress" }, { title: "改个名字" }]) {
    const response = await page.request.patch(`/api/v1/tasks/${other!.id}`, {
      data: { version: before.version, ...patch },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  }
  const after = await (await page.request.get(`/api/v1/tasks/${other!.id}`)).json();
  expect(after).toMatchObject({
    version: before.version,
    status: before.status,
    title: before.title,
  });

  const page403 = await page.goto("/tasks/new");
  expect(page403?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toHaveText("没有访问权限");
});

test("a leader creates a task with an indicator, after fixing a field error", async ({
  page,
  signInAs,
}) => {
  await signInAs("leader");
  const projects = (await (await page.request.get("/api/v1/projects")).json()).items as {
    id: number;
    title: string;
  }[];
  const project = projects.find((p) => p.title.includes("惠民生"))!;
  const title = unique("E2E 新增公共停车位");

  await page.goto(`/tasks/new?projectId=${project.id}`);
  const form = new TaskFormPage(page);
  await expect(form.field("工作板块")).toHaveValue(String(project.id));
  await form.field("任务名称").fill(title);
  await form.field("牵头单位").selectOption({ label: "城市管理办公室" });
  await form.field("责任人").selectOption({ index: 1 });
  await form.field("开始日期").fill("2023-06-01");
  await form.field("完成时限").fill("2023-03-01");
  await form.form.getByRole("button", { name: "添加指标" }).click();
  await form.field("指标名称").fill("新增公共停车位");
  await form.field("计量单位").fill("个");
  await form.field("目标值").fill("120");
  await form.save();

  await expect(form.error("dueDate")).toHaveText("完成时限不能早于开始日期");
  await expect(page).toHaveURL(/\/tasks\/new/);
  const none = await (
    await page.request.get(`/api/v1/tasks?q=${encodeURIComponent(title)}`)
  ).json();
  expect(none.total).toBe(0);

  await form.field("完成时限").fill("2023-12-31");
  await form.save();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const indicators = new TaskDetailPage(page).indicators;
  await expect(indicators).toContainText("新增公共停车位");
  await expect(indicators).toContainText("120");

  const id = Number(page.url().split("/").pop());
  const saved = await (await page.request.get(`/api/v1/tasks/${id}`)).json();
  expect(saved).toMatchObject({
    title,
    projectId: project.id,
    startDate: "2023-06-01",
    dueDate: "2023-12-31",
    indicators: [{ name: "新增公共停车位", unit: "个", baseline: 0, target: 120, current: null }],
  });
});

test("two leaders edit the same task: the second sees who changed it, and nothing is overwritten", async ({
  browser,
}) => {
  const setup = await apiAs(browser, "leader");
  const leader = await me(setup.request);
  const task = await createTask(setup.request, {
    title: unique("E2E 冲突测试"),
    ownerId: leader.id,
    leadUnitId: leader.unitId,
  });
  await setup.close();

  const [first, second] = await Promise.all([
    browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" }),
    browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" }),
  ]);
  await Promise.all([signInByApi(first.request, "leader"), signInByApi(second.request, "shuji")]);
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  await Promise.all([pageA.goto(`/tasks/${task.id}/edit`), pageB.goto(`/tasks/${task.id}/edit`)]);
  const formA = new TaskFormPage(pageA);
  const formB = new TaskFormPage(pageB);

  await formA.field("任务名称").fill(`${task.title}（A 改）`);
  await formA.save();
  await expect(pageA).toHaveURL(`/tasks/${task.id}`);

  await formB.field("任务名称").fill(`${task.title}（B 改）`);
  await formB.save();
  const conflict = pageB.getByTestId("conflict-alert");
  await expect(conflict).toContainText("内容已被他人修改");
  await expect(conflict).toContainText("陆文博");
  await expect(pageB).toHaveURL(`/tasks/${task.id}/edit`);

  const saved = await (await pageA.request.get(`/api/v1/tasks/${task.id}`)).json();
  expect(saved.title).toBe(`${task.title}（A 改）`);
  expect(saved.version).toBe(task.version + 1);

  await conflict.getByRole("button", { name: "载入最新内容" }).click();
  await expect(formB.field("任务名称")).toHaveValue(`${task.title}（A 改）`);
  await expect(conflict).toHaveCount(0);
  await Promise.all([first.close(), second.close()]);
});

test("the task API answers 409 with the current task to a stale version", async ({
  page,
  signInAs,
}) => {
  await signInAs("leader");
  const leader = await me(page.request);
  const task = await createTask(page.request, {
    title: unique("E2E 版本"),
    ownerId: leader.id,
    leadUnitId: leader.unitId,
  });
  const first = await page.request.patch(`/api/v1/tasks/${task.id}`, {
    data: { version: task.version, weight: 2 },
  });
  expect(first.status()).toBe(200);
  expect((await first.json()).version).toBe(task.version + 1);
  const stale = await page.request.patch(`/api/v1/tasks/${task.id}`, {
    data: { version: task.version, weight: 3 },
  });
  expect(stale.status()).toBe(409);
  const body = await stale.json();
  expect(body.error).toMatchObject({
    code: "conflict",
    current: { id: task.id, weight: 2, version: task.version + 1 },
    changedBy: { name: leader.name },
  });
  const history = await (await page.request.get(`/api/v1/tasks/${task.id}/history`)).json();
  expect(history.items.map((i: { action: string }) => i.action)).toEqual(["update", "create"]);
  expect(history.items[0]).toMatchObject({ before: { weight: 1 }, after: { weight: 2 } });
});

test("bad input to the task API is a 400 naming each field, in Chinese, and changes nothing", async ({
  page,
  signInAs,
}) => {
  await signInAs("leader");
  const leader = await me(page.request);
  const task = await createTask(page.request, {
    title: unique("E2E 校验"),
    ownerId: leader.id,
    leadUnitId: leader.unitId,
  });
  const cases: [unknown, Record<string, unknown>][] = [
    [{ version: task.version, foo: 1 }, { foo: expect.any(String) }],
    [{ version: task.version, dueDate: "2023-02-30" }, { dueDate: "请填写有效的日期（年-月-日）" }],
    [{ version: task.version, title: "  " }, { title: "此项为必填" }],
    [{ version: task.version, status: "blocked" }, { blockedReason: "标记为受阻时请说明原因" }],
    [
      { version: task.version, startDate: "2023-12-01", dueDate: "2023-11-01" },
      { dueDate: "完成时限不能早于开始日期" },
    ],
    [{ version: task.version, ownerId: 999999 }, { ownerId: "请选择在用的责任人" }],
    [{ status: "in_progress" }, { version: expect.any(String) }],
  ];
  for (const [data, fields] of cases) {
    const response = await page.request.patch(`/api/v1/tasks/${task.id}`, { data });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields).toEqual(fields);
  }
  const after = await (await page.request.get(`/api/v1/tasks/${task.id}`)).json();
  expect(after).toMatchObject({ version: task.version, status: "not_started", title: task.title });
  const history = await (await page.request.get(`/api/v1/tasks/${task.id}/history`)).json();
  expect(history.items).toHaveLength(1);

  const list = await page.request.get("/api/v1/tasks?limit=1e3&light=purple");
  expect(list.status()).toBe(400);
  expect(Object.keys((await list.json()).error.fields).sort()).toEqual(["light", "limit"]);
});
