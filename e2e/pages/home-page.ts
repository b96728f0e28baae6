import { expect, type Locator, type Page } from "@playwright/test";

/** The themes page (工作板块): the plan's themes with their tasks. */
export class HomePage {
  readonly projects: Locator;
  readonly currentUser: Locator;
  readonly currentRole: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.projects = page.getByTestId("project");
    this.currentUser = page.getByTestId("current-user");
    this.currentRole = page.getByTestId("current-role");
    this.signOut = page.getByRole("button", { name: "退出登录" });
  }

  async goto() {
    await this.page.goto("/projects");
  }

  project(keyword: string): Locator {
    return this.projects.filter({ has: this.page.getByRole("heading", { name: keyword }) });
  }

  /** The five themes come first, in order (other tests may add projects after them). */
  async expectFiveThemes() {
    for (const [index, keyword] of THEME_KEYWORDS.entries()) {
      const project = this.projects.nth(index);
      await expect(project.getByRole("heading")).toContainText(keyword);
      await expect(project.getByTestId("task-row").first()).toBeVisible();
    }
  }
}

export const THEME_KEYWORDS = ["讲政治", "抓经济", "惠民生", "守平安", "壮队伍"] as const;
