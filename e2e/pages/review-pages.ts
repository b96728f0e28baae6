import { expect, type Locator, type Page } from "@playwright/test";

/**
 * 进展审核 (/reviews): the leader's queue. Tests share one demo database, so a test looks only at
 * the entries of its own task (`item(title)`), never at the queue's length.
 */
export class ReviewQueuePage {
  readonly heading: Locator;
  readonly items: Locator;
  /** "已通过：…" / "已退回：…" / "已通过 N 条填报" after a review (role="status"). */
  readonly notice: Locator;
  /** What the queue says when a review was refused, e.g. an entry no longer pending. */
  readonly error: Locator;
  readonly selectRoutine: Locator;
  readonly clearSelection: Locator;
  /** "批量通过 (N)". */
  readonly bulkApprove: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "进展审核", level: 1 });
    this.items = page.getByTestId("review-item");
    this.notice = page.getByTestId("review-notice");
    this.error = page.getByTestId("review-error");
    this.selectRoutine = page.getByRole("button", { name: "选择全部常规填报", exact: true });
    this.clearSelection = page.getByRole("button", { name: "取消选择", exact: true });
    this.bulkApprove = page.getByRole("button", { name: /^批量通过 \(\d+\)$/ });
  }

  async goto(query: { status?: "pending" | "approved" | "returned"; scope?: "mine" | "all" } = {}) {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(search ? `/reviews?${search}` : "/reviews");
    await expect(this.heading).toBeVisible();
  }

  /** The tab (待审核 / 已通过 / 已退回) or scope (我分管的 / 全部) link. */
  filter(name: "待审核" | "已通过" | "已退回" | "我分管的" | "全部"): Locator {
    const nav = ["我分管的", "全部"].includes(name) ? "范围" : "审核状态";
    return this.page
      .getByRole("navigation", { name: nav, exact: true })
      .getByRole("link", { name, exact: true });
  }

  /** The entries of one task, by its title (each card links to its task). */
  itemsOf(taskTitle: string): Locator {
    return this.items.filter({
      has: this.page.getByRole("link", { name: taskTitle, exact: true }),
    });
  }

  /** How an entry is named in its controls' accessible names: "<task title> <date>". */
  static entryName(taskTitle: string, date: string) {
    return `${taskTitle} ${date}`;
  }

  approveButton(item: Locator): Locator {
    return item.getByRole("button", { name: /^通过：/ });
  }

  returnButton(item: Locator): Locator {
    return item.getByRole("button", { name: /^退回：/ });
  }

  checkbox(item: Locator): Locator {
    return item.getByRole("checkbox");
  }

  /** Opens 退回 on an entry: the form with the reason, its own submit and cancel. */
  async openReturn(item: Locator) {
    await this.returnButton(item).click();
    const form = item.getByRole("form", { name: /^退回：/ });
    await expect(form).toBeVisible();
    return {
      form,
      reason: form.getByLabel("退回原因", { exact: true }),
      submit: form.getByRole("button", { name: "确认退回", exact: true }),
      cancel: form.getByRole("button", { name: "取消", exact: true }),
      error: form.getByText("退回时请写明原因", { exact: true }),
    };
  }
}
