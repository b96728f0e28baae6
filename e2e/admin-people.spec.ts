import { expect, test } from "./fixtures";
import {
  AdminUnitsPage,
  AdminUsersPage,
  archiveUnitByApi,
  createUnitByApi,
} from "./pages/admin-pages";
import { apiAs, archiveTask, createTask } from "./support/api";

// Every test makes the units and people it changes, with unique names, and never touches the demo
// users or units. Units are archived at the end (units are never deleted); people stay deactivated.

test("admin creates a unit and a person in it, sees the one-time password once, then deactivates them", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  const stamp = Date.now();
  const unitName = `E2E 社区 ${stamp}`;
  const username = `e2e-${stamp}`;
  const displayName = `测试人员${stamp}`;

  // 管理 → 单位: a new community, at the end of the list, with nobody in it yet.
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: "管理" })
    .click();
  await expect(page).toHaveURL("/admin");
  await page.getByTestId("admin-link-units").click();
  const units = new AdminUnitsPage(page);
  await expect(units.heading).toBeVisible();
  await units.create(unitName, "community");
  const unitRow = units.row(unitName);
  await expect(unitRow.getByTestId("unit-type")).toHaveText("社区");
  await expect(unitRow.locator('[data-column="members"]')).toContainText("0");

  // A second unit of the same name is refused beside the field, and nothing is added.
  await units.fillCreate(unitName, "department");
  await expect(units.createForm.getByText("已有同名单位")).toBeVisible();
  await expect(units.row(unitName)).toHaveCount(1);

  // 人员: a cadre in the new unit; the one-time password is shown once, with the note.
  const users = new AdminUsersPage(page);
  await users.goto();
  const password = await users.create({
    username,
    displayName,
    title: "网格员",
    unit: unitName,
    role: "干部",
  });
  expect(password.length).toBeGreaterThanOrEqual(10);
  await expect(users.oneTimePassword).toContainText("仅显示一次，请当面或电话告知本人");
  await expect(users.oneTimePassword).toContainText(`${displayName}”（${username}）`);
  await users.oneTimePassword.getByTestId("one-time-dismiss").click();
  await expect(users.oneTimePassword).toHaveCount(0);
  await expect(page.getByText(password)).toHaveCount(0);

  // The unit's filter finds exactly them: active, with a password to change.
  await users.filterByUnit(unitName);
  await expect(users.rows).toHaveCount(1);
  const row = users.row(username);
  await expect(row.getByTestId("user-name")).toHaveText(displayName);
  await expect(row.getByTestId("user-status")).toContainText("在职");
  await expect(row.getByTestId("user-status")).toContainText("待改密码");

  // After a reload the password is nowhere to be seen again.
  await page.reload();
  await expect(users.heading).toBeVisible();
  await expect(page.getByText(password)).toHaveCount(0);
  await expect(users.oneTimePassword).toHaveCount(0);

  // Deactivated: the row says so, and it stays listed.
  await users.deactivate(username, displayName);
  await expect(users.row(username).getByTestId("user-status")).toHaveText("已停用");
  await expect(
    users.row(username).getByRole("button", { name: `启用：${displayName}` }),
  ).toBeVisible();

  // Nobody active is left in the unit: it archives without a warning.
  await units.goto();
  await expect(units.row(unitName).locator('[data-column="members"]')).toContainText("0");
  const confirm = await units.askArchive(unitName);
  await expect(confirm.getByTestId("archive-warning")).toHaveCount(0);
  await confirm.getByRole("button", { name: "确认归档", exact: true }).click();
  await expect(units.status).toHaveText(`已归档单位“${unitName}”`);
  await expect(units.row(unitName)).toHaveCount(0);
  await page.getByTestId("show-archived-units").check();
  await expect(units.row(unitName)).toHaveAttribute("data-archived", "true");
});

test("admin renames and retypes a unit inline, and is warned before archiving one with people", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("admin");
  const stamp = Date.now();
  const name = `E2E 科室 ${stamp}`;
  const renamed = `E2E 新科室 ${stamp}`;
  const other = `E2E 别的单位 ${stamp}`;
  const admin = await apiAs(browser, "admin");
  const unit = await createUnitByApi(admin.request, { name, type: "department" });
  const otherUnit = await createUnitByApi(admin.request, { name: other, type: "other" });
  let personId: number | undefined;
  try {
    const units = new AdminUnitsPage(page);
    await units.goto();

    // Another unit's name is refused beside the field; the row keeps its name.
    let form = await units.edit(name);
    await form.getByLabel("单位名称").fill(other);
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByText("已有同名单位")).toBeVisible();
    await form.getByRole("button", { name: "取消" }).click();

    form = await units.edit(name);
    await form.getByLabel("单位名称").fill(renamed);
    await form.getByLabel("类型").selectOption({ label: "社区" });
    await form.getByRole("button", { name: "保存" }).click();
    await expect(units.status).toHaveText(`已保存单位“${renamed}”`);
    await expect(units.row(renamed).getByTestId("unit-type")).toHaveText("社区");
    await expect(units.row(name)).toHaveCount(0);

    // With a person in it, archiving asks with a warning, and cancelling keeps it.
    const created = await admin.request.post("/api/v1/users", {
      data: {
        username: `e2e-w-${stamp}`,
        displayName: `警示${stamp}`,
        unitId: unit.id,
        role: "cadre",
      },
    });
    expect(created.status()).toBe(201);
    personId = ((await created.json()) as { id: number }).id;
    await units.goto();
    await expect(units.row(renamed).locator('[data-column="members"]')).toContainText("1");
    const confirm = await units.askArchive(renamed);
    await expect(confirm.getByTestId("archive-warning")).toContainText("1 名在职人员");
    await confirm.getByRole("button", { name: "取消" }).click();
    await expect(units.row(renamed)).toHaveAttribute("data-archived", "false");

    // Archived anyway: the status says what is left to move.
    await (await units.askArchive(renamed)).getByRole("button", { name: "确认归档" }).click();
    await expect(units.status).toHaveText(
      `已归档单位“${renamed}”。仍有 1 名在职人员、0 项牵头的未完成任务需要调整。`,
    );
  } finally {
    if (personId !== undefined) {
      await admin.request.patch(`/api/v1/users/${personId}`, { data: { active: false } });
    }
    await admin.request.patch(`/api/v1/units/${unit.id}`, { data: { archived: true } });
    await archiveUnitByApi(admin.request, otherUnit.id);
    await admin.close();
  }
});

test("a deactivated owner's open task is listed under 需要更换责任人, linking to its edit page", async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs("admin");
  const stamp = Date.now();
  const admin = await apiAs(browser, "admin");
  const unit = await createUnitByApi(admin.request, { name: `E2E 交接 ${stamp}`, type: "other" });
  const created = await admin.request.post("/api/v1/users", {
    data: {
      username: `e2e-o-${stamp}`,
      displayName: `离任${stamp}`,
      unitId: unit.id,
      role: "cadre",
    },
  });
  expect(created.status()).toBe(201);
  const ownerId = ((await created.json()) as { id: number }).id;
  const task = await createTask(admin.request, {
    title: `E2E 待交接任务 ${stamp}`,
    ownerId,
    leadUnitId: unit.id,
  });
  try {
    const deactivated = await admin.request.patch(`/api/v1/users/${ownerId}`, {
      data: { active: false },
    });
    expect(deactivated.status()).toBe(200);

    const users = new AdminUsersPage(page);
    await users.goto();
    const item = users.needsOwner.getByTestId("needs-owner-item").filter({ hasText: task.title });
    await expect(item).toContainText(`原责任人：离任${stamp}`);
    await item.getByRole("link", { name: `更换责任人：${task.title}` }).click();
    await expect(page).toHaveURL(`/tasks/${task.id}/edit`);
  } finally {
    await archiveTask(admin.request, task.id);
    await archiveUnitByApi(admin.request, unit.id);
    await admin.close();
  }
});

test("a cadre gets the 403 page on the admin pages, no 管理 link, and 403 from the API", async ({
  page,
  signInAs,
}) => {
  await signInAs("cadre");
  for (const path of ["/admin", "/admin/users", "/admin/units"]) {
    await page.goto(path);
    await expect(page.getByTestId("forbidden")).toHaveText("没有访问权限");
  }
  await page.goto("/my");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "我的任务" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "管理" })).toHaveCount(0);
  await expect(page.getByTestId("change-password-link")).toHaveAttribute(
    "href",
    "/account/password",
  );

  const createUnit = await page.request.post("/api/v1/units", {
    data: { name: "越权单位", type: "other" },
  });
  expect(createUnit.status()).toBe(403);
  const listUsers = await page.request.get("/api/v1/users");
  expect(listUsers.status()).toBe(403);
  // The unit list with its counts is the administration's too.
  const listUnits = await page.request.get("/api/v1/units");
  expect(listUnits.status()).toBe(403);
});

test("the people page fits a 375 px phone without sideways scrolling", async ({
  page,
  signInAs,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAs("admin");
  for (const path of ["/admin", "/admin/users", "/admin/units"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
