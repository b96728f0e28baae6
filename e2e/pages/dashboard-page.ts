import { expect, type Locator, type Page } from "@playwright/test";

export const LIGHT_NAMES = ["green", "yellow", "red", "blue"] as const;
export type LightName = (typeof LIGHT_NAMES)[number];
export type ListName = "red" | "overdue" | "dueSoon" | "notReported";

/** 领导驾驶舱: the plan's lights, a card per theme, the four lists, charts and the unit ranking. */
export class DashboardPage {
  readonly heading: Locator;
  readonly projects: Locator;
  readonly ranking: Locator;
  readonly sentInstructions: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "领导驾驶舱", level: 1 });
    this.projects = page.getByTestId("dashboard-project");
    this.ranking = page.getByTestId("unit-ranking");
    this.sentInstructions = page.getByTestId("sent-instructions");
  }

  async goto(query = "") {
    await this.page.goto(`/dashboard${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** The plan's count of a light (the number in its tile). */
  lightCount(light: LightName): Locator {
    return this.page.getByTestId(`light-count-${light}`);
  }

  /** A list's card and its count (a link to the task list filtered the same way). */
  list(name: ListName): Locator {
    return this.page.getByTestId(`list-${name}`);
  }

  listCount(name: ListName): Locator {
    return this.page.getByTestId(`list-count-${name}`);
  }

  project(id: number): Locator {
    return this.page.locator(`[data-testid="dashboard-project"][data-project-id="${id}"]`);
  }

  /** A theme card's link for one light (its text is the count). */
  projectLight(id: number, light: LightName): Locator {
    return this.project(id).getByTestId(`project-light-${light}`);
  }

  async number(locator: Locator): Promise<number> {
    return Number((await locator.textContent())?.trim());
  }
}
