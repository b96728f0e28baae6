import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

const UNIT_TYPE_LABELS = { department: "科室", community: "社区", other: "其他" } as const;
export type UnitTypeName = keyof typeof UNIT_TYPE_LABELS;

/** Creates a unit through the API (as an admin) and returns it. */
export async function createUnitByApi(
  request: APIRequestContext,
  values: { name: string; type: UnitTypeName },
) {
  const response = await request.post("/api/v1/units", { data: values });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: number; name: string };
}

/** Archives a unit through the API (as an admin): clean-up for the units a test made. */
export async function archiveUnitByApi(request: APIRequestContext, id: number) {
  const response = await request.patch(`/api/v1/units/${id}`, { data: { archived: true } });
  expect(response.status()).toBe(200);
}

/** 单位管理 (/admin/units). */
export class AdminUnitsPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly createForm: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "单位管理" });
    this.status = page.getByTestId("unit-status");
    this.createForm = page.getByRole("form", { name: "新增单位" });
    this.rows = page.getByTestId("unit-row");
  }

  async goto() {
    await this.page.goto("/admin/units");
    await expect(this.heading).toBeVisible();
  }

  /** A unit's row, by its exact name. */
  row(name: string): Locator {
    return this.rows.filter({
      has: this.page.getByTestId("unit-name").getByText(name, { exact: true }),
    });
  }

  async fillCreate(name: string, type: UnitTypeName) {
    await this.createForm.getByLabel("单位名称").fill(name);
    await this.createForm.getByLabel("类型").selectOption({ label: UNIT_TYPE_LABELS[type] });
    await this.createForm.getByRole("button", { name: "添加单位" }).click();
  }

  async create(name: string, type: UnitTypeName) {
    await this.fillCreate(name, type);
    await expect(this.status).toHaveText(`已添加单位“${name}”`);
    await expect(this.row(name)).toBeVisible();
  }

  /** Opens a unit's inline edit form. */
  async edit(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole("button", { name: `编辑：${name}`, exact: true })
      .click();
    const form = this.page.getByRole("form", { name: `编辑：${name}`, exact: true });
    await expect(form).toBeVisible();
    return form;
  }

  /** Starts archiving a unit: the confirmation asks, in place. */
  async askArchive(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole("button", { name: `归档：${name}`, exact: true })
      .click();
    return this.row(name).getByRole("group", { name: `归档：${name}` });
  }

  async archive(name: string) {
    const confirm = await this.askArchive(name);
    await confirm.getByRole("button", { name: "确认归档", exact: true }).click();
    await expect(this.status).toContainText(`已归档单位“${name}”`);
  }
}

/** 人员管理 (/admin/users). */
export class AdminUsersPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly createForm: Locator;
  readonly rows: Locator;
  readonly oneTimePassword: Locator;
  readonly needsOwner: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "人员管理" });
    this.status = page.getByTestId("user-status-message");
    this.createForm = page.getByRole("form", { name: "新增人员" });
    this.rows = page.getByTestId("user-row");
    this.oneTimePassword = page.getByTestId("one-time-password");
    this.needsOwner = page.getByTestId("needs-owner");
  }

  async goto() {
    await this.page.goto("/admin/users");
    await expect(this.heading).toBeVisible();
  }

  /** A person's row, by username. */
  row(username: string): Locator {
    return this.page.locator(`[data-testid="user-row"][data-username="${username}"]`);
  }

  /** Fills and sends the create form; returns the one-time password shown. */
  async create(values: {
    username: string;
    displayName: string;
    title?: string;
    unit: string;
    role: "系统管理员" | "领导" | "干部";
  }): Promise<string> {
    const form = this.createForm;
    await form.getByLabel("用户名", { exact: true }).fill(values.username);
    await form.getByLabel("姓名", { exact: true }).fill(values.displayName);
    if (values.title) await form.getByLabel("职务", { exact: true }).fill(values.title);
    await form.getByLabel("单位", { exact: true }).selectOption({ label: values.unit });
    await form.getByLabel("角色", { exact: true }).selectOption({ label: values.role });
    await form.getByRole("button", { name: "添加人员" }).click();
    await expect(this.status).toHaveText(`已添加“${values.displayName}”`);
    await expect(this.oneTimePassword).toBeVisible();
    return (await this.oneTimePassword.getByTestId("one-time-value").textContent()) ?? "";
  }

  async filterByUnit(unit: string) {
    await this.page.getByRole("search").getByLabel("单位").selectOption({ label: unit });
  }

  async deactivate(username: string, displayName: string) {
    const row = this.row(username);
    await row.getByRole("button", { name: `停用：${displayName}`, exact: true }).click();
    await row
      .getByRole("group", { name: `停用：${displayName}` })
      .getByRole("button", { name: "确认停用", exact: true })
      .click();
    await expect(this.status).toHaveText(`已停用“${displayName}”`);
  }
}
