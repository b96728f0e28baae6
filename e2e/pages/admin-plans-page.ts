import { expect, type Locator, type Page } from "@playwright/test";

/** 年度计划管理 (/admin/plans): the new-plan form and a card per plan. */
export class AdminPlansPage {
  readonly heading: Locator;
  readonly createForm: Locator;
  readonly createStatus: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "年度计划管理" });
    this.createForm = page.getByTestId("create-plan-form");
    this.createStatus = page.getByTestId("create-plan-status");
    this.status = page.getByTestId("plans-status");
  }

  async goto() {
    await this.page.goto("/admin/plans");
    await expect(this.heading).toBeVisible();
  }

  /** A plan's card, by its year. */
  plan(year: number): Locator {
    return this.page.locator(`[data-testid="plan-row"][data-year="${year}"]`);
  }

  /**
   * Creates a plan for a year through the form. Answers false when the year is taken (the form
   * says so beside the field), true once the plan is created.
   */
  async create(year: number): Promise<boolean> {
    const submit = this.createForm.getByRole("button", { name: "新建计划" });
    // Enabled once the page is hydrated: a value typed before that would be lost.
    await expect(submit).toBeEnabled();
    await this.createForm.getByLabel("年度").fill(String(year));
    await submit.click();
    const taken = this.createForm.getByTestId("new-plan-year-error");
    await expect
      .poll(async () => (await taken.isVisible()) || !!(await this.createStatus.textContent()))
      .toBe(true);
    if (await taken.isVisible()) {
      await expect(taken).toHaveText("该年度已有工作计划，每个年度只能有一个计划");
      return false;
    }
    return true;
  }

  /**
   * Copies the plan of `fromYear` into `year` (asked, then confirmed). Answers false when the year
   * is taken, true once the copy is reported.
   */
  async copy(fromYear: number, title: string, year: number): Promise<boolean> {
    const card = this.plan(fromYear);
    const copy = card.getByRole("button", { name: `把“${title}”复制为下一年` });
    await expect(copy).toBeEnabled();
    await card.getByLabel("复制到年度").fill(String(year));
    await copy.click();
    await expect(card).toContainText(`复制到 ${year} 年？`);
    await card.getByRole("button", { name: "确认复制" }).click();
    const taken = card.getByTestId(/^copy-year-\d+-error$/);
    await expect
      .poll(
        async () =>
          (await taken.isVisible()) ||
          ((await this.status.textContent()) ?? "").startsWith("已复制为"),
        { timeout: 20_000 },
      )
      .toBe(true);
    if (await taken.isVisible()) {
      await expect(taken).toHaveText("该年度已有工作计划，每个年度只能有一个计划");
      return false;
    }
    return true;
  }
}
