import { expect, type Locator, type Page } from "@playwright/test";

/** A file for the evidence picker, as Playwright's setInputFiles takes it. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** What the report form is filled with; readings are keyed by their field's label, "名称（单位）". */
export interface EntryValues {
  date?: string;
  readings?: Record<string, string>;
  percent?: string;
  note?: string;
  problems?: string;
  nextSteps?: string;
  /** The label of a status in "同时更改任务状态", e.g. "受阻". */
  status?: string;
  files?: UploadFile[];
}

/** The label of an indicator's reading field. */
export const readingLabel = (indicator: { name: string; unit: string }) =>
  `${indicator.name}（${indicator.unit}）`;

/**
 * 填报进展 (/tasks/:id/report) and its edit, 修改填报 (/tasks/:id/entries/:entryId/edit): one form,
 * named by its heading.
 */
export class EntryFormPage {
  readonly form: Locator;
  readonly date: Locator;
  readonly percent: Locator;
  readonly note: Locator;
  readonly problems: Locator;
  readonly nextSteps: Locator;
  readonly status: Locator;
  /** The evidence picker's hidden file input. */
  readonly fileInput: Locator;
  readonly chosenFiles: Locator;
  /** "提交", which reads "确认提交" while readings wait for confirmation. */
  readonly submit: Locator;
  readonly confirmSubmit: Locator;
  readonly warnings: Locator;
  readonly formError: Locator;

  constructor(
    readonly page: Page,
    name: "填报进展" | "修改填报" = "填报进展",
  ) {
    this.form = page.getByRole("form", { name });
    this.date = this.form.getByLabel("填报日期", { exact: true });
    this.percent = this.form.getByLabel("完成百分比（%）", { exact: true });
    this.note = this.form.getByLabel("工作进展", { exact: true });
    this.problems = this.form.getByLabel("存在问题", { exact: true });
    this.nextSteps = this.form.getByLabel("下步计划", { exact: true });
    this.status = this.form.getByLabel("同时更改任务状态", { exact: true });
    this.fileInput = this.form.locator("input[type=file]");
    this.chosenFiles = this.form.getByTestId("evidence-file");
    this.submit = this.form.getByRole("button", { name: "提交", exact: true });
    this.confirmSubmit = this.form.getByRole("button", { name: "确认提交", exact: true });
    this.warnings = this.form.getByTestId("entry-warnings");
    this.formError = this.form.getByTestId("entry-form-error");
  }

  /** Opens the report page of a task and waits for the form to take input. */
  async goto(taskId: number) {
    await this.page.goto(`/tasks/${taskId}/report`);
    await this.expectReady();
  }

  /** The form is there and hydrated (the submit button is disabled until it is). */
  async expectReady() {
    await expect(this.form).toBeVisible();
    await expect(this.submit).toBeEnabled();
  }

  reading(indicator: { name: string; unit: string }): Locator {
    return this.form.getByLabel(readingLabel(indicator), { exact: true });
  }

  readingHint(indicatorId: number): Locator {
    return this.form.getByTestId(`reading-${indicatorId}-hint`);
  }

  readingError(indicatorId: number): Locator {
    return this.form.getByTestId(`reading-${indicatorId}-error`);
  }

  /** A field's error under it, by the field's id (e.g. "entry-note", "reading-12"). */
  error(fieldId: string): Locator {
    return this.form.getByTestId(`${fieldId}-error`);
  }

  async attach(files: UploadFile[]) {
    await this.fileInput.setInputFiles(files);
    for (const file of files) {
      await expect(this.chosenFiles.filter({ hasText: file.name })).toHaveCount(1);
    }
  }

  async fill(values: EntryValues) {
    if (values.date !== undefined) await this.date.fill(values.date);
    for (const [label, value] of Object.entries(values.readings ?? {})) {
      await this.form.getByLabel(label, { exact: true }).fill(value);
    }
    if (values.percent !== undefined) await this.percent.fill(values.percent);
    if (values.note !== undefined) await this.note.fill(values.note);
    if (values.problems !== undefined) await this.problems.fill(values.problems);
    if (values.nextSteps !== undefined) await this.nextSteps.fill(values.nextSteps);
    if (values.status !== undefined) await this.status.selectOption({ label: values.status });
    if (values.files) await this.attach(values.files);
  }
}

/** A task's page as progress shows on it: the bar, indicators, charts and the timeline (进展). */
export class TaskProgressView {
  readonly detail: Locator;
  readonly saved: Locator;
  /** The task's own progress bar (完成进度), not an indicator's. */
  readonly progress: Locator;
  readonly reportLink: Locator;
  readonly indicatorRows: Locator;
  readonly charts: Locator;
  readonly timeline: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.detail = page.getByTestId("task-detail");
    this.saved = page.getByTestId("entry-saved");
    this.progress = page.getByRole("progressbar", { name: "完成进度", exact: true });
    this.reportLink = this.detail.getByRole("link", { name: "填报进展", exact: true });
    this.indicatorRows = page.getByTestId("indicators").getByTestId("indicator-row");
    this.charts = page.getByTestId("indicator-chart");
    this.timeline = page.getByTestId("timeline");
    this.entries = page.getByTestId("timeline-entry");
  }

  async goto(taskId: number) {
    await this.page.goto(`/tasks/${taskId}`);
    await expect(this.detail).toBeVisible();
  }

  /** The task's progress in whole percent, as the bar says it. */
  async progressValue(): Promise<number> {
    return Number(await this.progress.getAttribute("aria-valuenow"));
  }

  indicatorRow(name: string): Locator {
    return this.indicatorRows.filter({
      has: this.page.getByTestId("indicator-name").filter({ hasText: name }),
    });
  }

  indicatorCurrent(name: string): Locator {
    return this.indicatorRow(name).getByTestId("indicator-current");
  }

  chart(indicatorName: string): Locator {
    return this.charts.filter({
      has: this.page.locator("figcaption").filter({ hasText: indicatorName }),
    });
  }

  /** The rows of a chart's screen-reader table: one per counting reading. */
  chartPoints(indicatorName: string): Locator {
    return this.chart(indicatorName).getByTestId("chart-point");
  }

  readings(entry: Locator): Locator {
    return entry.getByTestId("entry-reading");
  }

  reviewState(entry: Locator): Locator {
    return entry.getByTestId("review-state");
  }

  thumbnails(entry: Locator): Locator {
    return entry.getByTestId("attachment").locator("img");
  }

  /** Waits until an <img> has been fetched and decoded (it is lazy: scrolled to first). */
  async expectImageLoaded(image: Locator) {
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        message: "the thumbnail loads",
      })
      .toBeGreaterThan(0);
  }

  /** 修改: the author's edit page of an entry. */
  async edit(entry: Locator) {
    await entry.getByRole("link", { name: "修改", exact: true }).click();
    const form = new EntryFormPage(this.page, "修改填报");
    await form.expectReady();
    return form;
  }

  /** 撤回, then 撤回 again in the question that the first click asks. */
  async withdraw(entry: Locator) {
    await entry.getByRole("button", { name: "撤回", exact: true }).click();
    const question = entry.getByRole("group", { name: "撤回" });
    await expect(question).toContainText("确定撤回这条填报吗");
    await question.getByRole("button", { name: "撤回", exact: true }).click();
    await expect(entry).toHaveAttribute("data-withdrawn", "true");
  }
}

/** 我的任务 (/my), the cadre's home page, as far as reporting goes. */
export class MyTasksPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "我的任务", level: 1 });
  }

  async goto() {
    await this.page.goto("/my");
    await expect(this.heading).toBeVisible();
  }

  /** The "填报" link of one of my tasks. */
  reportLink(title: string): Locator {
    return this.page.getByRole("link", { name: `填报进展：${title}`, exact: true });
  }
}

/** Whether the page scrolls sideways at its current viewport. */
export async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}
