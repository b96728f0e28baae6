import { expect, type Locator, type Page } from "@playwright/test";

/** The signed-in start page: the plan's themes (工作板块) with their tasks. */
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
    await this.page.goto("/");
  }

  project(keyword: string): Locator {
    return this.projects.filter({ has: this.page.getByRole("heading", { name: keyword }) });
  }

  async expectFiveThemes() {
    await expect(this.projects).toHaveCount(5);
    for (const keyword of THEME_KEYWORDS) {
      const project = this.project(keyword);
      await expect(project).toHaveCount(1);
      await expect(project.getByTestId("task-row").first()).toBeVisible();
    }
  }
}

export const THEME_KEYWORDS = ["讲政治", "抓经济", "惠民生", "守平安", "壮队伍"] as const;
