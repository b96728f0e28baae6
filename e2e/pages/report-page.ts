import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** The export buttons' names, by the file they download. */
export const EXPORT_BUTTONS = { xlsx: "导出 Excel", docx: "导出 Word", csv: "导出 CSV" } as const;

/**
 * 月报 (/reports?planId&month&projectId&unitId): the month's report with its filters, summary,
 * a table per project, who has not reported, the exports, and 定稿 / 重新打开.
 */
export class ReportPage {
  readonly heading: Locator;
  readonly filters: Locator;
  readonly month: Locator;
  readonly project: Locator;
  readonly unit: Locator;
  readonly summary: Locator;
  /** 情况综述 as a leader edits it before 定稿. */
  readonly narrativeInput: Locator;
  /** 情况综述 as text (published, or for anyone who cannot publish). */
  readonly narrative: Locator;
  readonly notReported: Locator;
  readonly publishedBanner: Locator;
  readonly publish: Locator;
  readonly confirmPublish: Locator;
  readonly cancelPublish: Locator;
  readonly reopen: Locator;
  readonly reopenReason: Locator;
  readonly confirmReopen: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.filters = page.getByRole("form", { name: "月报筛选" });
    // Each select sits in its <label>, so its accessible name goes on with the chosen option.
    this.month = this.filters.getByRole("combobox", { name: /^月份/ });
    this.project = this.filters.getByRole("combobox", { name: /^工作板块/ });
    this.unit = this.filters.getByRole("combobox", { name: /^单位/ });
    this.summary = page.getByTestId("report-summary");
    this.narrativeInput = page.getByRole("textbox", { name: "情况综述", exact: true });
    this.narrative = page.getByTestId("report-narrative");
    this.notReported = page.getByRole("region", { name: "本月未填报", exact: true });
    this.publishedBanner = page.getByTestId("published-banner");
    this.publish = page.getByRole("button", { name: "定稿", exact: true });
    this.confirmPublish = page.getByRole("button", { name: "确认定稿", exact: true });
    this.cancelPublish = page.getByRole("button", { name: "取消", exact: true });
    this.reopen = page.getByRole("button", { name: "重新打开", exact: true });
    this.reopenReason = page.getByLabel("重新打开原因", { exact: true });
    this.confirmReopen = page.getByRole("button", { name: "确认重新打开", exact: true });
  }

  /** Opens a month's report (`YYYY-MM`) and waits for its heading. */
  async goto(month?: string) {
    await this.page.goto(month ? `/reports?month=${month}` : "/reports");
    await expect(this.heading).toBeVisible();
  }

  /** A confirmation (role="status") with exactly this text, e.g. "已定稿". */
  status(text: string): Locator {
    return this.page.getByRole("status").filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) });
  }

  /** A task's line in its project's table. */
  row(taskId: number): Locator {
    return this.page.getByTestId(`report-row-${taskId}`);
  }

  /** A project's section, by its <h2>. */
  projectSection(title: string): Locator {
    return this.page
      .locator("section")
      .filter({ has: this.page.getByRole("heading", { level: 2, name: title, exact: true }) });
  }

  exportButton(format: keyof typeof EXPORT_BUTTONS): Locator {
    return this.page.getByRole("button", { name: EXPORT_BUTTONS[format], exact: true });
  }

  /**
   * Clicks an export button and answers the download. The file's request is held until the
   * button has been seen busy — disabled, aria-busy and saying "正在生成…" — then let through;
   * once the file has come the button is enabled again under its own name.
   */
  async download(format: keyof typeof EXPORT_BUTTONS): Promise<Download> {
    const button = this.exportButton(format);
    await expect(button).toBeEnabled();
    const isExport = (url: URL) =>
      url.pathname === "/api/v1/reports/monthly" && url.searchParams.get("format") === format;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await this.page.route(isExport, async (route) => {
      await held;
      await route.continue();
    });
    try {
      const download = this.page.waitForEvent("download");
      await button.click();
      const busy = this.page.getByRole("button", { name: "正在生成…", exact: true });
      await expect(busy).toBeDisabled();
      await expect(busy).toHaveAttribute("aria-busy", "true");
      release();
      const file = await download;
      await expect(button).toBeEnabled();
      return file;
    } finally {
      release();
      await this.page.unroute(isExport);
    }
  }

  /** 定稿 → 确认定稿. */
  async publishMonth() {
    await this.publish.click();
    await this.confirmPublish.click();
  }

  /** 重新打开 → the reason → 确认重新打开. */
  async reopenMonth(reason: string) {
    await this.reopen.click();
    await this.reopenReason.fill(reason);
    await this.confirmReopen.click();
  }
}
