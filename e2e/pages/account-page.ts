import { expect, type Locator, type Page } from "@playwright/test";

/** 修改密码 (/account/password): the one page open to a user holding a one-time password. */
export class AccountPasswordPage {
  readonly form: Locator;
  readonly current: Locator;
  readonly next: Locator;
  readonly repeat: Locator;
  readonly submit: Locator;
  /** "首次登录或密码已重置，请先设置新密码", shown while the change is forced. */
  readonly forcedNotice: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "修改密码" });
    this.current = this.form.getByLabel(/^当前密码/);
    this.next = this.form.getByLabel("新密码", { exact: true });
    this.repeat = this.form.getByLabel("再次输入新密码", { exact: true });
    this.submit = this.form.getByRole("button", { name: "保存新密码" });
    this.forcedNotice = page.getByTestId("password-change-required");
  }

  async goto() {
    await this.page.goto("/account/password");
    await expect(this.form).toBeVisible();
  }

  /** The message beside a field (FormField's `<id>-error`). */
  error(field: "currentPassword" | "newPassword" | "repeatPassword"): Locator {
    return this.form.getByTestId(`${field}-error`);
  }

  async change(current: string, next: string, repeat = next) {
    await this.current.fill(current);
    await this.next.fill(next);
    await this.repeat.fill(repeat);
    await this.submit.click();
  }
}
