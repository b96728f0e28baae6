import { expect, type Locator, type Page } from "@playwright/test";

/** 计划编排 (/plan) and the project form it links to (/projects/new, /projects/:id/edit). */
export class PlanPage {
  readonly heading: Locator;
  readonly projects: Locator;
  readonly notice: Locator;
  readonly conflict: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "计划编排" });
    this.projects = page.getByTestId("plan-project");
    this.notice = page.getByTestId("plan-notice");
    this.conflict = page.getByTestId("conflict-alert");
  }

  async goto() {
    await this.page.goto("/plan");
    await expect(this.heading).toBeVisible();
  }

  /** A project's card, by its exact title. */
  project(title: string): Locator {
    return this.projects.filter({
      has: this.page.getByRole("heading", { name: title, exact: true }),
    });
  }

  /** The titles of the plan's projects, in order. */
  async projectTitles(): Promise<string[]> {
    return (await this.projects.getByRole("heading").allTextContents()).map((t) => t.trim());
  }

  /** Waits until `first` stands directly above `second`. */
  async expectAdjacent(first: string, second: string) {
    await expect(async () => {
      const titles = await this.projectTitles();
      const index = titles.indexOf(first);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(titles[index + 1]).toBe(second);
    }).toPass();
  }

  async moveUp(title: string) {
    await this.page.getByRole("button", { name: `上移：${title}`, exact: true }).click();
    await expect(this.notice).toHaveText("顺序已调整");
  }

  async archive(title: string) {
    const project = this.project(title);
    await project.getByRole("button", { name: `归档：${title}`, exact: true }).click();
    await project.getByRole("button", { name: "确认归档", exact: true }).click();
    await expect(this.notice).toHaveText(`已归档工作板块“${title}”`);
    await expect(this.project(title)).toHaveCount(0);
  }

  /** Opens the form from the plan, fills it and saves; the plan shows again with the project. */
  async createProject(values: { title: string; description?: string; leadLeaderId?: number }) {
    await this.page.getByRole("link", { name: "新建工作板块" }).click();
    const form = this.page.getByRole("form", { name: "新建工作板块" });
    await expect(form).toBeVisible();
    await form.getByLabel("板块名称").fill(values.title);
    if (values.description) await form.getByLabel("板块说明").fill(values.description);
    if (values.leadLeaderId) {
      await form.getByLabel("分管领导").selectOption(String(values.leadLeaderId));
    }
    await form.getByRole("button", { name: "保存" }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.project(values.title)).toHaveCount(1);
  }

  /** Opens a project's edit page from the plan. */
  async edit(title: string) {
    await this.page.getByRole("link", { name: `编辑：${title}`, exact: true }).click();
    const form = this.editForm;
    await expect(form).toBeVisible();
    await expect(form.getByLabel("板块名称")).toHaveValue(title);
    return form;
  }

  get editForm(): Locator {
    return this.page.getByRole("form", { name: "编辑工作板块" });
  }

  get history(): Locator {
    return this.page.getByRole("region", { name: "变更记录" }).getByTestId("history-item");
  }
}

/** The indicators section (指标) of a task's page. */
export class IndicatorsSection {
  readonly section: Locator;
  readonly rows: Locator;
  readonly addButton: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId("indicators");
    this.rows = this.section.getByTestId("indicator-row");
    this.addButton = this.section.getByRole("button", { name: "添加指标" });
    this.form = this.section.getByTestId("indicator-form");
  }

  row(name: string): Locator {
    return this.rows.filter({
      has: this.page.getByTestId("indicator-name").filter({ hasText: name }),
    });
  }

  async fill(values: Partial<Record<"name" | "unit" | "baseline" | "target", string>>) {
    const labels = { name: "指标名称", unit: "计量单位", baseline: "基数", target: "目标值" };
    for (const [field, value] of Object.entries(values)) {
      await this.form.getByLabel(labels[field as keyof typeof labels], { exact: true }).fill(value);
    }
  }

  async add(values: { name: string; unit: string; baseline?: string; target: string }) {
    await this.addButton.click();
    await this.fill(values);
    await this.form.getByRole("button", { name: "保存" }).click();
    await expect(this.form).toHaveCount(0);
    await expect(this.row(values.name)).toHaveCount(1);
  }

  async startEdit(name: string) {
    await this.row(name)
      .getByRole("button", { name: `编辑指标：${name}` })
      .click();
    await expect(this.form).toBeVisible();
  }

  async save() {
    await this.form.getByRole("button", { name: "保存" }).click();
  }

  async remove(name: string) {
    const row = this.row(name);
    await row.getByRole("button", { name: `移除指标：${name}` }).click();
    await row.getByRole("button", { name: "确认移除" }).click();
    await expect(this.row(name)).toHaveCount(0);
  }
}
