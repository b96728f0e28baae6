import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInByApi, test as base } from "./fixtures";
import {
  EntryFormPage,
  horizontalOverflow,
  MyTasksPage,
  readingLabel,
  TaskProgressView,
  type UploadFile,
} from "./pages/entry-pages";
import { apiAs, createTask, me } from "./support/api";

// 填报进展 in the browser. Tests run in parallel on one shared demo database: each one reports on a
// task of its own (made by the leader, owned by the cadre, archived when the test ends) and never
// touches a seeded task. Every entry is dated within the 2023 plan and before its last reported day
// (2023-11-24): the form's default date is the plan's last day, which would move the demo's as-of
// date for everyone, so the date is always filled in.
const DATE = "2023-11-20";

/** A 1 × 1 PNG that decodes (sharp makes its thumbnail). */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const PHOTO: UploadFile = { name: "现场照片.png", mimeType: "image/png", buffer: PNG };
/** A PNG's signature and header with nothing after them: a PNG by its content, but no image. */
const BROKEN_PHOTO: UploadFile = {
  name: "损坏照片.png",
  mimeType: "image/png",
  buffer: PNG.subarray(0, 40),
};

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

interface Indicator {
  id: number;
  name: string;
  unit: string;
  target: number;
}

interface CadreTask {
  id: number;
  title: string;
  /** 新增停车位 <stamp>: 0 → 200 个. */
  parking: Indicator;
}

interface ApiEntry {
  id: number;
  date: string;
  note: string;
  withdrawn: boolean;
  readings: { indicatorId: number; value: number }[];
  attachments: { id: number; hasThumbnail: boolean }[];
}

/**
 * `task`: a task made for the test by the leader, owned by the cadre and led by the cadre's unit,
 * with one indicator, 新增停车位 (0 → 200 个); the page is signed in as the cadre. The task is
 * archived when the test ends, passed or failed.
 */
const test = base.extend<{ task: CadreTask }>({
  task: async ({ page, browser }, use) => {
    await signInByApi(page.request, "cadre");
    const cadre = await me(page.request);
    const leader = await apiAs(browser, "leader");
    const id = stamp();
    const created = (await createTask(leader.request, {
      title: `E2E 停车位填报 ${id}`,
      ownerId: cadre.id,
      leadUnitId: cadre.unitId,
      indicators: [{ name: `新增停车位 ${id}`, unit: "个", target: 200 }],
    })) as unknown as { id: number; title: string; indicators: Indicator[] };
    const indicator = created.indicators[0]!;
    try {
      await use({
        id: created.id,
        title: created.title,
        parking: {
          id: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          target: indicator.target,
        },
      });
    } finally {
      const current = await (await leader.request.get(`/api/v1/tasks/${created.id}`)).json();
      const archived = await leader.request.patch(`/api/v1/tasks/${created.id}`, {
        data: { version: current.version, archived: true },
      });
      expect(archived.status()).toBe(200);
      await leader.close();
    }
  },
});

async function entriesOf(request: APIRequestContext, taskId: number) {
  const response = await request.get(`/api/v1/tasks/${taskId}/entries`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ApiEntry[] }).items;
}

/** Records each request that would save an entry on the task. */
function watchEntryPosts(page: Page, taskId: number) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes(`/api/v1/tasks/${taskId}/entries`)) {
      posts.push(request.url());
    }
  });
  return posts;
}

test("the cadre logs a parking-space reading with a photo, from my tasks to the task page", async ({
  page,
  task,
}) => {
  const view = new TaskProgressView(page);
  await view.goto(task.id);
  await expect(view.progress).toHaveAttribute("aria-valuenow", "0");
  await expect(view.indicatorCurrent(task.parking.name)).toContainText("—");
  await expect(view.chart(task.parking.name)).toHaveAttribute("data-points", "0");
  await expect(view.chartPoints(task.parking.name)).toHaveCount(0);
  await expect(view.entries).toHaveCount(0);

  const my = new MyTasksPage(page);
  await my.goto();
  await my.reportLink(task.title).click();
  await expect(page).toHaveURL(`/tasks/${task.id}/report`);
  const form = new EntryFormPage(page);
  await form.expectReady();
  await expect(page.getByText(task.title, { exact: true })).toBeVisible();
  await expect(form.readingHint(task.parking.id)).toHaveText("尚无填报 · 目标 200个");

  await form.fill({
    date: DATE,
    readings: { [readingLabel(task.parking)]: "50" },
    note: "新增停车位划线完成一批",
    problems: "部分路段需交警审批",
    nextSteps: "继续推进剩余路段",
    files: [PHOTO],
  });
  await form.submit.click();

  await expect(page).toHaveURL(`/tasks/${task.id}?saved=reported`);
  await expect(view.saved).toHaveText("进展已提交");
  await expect(view.progress).toHaveAttribute("aria-valuenow", "25");
  await expect(view.indicatorCurrent(task.parking.name)).toContainText("50");
  await expect(view.chart(task.parking.name)).toHaveAttribute("data-points", "1");
  await expect(view.chartPoints(task.parking.name)).toHaveText([`${DATE}50 个`]);

  await expect(view.entries).toHaveCount(1);
  const entry = view.entries.first();
  await expect(entry).toContainText(DATE);
  await expect(entry).toContainText("林思雨 填报");
  await expect(entry).toContainText("新增停车位划线完成一批");
  await expect(entry).toContainText("存在问题：部分路段需交警审批");
  await expect(entry).toContainText("下步计划：继续推进剩余路段");
  await expect(view.readings(entry)).toHaveText(`${task.parking.name}：50个`);
  await expect(view.reviewState(entry)).toHaveText("待审核");
  const thumbnail = view.thumbnails(entry);
  await expect(thumbnail).toHaveCount(1);
  await expect(thumbnail).toHaveAttribute("alt", PHOTO.name);
  await expect(thumbnail).toHaveAttribute("src", /^\/api\/v1\/attachments\/\d+\/thumbnail$/);
  await view.expectImageLoaded(thumbnail);

  const [saved] = await entriesOf(page.request, task.id);
  expect(saved).toMatchObject({
    date: DATE,
    note: "新增停车位划线完成一批",
    withdrawn: false,
    readings: [{ indicatorId: task.parking.id, value: 50 }],
    attachments: [{ hasThumbnail: true }],
  });

  // The next report compares with this one.
  await page.goto(`/tasks/${task.id}/report`);
  await form.expectReady();
  await form.date.fill(DATE);
  await expect(form.readingHint(task.parking.id)).toHaveText(`上次 50个（${DATE}） · 目标 200个`);
});

test("a negative reading is refused under its field, and a refusal only the server sees is shown too; nothing is saved", async ({
  page,
  task,
}) => {
  const form = new EntryFormPage(page);
  await form.goto(task.id);
  const posts = watchEntryPosts(page, task.id);

  await form.fill({
    date: DATE,
    readings: { [readingLabel(task.parking)]: "-3" },
    note: "误填了负数",
  });
  await form.submit.click();
  await expect(form.readingError(task.parking.id)).toHaveText("该指标的数值不能为负数");
  await expect(form.reading(task.parking)).toHaveAttribute("aria-invalid", "true");
  // The error, and the hint with the previous value and the target, both describe the field.
  await expect(form.reading(task.parking)).toHaveAttribute(
    "aria-describedby",
    `reading-${task.parking.id}-hint reading-${task.parking.id}-error`,
  );
  await expect(page).toHaveURL(`/tasks/${task.id}/report`);
  expect(posts).toEqual([]);

  // A note left empty is named as well.
  await form.note.fill("");
  await form.submit.click();
  await expect(form.error("entry-note")).toHaveText("此项为必填");
  expect(posts).toEqual([]);

  // The browser takes a file that says it is a PNG; the server decodes it and refuses it.
  await form.fill({
    readings: { [readingLabel(task.parking)]: "30" },
    note: "附上现场照片",
    files: [BROKEN_PHOTO],
  });
  await expect(form.readingError(task.parking.id)).toHaveCount(0);
  await form.submit.click();
  await expect(form.chosenFiles.filter({ hasText: BROKEN_PHOTO.name })).toContainText(
    "图片已损坏或无法读取",
  );
  await expect(page).toHaveURL(`/tasks/${task.id}/report`);

  // Marking the task blocked needs the reason in 存在问题: only the server says so.
  await form.chosenFiles
    .getByRole("button", { name: `移除 ${BROKEN_PHOTO.name}`, exact: true })
    .click();
  await expect(form.chosenFiles).toHaveCount(0);
  await form.fill({ status: "受阻" });
  await form.submit.click();
  await expect(form.error("entry-problems")).toHaveText("标记为受阻时请在“存在问题”中说明原因");
  await expect(page).toHaveURL(`/tasks/${task.id}/report`);
  expect(posts).toHaveLength(2);

  expect(await entriesOf(page.request, task.id)).toEqual([]);
  const view = new TaskProgressView(page);
  await view.goto(task.id);
  await expect(view.entries).toHaveCount(0);
  await expect(page.getByTestId("task-status")).toHaveText("未开始");
  await expect(view.progress).toHaveAttribute("aria-valuenow", "0");
});

test("a reading past the target is saved only after the reporter confirms it", async ({
  page,
  task,
}) => {
  const form = new EntryFormPage(page);
  await form.goto(task.id);
  const posts = watchEntryPosts(page, task.id);

  await form.fill({
    date: DATE,
    readings: { [readingLabel(task.parking)]: "250" },
    note: "超额完成停车位建设",
  });
  await form.submit.click();
  await expect(form.warnings).toBeVisible();
  await expect(form.warnings).toContainText("请确认以下数值无误");
  await expect(form.warnings).toContainText(`“${task.parking.name}”已超过目标值`);
  await expect(form.confirmSubmit).toBeVisible();
  await expect(form.submit).toHaveCount(0);
  expect(posts).toEqual([]);
  expect(await entriesOf(page.request, task.id)).toEqual([]);

  await form.confirmSubmit.click();
  await expect(page).toHaveURL(`/tasks/${task.id}?saved=reported`);
  const view = new TaskProgressView(page);
  await expect(view.saved).toHaveText("进展已提交");
  await expect(view.indicatorCurrent(task.parking.name)).toContainText("250");
  await expect(view.progress).toHaveAttribute("aria-valuenow", "100");
  expect(posts).toHaveLength(1);
  const entries = await entriesOf(page.request, task.id);
  expect(entries).toHaveLength(1);
  expect(entries[0]!.readings).toMatchObject([{ indicatorId: task.parking.id, value: 250 }]);
});

test("completing with a status change over someone else's newer change says so and saves nothing until reloaded", async ({
  page,
  task,
  browser,
}) => {
  const form = new EntryFormPage(page);
  await form.goto(task.id);
  const posts = watchEntryPosts(page, task.id);
  // A leader renames the task after the cadre opened the form.
  const leader = await apiAs(browser, "leader");
  const current = await (await leader.request.get(`/api/v1/tasks/${task.id}`)).json();
  const renamed = await leader.request.patch(`/api/v1/tasks/${task.id}`, {
    data: { version: current.version, title: `${task.title}（改）` },
  });
  expect(renamed.status()).toBe(200);
  await leader.close();

  await form.fill({
    date: DATE,
    readings: { [readingLabel(task.parking)]: "120" },
    note: "主体完工，剩余车位明年划线",
    status: "已完成",
  });
  await form.submit.click();
  // Completing while short of the target is confirmed first, and says the note explains it.
  await expect(form.warnings).toContainText(`“${task.parking.name}”尚未达到目标值`);
  await form.confirmSubmit.click();
  const conflict = form.form.getByTestId("conflict-alert");
  await expect(conflict).toContainText("陆文博");
  expect(posts).toHaveLength(1);
  expect(await entriesOf(page.request, task.id)).toEqual([]);

  // After loading the latest, what was typed is still there and the same submit saves.
  await conflict.getByRole("button", { name: "载入最新内容" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(form.note).toHaveValue("主体完工，剩余车位明年划线");
  await form.submit.click();
  await form.confirmSubmit.click();
  await expect(page).toHaveURL(`/tasks/${task.id}?saved=reported`);
  const view = new TaskProgressView(page);
  await expect(page.getByTestId("task-status")).toHaveText("已完成");
  await expect(view.entries).toHaveCount(1);
  expect(posts).toHaveLength(2);
});

test("the author edits their entry, then withdraws it, and the progress goes back", async ({
  page,
  task,
}) => {
  const form = new EntryFormPage(page);
  await form.goto(task.id);
  await form.fill({
    date: DATE,
    readings: { [readingLabel(task.parking)]: "50" },
    note: "第一批停车位完成",
  });
  await form.submit.click();
  const view = new TaskProgressView(page);
  await expect(view.saved).toHaveText("进展已提交");
  await expect(view.progress).toHaveAttribute("aria-valuenow", "25");

  const entry = view.entries.first();
  const edit = await view.edit(entry);
  await expect(page).toHaveURL(/\/tasks\/\d+\/entries\/\d+\/edit$/);
  await expect(edit.date).toHaveValue(DATE);
  await expect(edit.reading(task.parking)).toHaveValue("50");
  await expect(edit.note).toHaveValue("第一批停车位完成");
  await edit.fill({
    readings: { [readingLabel(task.parking)]: "80" },
    note: "第一批停车位完成，复核为 80 个",
  });
  await edit.submit.click();

  await expect(page).toHaveURL(`/tasks/${task.id}?saved=edited`);
  await expect(view.saved).toHaveText("填报已修改");
  await expect(view.entries).toHaveCount(1);
  await expect(view.readings(entry)).toHaveText(`${task.parking.name}：80个`);
  await expect(entry).toContainText("复核为 80 个");
  // The entry says it was edited, and when, as a date and time of the office's calendar.
  await expect(entry.getByTestId("entry-edited")).toHaveText(
    /^已于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2} 修改$/,
  );
  // Its earlier version is kept, and shown on request: the reading and the note, before → after.
  await entry.getByRole("button", { name: "修改记录" }).click();
  const history = entry.getByTestId("entry-history").getByTestId("history-item");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("修改");
  await expect(history.first()).toContainText(`${task.parking.name}：50`);
  await expect(history.first()).toContainText(`${task.parking.name}：80`);
  await expect(history.first()).toContainText("复核为 80 个");
  await expect(history.last()).toContainText("创建");
  await expect(view.progress).toHaveAttribute("aria-valuenow", "40");
  await expect(view.indicatorCurrent(task.parking.name)).toContainText("80");
  await expect(view.chartPoints(task.parking.name)).toHaveText([`${DATE}80 个`]);

  await view.withdraw(entry);
  await expect(entry).toContainText("已撤回");
  await expect(view.reviewState(entry)).toHaveCount(0);
  await expect(entry.getByRole("link", { name: "修改", exact: true })).toHaveCount(0);
  await expect(entry.getByRole("button", { name: "撤回", exact: true })).toHaveCount(0);
  await expect(view.progress).toHaveAttribute("aria-valuenow", "0");
  await expect(view.indicatorCurrent(task.parking.name)).toContainText("—");
  await expect(view.chart(task.parking.name)).toHaveAttribute("data-points", "0");

  // So it stays after a reload.
  await page.reload();
  await expect(view.entries).toHaveCount(1);
  await expect(view.entries.first()).toHaveAttribute("data-withdrawn", "true");
  await expect(view.entries.first()).toContainText("已撤回");
  await expect(view.progress).toHaveAttribute("aria-valuenow", "0");
  const [saved] = await entriesOf(page.request, task.id);
  expect(saved).toMatchObject({ withdrawn: true, readings: [{ value: 80 }] });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true });

  test("the report page and the task page fit a phone, and a report with a photo works there", async ({
    page,
    task,
  }) => {
    const form = new EntryFormPage(page);
    await form.goto(task.id);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(375);
    await expect(form.submit).toBeInViewport();

    await form.fill({
      date: DATE,
      readings: { [readingLabel(task.parking)]: "60" },
      note: "手机上填报：完成一批停车位划线",
      files: [PHOTO],
    });
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(375);
    await expect(form.submit).toBeVisible();
    await form.submit.click();

    const view = new TaskProgressView(page);
    await expect(page).toHaveURL(`/tasks/${task.id}?saved=reported`);
    await expect(view.saved).toHaveText("进展已提交");
    await expect(view.progress).toHaveAttribute("aria-valuenow", "30");
    await expect(view.chart(task.parking.name)).toHaveAttribute("data-points", "1");
    const entry = view.entries.first();
    await expect(view.readings(entry)).toHaveText(`${task.parking.name}：60个`);
    await view.expectImageLoaded(view.thumbnails(entry));
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(375);
  });
});

test("a cadre of another community gets the 403 page for the report form and no report button", async ({
  browser,
  page,
  task,
}) => {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  try {
    await signInByApi(context.request, "wenchao");
    const stranger = await context.newPage();
    const response = await stranger.goto(`/tasks/${task.id}/report`);
    expect(response?.status()).toBe(403);
    await expect(stranger.getByTestId("forbidden")).toHaveText("没有访问权限");
    await expect(new EntryFormPage(stranger).form).toHaveCount(0);

    const view = new TaskProgressView(stranger);
    await view.goto(task.id);
    await expect(stranger.getByRole("heading", { name: task.title, level: 1 })).toBeVisible();
    await expect(view.reportLink).toHaveCount(0);
    await expect(stranger.getByRole("button", { name: "填报进展" })).toHaveCount(0);
  } finally {
    await context.close();
  }

  // The owner, on the same page, does have it.
  const view = new TaskProgressView(page);
  await view.goto(task.id);
  await expect(view.reportLink).toBeVisible();
  await expect(view.reportLink).toHaveAttribute("href", `/tasks/${task.id}/report`);
});
