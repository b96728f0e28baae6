import { expect, type Locator, type Page } from "@playwright/test";

/** 导入工作计划 (/admin/import): the text or file, the editable preview, and the result. */
export class ImportPage {
  readonly heading: Locator;
  readonly text: Locator;
  readonly previewButton: Locator;
  readonly themes: Locator;
  readonly year: Locator;
  readonly planTitle: Locator;
  readonly bulkOwner: Locator;
  readonly bulkOwnerApply: Locator;
  readonly commitButton: Locator;
  readonly error: Locator;
  readonly yearError: Locator;
  readonly done: Locator;
  readonly openPlan: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "导入工作计划" });
    this.text = page.getByLabel("粘贴文字");
    this.previewButton = page.getByTestId("import-preview");
    this.themes = page.getByTestId("import-theme");
    this.year = page.getByLabel("年度", { exact: true });
    this.planTitle = page.getByLabel("计划名称");
    this.bulkOwner = page.getByLabel("全部指定为…");
    this.bulkOwnerApply = page.getByTestId("bulk-owner-apply");
    this.commitButton = page.getByTestId("import-commit");
    this.error = page.getByTestId("import-error");
    this.yearError = page.getByTestId("plan-year-error");
    this.done = page.getByTestId("import-done");
    this.openPlan = page.getByTestId("import-open-plan");
  }

  async goto() {
    await this.page.goto("/admin/import");
    await expect(this.heading).toBeVisible();
  }

  /** Pastes the work plan and previews it. */
  async preview(text: string) {
    await this.text.fill(text);
    await this.previewButton.click();
    await expect(this.page.getByTestId("import-editor")).toBeVisible();
  }

  /** The themes' titles as they stand in the editor. */
  async themeTitles(): Promise<string[]> {
    const inputs = this.themes.getByTestId("theme-title");
    const count = await inputs.count();
    const titles: string[] = [];
    for (let i = 0; i < count; i++) titles.push(await inputs.nth(i).inputValue());
    return titles;
  }

  /** The title input of a theme's task (both counted from 0). */
  taskTitle(theme: number, task: number): Locator {
    return this.themes.nth(theme).getByTestId("import-task").nth(task).getByTestId("task-title");
  }

  async assignEveryTaskTo(name: string) {
    await this.bulkOwner.selectOption({ label: name });
    await this.bulkOwnerApply.click();
    await expect(this.page.getByTestId("import-summary")).toContainText("0 项尚未指定责任人");
  }

  /**
   * Sets a far-off year (2100–2999, not today's plans) and commits; a year another run took is
   * refused beside the year field, and the next random one is tried.
   */
  async commitWithFreeYear(): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const year = String(2100 + Math.floor(Math.random() * 900));
      await this.year.fill(year);
      await this.commitButton.click();
      await expect(this.done.or(this.yearError)).toBeVisible();
      if (await this.done.isVisible()) return year;
    }
    throw new Error("no free plan year found in five tries");
  }
}
