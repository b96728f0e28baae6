import type { Browser, Page } from "@playwright/test";
import { expect, signInByApi, test as base } from "./fixtures";
import {
  DashboardNotReported,
  InboxCard,
  NotificationBell,
  NotificationsPage,
  TaskOversightView,
  urgeNow,
  urgeWith,
} from "./pages/oversight-pages";
import { createTask, me } from "./support/api";

// 领导批示 and 催办 in the browser, from the leader's word to the cadre's bell and back. Tests run
// in parallel with other files on one shared demo database: each test works on a task of its own
// (made by the leader, owned by the cadre, archived when the test ends), looks for its own
// notifications by their text, and compares the cadre's unread count only around its own action.

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** A second browser signed in as someone else, e.g. the leader beside the cadre. */
async function pageAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await signInByApi(context.request, username);
  return context.newPage();
}

interface OversightTask {
  id: number;
  title: string;
  /** The leader's page, beside `page` (the cadre's). */
  leader: Page;
}

/**
 * `task`: a task made for the test by the leader, owned by the cadre (`page` is signed in as the
 * cadre); `task.leader` is a page signed in as the leader. Archived when the test ends.
 */
const test = base.extend<{ task: OversightTask }>({
  task: async ({ page, browser }, use) => {
    await signInByApi(page.request, "cadre");
    const cadre = await me(page.request);
    const leader = await pageAs(browser, "leader");
    const created = await createTask(leader.request, {
      title: `E2E 批示催办 ${stamp()}`,
      ownerId: cadre.id,
      leadUnitId: cadre.unitId,
    });
    try {
      await use({ id: created.id, title: created.title, leader });
    } finally {
      const current = await (await leader.request.get(`/api/v1/tasks/${created.id}`)).json();
      const archived = await leader.request.patch(`/api/v1/tasks/${created.id}`, {
        data: { version: current.version, archived: true },
      });
      expect(archived.status()).toBe(200);
      await leader.context().close();
    }
  },
});

// The tests of this file run one after another, so none of them marks read what another counts.
test.describe.configure({ mode: "default" });

/** The cadre's unread count, read again after reloading until it is more than `before`. */
async function expectUnreadAbove(page: Page, before: number) {
  const bell = new NotificationBell(page);
  await expect
    .poll(
      async () => {
        await page.reload();
        return bell.unread();
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(before);
}

test("the leader writes an instruction; the cadre acknowledges and answers it from my tasks", async ({
  page,
  task,
}) => {
  const text = `请于月底前完成居民意见征询并报送进度 ${stamp()}`;
  const reply = `已召开两场居民议事会，征询意见 86 份，月底前报送 ${stamp()}`;
  const inbox = new InboxCard(page);
  const bell = new NotificationBell(page);
  await inbox.goto();
  await expect(inbox.instruction(text)).toHaveCount(0);

  // The leader writes it on the task page; an empty instruction is refused in Chinese first.
  const leaderView = new TaskOversightView(task.leader);
  await leaderView.goto(task.id);
  await expect(leaderView.instructions).toContainText("暂无领导批示");
  await leaderView.sendInstruction.click();
  await expect(leaderView.instructionForm).toContainText("请填写批示内容");
  await expect(leaderView.instructionText).toHaveAttribute("aria-invalid", "true");
  await leaderView.instructionText.fill(text);
  // The cadre's count right before the send: other tests change it too, but rarely within seconds.
  await page.reload();
  const before = await bell.unread();
  await leaderView.sendInstruction.click();
  await expect(leaderView.instructionForm.getByRole("status")).toHaveText(
    "批示已发送，责任人会收到提醒",
  );
  await expect(leaderView.instructionText).toHaveValue("");
  const written = leaderView.instruction(text);
  await expect(written.getByTestId("instruction-state")).toHaveText("未签收");
  await expect(written).toContainText("陆文博 批示");

  // The cadre's bell counts it and names it.
  await expectUnreadAbove(page, before);
  await bell.open();
  await expect(bell.item(text)).toContainText("领导批示");
  await expect(bell.item(text)).toContainText(task.title);
  await page.keyboard.press("Escape");

  // 签收 in the inbox, then 答复 (an empty answer is refused first).
  const card = inbox.instruction(text);
  await expect(card).toContainText(`任务：${task.title}`);
  await expect(card.getByTestId("instruction-state")).toHaveText("未签收");
  await card.getByRole("button", { name: /^签收陆文博 .+ 的批示$/ }).click();
  await expect(card.getByTestId("instruction-state")).toHaveText("已签收");
  await expect(card.getByRole("button", { name: /^签收/ })).toHaveCount(0);
  await card.getByRole("button", { name: /^答复陆文博 .+ 的批示$/ }).click();
  const answer = card.getByRole("form", { name: /^答复陆文博/ });
  await answer.getByRole("button", { name: "提交答复" }).click();
  await expect(answer).toContainText("请填写办理情况");
  await answer.getByLabel("办理情况").fill(reply);
  await answer.getByRole("button", { name: "提交答复" }).click();
  await expect(inbox.status).toHaveText(`已答复批示：${task.title}`);
  await expect(card).toHaveCount(0);

  // An answer is given once.
  const instructionId = (
    (await (await page.request.get(`/api/v1/tasks/${task.id}/instructions`)).json()) as {
      items: { id: number; text: string }[];
    }
  ).items.find((item) => item.text === text)!.id;
  const again = await page.request.post(`/api/v1/instructions/${instructionId}/ack`, {
    data: { reply: "再次答复" },
  });
  expect(again.status()).toBe(409);

  // The leader sees it answered, with the answer.
  await leaderView.goto(task.id);
  await expect(written.getByTestId("instruction-state")).toHaveText("已答复");
  await expect(written.getByTestId("instruction-reply")).toContainText(reply);
  await expect(written.getByTestId("instruction-reply")).toContainText("林思雨 于");

  // The bell's item leads to the task's instructions and is read once opened.
  await page.goto("/my");
  await bell.open();
  await bell.item(text).getByRole("link").click();
  await expect(page).toHaveURL(`/tasks/${task.id}#instructions`);
  await expect(new TaskOversightView(page).instruction(text)).toContainText("已答复");
  const notifications = new NotificationsPage(page);
  await notifications.goto();
  await expect(notifications.item(text)).toHaveAttribute("data-read", "true");
});

test("the leader urges from the task page and the dashboard; the cadre is told each time", async ({
  page,
  task,
}) => {
  const first = `请抓紧填报本月进展 ${stamp()}`;
  const bell = new NotificationBell(page);
  await page.goto("/my");
  let before = 0;
  const readBefore = async () => {
    await page.reload();
    before = await bell.unread();
  };

  // From the task page, with a message (附言催办).
  const leaderView = new TaskOversightView(task.leader);
  await leaderView.goto(task.id);
  await expect(leaderView.urgeTotal).toHaveText("尚未催办");
  await urgeWith(leaderView.urges, task.title, first, readBefore);
  await expect(leaderView.urge(first)).toContainText("陆文博 催办");
  await expect(leaderView.urgeTotal).toHaveText("共催办 1 次");
  await expect(leaderView.urgeButton(task.title)).toContainText("（1次）");

  await expectUnreadAbove(page, before);
  const notifications = new NotificationsPage(page);
  await notifications.goto();
  await expect(notifications.item(first)).toContainText("催办");
  await expect(notifications.item(first)).toContainText(task.title);
  await expect(notifications.item(first)).toHaveAttribute("data-read", "false");

  // From the dashboard's 未按期填报 list: the task has had no entry since before the last deadline.
  const dashboard = new DashboardNotReported(task.leader);
  await dashboard.goto();
  const row = dashboard.row(task.title);
  await expect(row).toBeVisible();
  // In one click, without a message.
  await urgeNow(row, task.title, readBefore);
  await expect(row.getByRole("button", { name: `催办：${task.title}`, exact: true })).toContainText(
    "（2次）",
  );

  await expectUnreadAbove(page, before);
  await notifications.goto();
  // The task is this test's own (reminders about it may be listed too): its urge without a
  // message is the urge that is not `first`.
  const second = notifications
    .item(task.title)
    .filter({ has: page.getByText("催办", { exact: true }) })
    .filter({ hasNotText: first });
  await expect(second).toHaveCount(1);

  // Marked read one by one: only that one changes.
  await second.getByRole("button", { name: new RegExp(`^标为已读：催办 ${task.title}`) }).click();
  await expect(second).toHaveAttribute("data-read", "true");
  await expect(notifications.item(first)).toHaveAttribute("data-read", "false");

  // The owner sees both urges counted on the task.
  const view = new TaskOversightView(page);
  await view.goto(task.id);
  await expect(view.urgeTotal).toHaveText("共催办 2 次");
  await expect(view.urge(first)).toBeVisible();
  await expect(view.urge("（无留言）")).toBeVisible();
});

test("a returned entry waits in my tasks with its reason and a way to fix it", async ({
  page,
  task,
}) => {
  const reason = `请补充现场照片 ${stamp()}`;
  // Dated before the demo's last reported day (2023-11-24), so the demo's as-of date stays put.
  const created = await page.request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: { date: "2023-11-20", note: "完成入户走访", percent: 30 },
  });
  expect(created.status()).toBe(201);
  const entry = (await created.json()) as { id: number };
  const returned = await task.leader.request.post(`/api/v1/entries/${entry.id}/review`, {
    data: { decision: "return", reason },
  });
  expect(returned.status()).toBe(200);

  const inbox = new InboxCard(page);
  await inbox.goto();
  const row = inbox.returnedEntry(task.title);
  await expect(row.getByTestId("returned-reason")).toHaveText(`退回原因：${reason}`);
  await expect(row).toContainText("2023-11-20 的填报");
  await expect(row).toContainText("陆文博 于");

  const bell = new NotificationBell(page);
  await bell.open();
  await expect(bell.item(reason)).toContainText("填报被退回");
  // The bell leads straight to the entry's edit page, to fix and resubmit it.
  await expect(bell.item(reason).getByRole("link")).toHaveAttribute(
    "href",
    `/tasks/${task.id}/entries/${entry.id}/edit`,
  );
  await page.keyboard.press("Escape");

  await row.getByRole("link", { name: `修改并重新提交：${task.title} 2023-11-20 的填报` }).click();
  await expect(page).toHaveURL(`/tasks/${task.id}/entries/${entry.id}/edit`);
});

test("a cadre neither writes instructions nor urges: no form, no button, and 403 from the API", async ({
  page,
  task,
}) => {
  const view = new TaskOversightView(page);
  await view.goto(task.id);
  await expect(view.instructions).toBeVisible();
  await expect(view.instructionForm).toHaveCount(0);
  await expect(view.urges).toBeVisible();
  await expect(view.urgeButton(task.title)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "主导航" })).not.toContainText("驾驶舱");
  await expect(page.getByRole("navigation", { name: "主导航" })).not.toContainText("审核");

  const instruct = await page.request.post(`/api/v1/tasks/${task.id}/instructions`, {
    data: { text: "干部不能批示" },
  });
  expect(instruct.status()).toBe(403);
  const urge = await page.request.post(`/api/v1/tasks/${task.id}/urges`, { data: {} });
  expect(urge.status()).toBe(403);

  // The leader's header has both.
  const nav = task.leader.getByRole("navigation", { name: "主导航" });
  await task.leader.goto("/my");
  await expect(nav.getByRole("link", { name: "驾驶舱" })).toHaveAttribute("href", "/dashboard");
  await expect(nav.getByRole("link", { name: "审核" })).toHaveAttribute("href", "/reviews");
});

test("on a phone the header with the bell fits the screen", async ({ page, task }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const who of [page, task.leader]) {
    await who.setViewportSize({ width: 375, height: 800 });
    await who.goto(`/tasks/${task.id}`);
    const bell = new NotificationBell(who);
    await bell.unread();
    const { scrollWidth, clientWidth } = await who.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await bell.open();
    const box = await bell.popover.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await who.keyboard.press("Escape");
  }
});
