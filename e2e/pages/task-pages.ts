import { expect, type Locator, type Page } from "@playwright/test";

/** 全部任务: the filterable task table. */
export class TaskListPage {
  readonly filters: Locator;
  readonly rows: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole("search", { name: "筛选任务" });
    this.rows = page.getByTestId("task-list-row");
    this.total = page.getByTestId("task-total");
  }

  async goto(query = "") {
    await this.page.goto(`/tasks${query}`);
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }
}

/** A task's page: facts, status buttons, plan-editing controls, indicators, history. */
export class TaskDetailPage {
  readonly status: Locator;
  readonly statusControl: Locator;
  readonly editControls: Locator;
  readonly indicators: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId("task-status");
    this.statusControl = page.getByTestId("status-control");
    this.editControls = page.getByTestId("plan-edit-controls");
    this.indicators = page.getByTestId("indicators");
  }

  async goto(id: number) {
    await this.page.goto(`/tasks/${id}`);
    await expect(this.page.getByTestId("task-detail")).toBeVisible();
  }

  statusButton(name: string): Locator {
    return this.statusControl.getByRole("button", { name });
  }
}

/** The task form, for creating or editing. */
export class TaskFormPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("task-form");
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  error(id: string): Locator {
    return this.form.getByTestId(`${id}-error`);
  }

  async save() {
    await this.form.getByRole("button", { name: "保存" }).click();
  }
}
