import { expect, type Locator, type Page } from "@playwright/test";

/** The header's 通知 bell and its popover. */
export class NotificationBell {
  readonly button: Locator;
  readonly popover: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId("notification-bell");
    this.popover = page.getByTestId("notification-popover");
    this.items = this.popover.getByTestId("notification");
  }

  /** The unread count, once the bell has loaded (it is fetched after the page renders). */
  async unread(): Promise<number> {
    await expect(this.button).toHaveAccessibleName(/^通知，\d+ 条未读$/);
    // One read of the name: the count may change between two reads (the bell refetches).
    const name = await this.button.getAttribute("aria-label");
    return Number(/\d+/.exec(name ?? "")![0]);
  }

  async open() {
    await this.button.click();
    await expect(this.popover).toBeVisible();
  }

  item(text: string): Locator {
    return this.items.filter({ hasText: text });
  }
}

/** A task page's 领导批示 and 催办记录 sections. */
export class TaskOversightView {
  readonly instructions: Locator;
  readonly instructionForm: Locator;
  readonly instructionText: Locator;
  readonly sendInstruction: Locator;
  readonly urges: Locator;
  readonly urgeTotal: Locator;

  constructor(readonly page: Page) {
    this.instructions = page.getByTestId("instructions");
    this.instructionForm = page.getByTestId("instruction-form");
    this.instructionText = this.instructionForm.getByLabel("批示内容");
    this.sendInstruction = this.instructionForm.getByRole("button", { name: "发送批示" });
    this.urges = page.getByTestId("urges");
    this.urgeTotal = page.getByTestId("urge-total");
  }

  async goto(taskId: number) {
    await this.page.goto(`/tasks/${taskId}`);
    await expect(this.page.getByTestId("task-detail")).toBeVisible();
  }

  instruction(text: string): Locator {
    return this.instructions.getByTestId("instruction").filter({ hasText: text });
  }

  /** The one-click 催办 (exact: 附言催办 beside it has this name in its own). */
  urgeButton(taskTitle: string): Locator {
    return this.urges.getByRole("button", { name: `催办：${taskTitle}`, exact: true });
  }

  urge(message: string): Locator {
    return this.urges.getByTestId("urge").filter({ hasText: message });
  }
}

/**
 * An UrgeButton (task page or dashboard row), with a message: 附言催办, write it, send. `beforeSend`
 * runs just before the click, e.g. to read the owner's unread count as close to the urge as possible.
 */
export async function urgeWith(
  scope: Locator,
  taskTitle: string,
  message: string,
  beforeSend?: () => Promise<unknown>,
) {
  await scope.getByRole("button", { name: `附言催办：${taskTitle}`, exact: true }).click();
  const form = scope.getByRole("form", { name: `附言催办“${taskTitle}”` });
  await form.getByLabel("催办留言（可不填）").fill(message);
  await beforeSend?.();
  await form.getByRole("button", { name: "发送", exact: true }).click();
  await expect(form).toHaveCount(0);
  await expect(scope.getByRole("status").filter({ hasText: "已催办" })).toBeVisible();
}

/** An UrgeButton's one click: the urge goes at once, without a message. */
export async function urgeNow(
  scope: Locator,
  taskTitle: string,
  beforeSend?: () => Promise<unknown>,
) {
  await beforeSend?.();
  await scope.getByRole("button", { name: `催办：${taskTitle}`, exact: true }).click();
  await expect(scope.getByRole("status").filter({ hasText: "已催办" })).toBeVisible();
}

/** 我的任务's 批示与退回 card. */
export class InboxCard {
  readonly card: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId("my-inbox");
    this.status = this.card.getByRole("status");
  }

  async goto() {
    await this.page.goto("/my");
    await expect(this.card).toBeVisible();
  }

  instruction(text: string): Locator {
    return this.card.getByTestId("instruction").filter({ hasText: text });
  }

  returnedEntry(taskTitle: string): Locator {
    return this.card
      .getByTestId("returned-entry")
      .filter({ has: this.page.getByRole("link", { name: taskTitle, exact: true }) });
  }
}

/** 通知: the full list. */
export class NotificationsPage {
  readonly items: Locator;
  readonly unread: Locator;

  constructor(readonly page: Page) {
    this.items = page.getByTestId("notification");
    this.unread = page.getByTestId("unread");
  }

  async goto() {
    await this.page.goto("/notifications");
    await expect(this.page.getByRole("heading", { name: "通知", level: 1 })).toBeVisible();
  }

  item(text: string): Locator {
    return this.items.filter({ hasText: text });
  }
}

/** 领导驾驶舱's 未按期填报 list. */
export class DashboardNotReported {
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId("list-notReported");
  }

  async goto() {
    await this.page.goto("/dashboard");
    await expect(this.list).toBeVisible();
  }

  row(taskTitle: string): Locator {
    return this.list
      .getByTestId("list-row")
      .filter({ has: this.page.getByRole("link", { name: taskTitle, exact: true }) });
  }
}
