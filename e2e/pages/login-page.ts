import { expect, type Locator, type Page } from "@playwright/test";

/** The sign-in page (/login). */
export class LoginPage {
  readonly form: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The form's own alert (Next's route announcer also has role="alert"). */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "登录" });
    this.username = this.form.getByLabel("用户名");
    this.password = this.form.getByLabel("密码");
    this.submit = this.form.getByRole("button", { name: "登录" });
    this.error = this.form.getByRole("alert");
  }

  async goto() {
    await this.page.goto("/login");
    await expect(this.form).toBeVisible();
  }

  async signIn(username: string, password: string) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
