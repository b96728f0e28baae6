import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInByApi, test as base } from "./fixtures";
import { EntryFormPage, horizontalOverflow, TaskProgressView } from "./pages/entry-pages";
import { ReviewQueuePage } from "./pages/review-pages";
import { archiveTask, createTask, me } from "./support/api";

// 审核 in the browser: a leader approves or returns the cadre's entries from the queue (/reviews),
// and the cadre fixes and resubmits a returned one. Tests run in parallel on one shared demo
// database: each test reports on a task of its own, in the theme the `leader` account leads (so
// the queue's default view, 我分管的, lists it), owned by the cadre and archived when the test
// ends. A test looks only at its own task's entries in the queue, never at the queue's length,
// and never bulk-approves what it did not pick itself: other tests' entries wait there too.
const DATE = "2023-11-20";

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

interface ReviewTask {
  id: number;
  title: string;
  /** 新增停车位 <stamp>: 0 → 200 个. */
  parking: { id: number; name: string; unit: string };
}

interface ApiEntry {
  id: number;
  version: number;
  note: string;
  reviewStatus: "pending" | "approved" | "returned";
  reviewReason: string | null;
}

interface Leader {
  page: Page;
  request: APIRequestContext;
}

/**
 * `leader`: a browser page (and its API client) signed in as the leader, beside the test's own
 * `page`, which is the cadre's. `task`: the test's task (see above).
 */
const test = base.extend<{ leader: Leader; task: ReviewTask }>({
  leader: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      await signInByApi(context.request, "leader");
      await use({ page: await context.newPage(), request: context.request });
    } finally {
      await context.close();
    }
  },
  task: async ({ page, leader }, use) => {
    await signInByApi(page.request, "cadre");
    const cadre = await me(page.request);
    const leaderId = (await me(leader.request)).id;
    const projects = (await (await leader.request.get("/api/v1/projects")).json()) as {
      items: { id: number }[];
    };
    // The list names no lead leader; each project's own record does.
    const leads = await Promise.all(
      projects.items.map(async ({ id }) => {
        const response = await leader.request.get(`/api/v1/projects/${id}`);
        return (await response.json()) as { id: number; leadLeaderId: number | null };
      }),
    );
    const project = leads.find((p) => p.leadLeaderId === leaderId);
    expect(project, "the demo has a theme the leader leads").toBeDefined();
    const id = stamp();
    const created = (await createTask(leader.request, {
      title: `E2E 审核 ${id}`,
      projectId: project!.id,
      ownerId: cadre.id,
      leadUnitId: cadre.unitId,
      indicators: [{ name: `新增停车位 ${id}`, unit: "个", target: 200 }],
    })) as unknown as { id: number; title: string; indicators: ReviewTask["parking"][] };
    const indicator = created.indicators[0]!;
    try {
      await use({
        id: created.id,
        title: created.title,
        parking: { id: indicator.id, name: indicator.name, unit: indicator.unit },
      });
    } finally {
      await archiveTask(leader.request, created.id);
    }
  },
});

/** The cadre logs an entry on the task through the API. */
async function logEntry(
  request: APIRequestContext,
  task: ReviewTask,
  fields: { value: number; note: string; problems?: string },
) {
  const response = await request.post(`/api/v1/tasks/${task.id}/entries`, {
    data: {
      date: DATE,
      note: fields.note,
      problems: fields.problems ?? "",
      nextSteps: "继续推进",
      readings: [{ indicatorId: task.parking.id, value: fields.value }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as ApiEntry;
}

async function entryOf(request: APIRequestContext, task: ReviewTask, entryId: number) {
  const response = await request.get(`/api/v1/tasks/${task.id}/entries`);
  expect(response.status()).toBe(200);
  const entry = ((await response.json()) as { items: ApiEntry[] }).items.find(
    (e) => e.id === entryId,
  );
  expect(entry).toBeDefined();
  return entry!;
}

test("the leader returns an entry with a reason; the cadre fixes and resubmits it; the leader approves it", async ({
  page,
  leader,
  task,
}) => {
  const note = `停车位划线完成一批 ${stamp()}`;
  const entry = await logEntry(page.request, task, {
    value: 50,
    note,
    problems: "部分路段需交警审批",
  });
  const reason = "现场照片显示只划了 30 个车位，请核实数量后重新填报";

  // The leader's queue, by default the themes they lead: the entry with its reading and problems.
  const queue = new ReviewQueuePage(leader.page);
  await queue.goto();
  await expect(queue.filter("我分管的")).toHaveAttribute("aria-current", "page");
  const item = queue.itemsOf(task.title);
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId("review-reading")).toHaveText(`${task.parking.name}：50个`);
  await expect(item).toContainText(note);
  await expect(item).toContainText("存在问题：部分路段需交警审批");
  await expect(item).toContainText(`${DATE}`);

  const returning = await queue.openReturn(item);
  await returning.reason.fill(reason);
  await returning.submit.click();
  await expect(queue.notice).toHaveText(`已退回：${ReviewQueuePage.entryName(task.title, DATE)}`);
  await expect(queue.itemsOf(task.title)).toHaveCount(0);
  expect((await entryOf(leader.request, task, entry.id)).reviewStatus).toBe("returned");

  await queue.filter("已退回").click();
  await expect(leader.page).toHaveURL(/status=returned/);
  await expect(queue.itemsOf(task.title)).toContainText(`退回原因：${reason}`);

  // The cadre sees why on the task page and fixes the entry.
  const view = new TaskProgressView(page);
  await view.goto(task.id);
  const timelineEntry = view.entries.first();
  await expect(view.reviewState(timelineEntry)).toHaveText("已退回");
  await expect(timelineEntry.getByTestId("return-reason")).toContainText(reason);
  await timelineEntry.getByRole("link", { name: "修改并重新提交", exact: true }).click();
  await expect(page).toHaveURL(`/tasks/${task.id}/entries/${entry.id}/edit`);
  const form = new EntryFormPage(page, "修改填报");
  await expect(page.getByTestId("returned-reason")).toContainText(reason);
  const resubmit = form.form.getByRole("button", { name: "重新提交", exact: true });
  await expect(resubmit).toBeEnabled();
  await form.fill({
    readings: { [`${task.parking.name}（个）`]: "30" },
    note: `${note}（已核实为 30 个）`,
  });
  // The entry is the task's only one: a lower reading goes back from nothing, so no question.
  await resubmit.click();
  await expect(page).toHaveURL(`/tasks/${task.id}?saved=resubmitted`);
  await expect(view.saved).toHaveText("已重新提交，等待审核");
  await expect(view.reviewState(view.entries.first())).toHaveText("待审核");
  await expect(view.entries.first().getByTestId("return-reason")).toHaveCount(0);

  // Pending again in the leader's queue, as fixed; approved there.
  await queue.goto();
  const again = queue.itemsOf(task.title);
  await expect(again).toHaveCount(1);
  await expect(again.getByTestId("review-reading")).toHaveText(`${task.parking.name}：30个`);
  await queue.approveButton(again).click();
  await expect(queue.notice).toHaveText(`已通过：${ReviewQueuePage.entryName(task.title, DATE)}`);
  await expect(queue.itemsOf(task.title)).toHaveCount(0);
  expect((await entryOf(leader.request, task, entry.id)).reviewStatus).toBe("approved");

  await view.goto(task.id);
  await expect(view.reviewState(view.entries.first())).toHaveText("已审核");
  await expect(view.entries.first().getByRole("link", { name: /修改/ })).toHaveCount(0);
});

test("the leader bulk-approves two routine entries; a bulk approval that meets a reviewed entry approves none", async ({
  page,
  leader,
  task,
}) => {
  const first = await logEntry(page.request, task, { value: 10, note: "常规填报一" });
  const second = await logEntry(page.request, task, { value: 20, note: "常规填报二" });
  const troubled = await logEntry(page.request, task, {
    value: 30,
    note: "有问题的填报",
    problems: "资金未到位",
  });
  const third = await logEntry(page.request, task, { value: 40, note: "常规填报三" });

  const queue = new ReviewQueuePage(leader.page);
  await queue.goto();
  const mine = queue.itemsOf(task.title);
  await expect(mine).toHaveCount(4);
  const card = (text: string) => mine.filter({ hasText: text });

  // 选择全部常规填报 picks those that report no problem; then pick just two by hand.
  await queue.selectRoutine.click();
  await expect(queue.checkbox(card("常规填报一"))).toBeChecked();
  await expect(queue.checkbox(card("常规填报二"))).toBeChecked();
  await expect(queue.checkbox(card("常规填报三"))).toBeChecked();
  await expect(queue.checkbox(card("有问题的填报"))).not.toBeChecked();
  await queue.clearSelection.click();
  await expect(queue.bulkApprove).toHaveText("批量通过 (0)");
  await expect(queue.bulkApprove).toBeDisabled();
  await queue.checkbox(card("常规填报一")).check();
  await queue.checkbox(card("常规填报二")).check();
  await expect(queue.bulkApprove).toHaveText("批量通过 (2)");
  await queue.bulkApprove.click();
  await expect(queue.notice).toHaveText("已通过 2 条填报");
  await expect(mine).toHaveCount(2);
  for (const id of [first.id, second.id]) {
    expect((await entryOf(leader.request, task, id)).reviewStatus).toBe("approved");
  }

  // All or none: the third is approved elsewhere after it was picked here.
  await queue.checkbox(card("常规填报三")).check();
  await queue.checkbox(card("有问题的填报")).check();
  await expect(queue.bulkApprove).toHaveText("批量通过 (2)");
  const elsewhere = await leader.request.post(`/api/v1/entries/${third.id}/review`, {
    data: { decision: "approve" },
  });
  expect(elsewhere.status()).toBe(200);
  await queue.bulkApprove.click();
  await expect(queue.error).toContainText("其中 1 条已不在待审核状态");
  await expect(queue.error).toContainText("本次一条也没有通过");
  // The list is refreshed: the closed entry has left it, the other stays picked and pending.
  await expect(mine).toHaveCount(1);
  await expect(queue.checkbox(card("有问题的填报"))).toBeChecked();
  await expect(queue.bulkApprove).toHaveText("批量通过 (1)");
  expect((await entryOf(leader.request, task, troubled.id)).reviewStatus).toBe("pending");
});

test("an entry its author changes after the queue loaded is not bulk-approved unseen", async ({
  page,
  leader,
  task,
}) => {
  const changed = await logEntry(page.request, task, { value: 10, note: "填报甲：原稿" });
  const other = await logEntry(page.request, task, { value: 20, note: "填报乙" });

  const queue = new ReviewQueuePage(leader.page);
  await queue.goto();
  const mine = queue.itemsOf(task.title);
  await expect(mine).toHaveCount(2);
  const card = (text: string) => mine.filter({ hasText: text });
  await queue.checkbox(card("填报甲")).check();
  await queue.checkbox(card("填报乙")).check();
  await expect(queue.bulkApprove).toHaveText("批量通过 (2)");

  // The cadre corrects one while the leader's page still shows the first draft.
  const patched = await page.request.patch(`/api/v1/entries/${changed.id}`, {
    data: {
      version: changed.version,
      note: "填报甲：更正后",
      readings: [{ indicatorId: task.parking.id, value: 90 }],
    },
  });
  expect(patched.status()).toBe(200);

  await queue.bulkApprove.click();
  await expect(queue.error).toContainText("其中 1 条在您打开列表后已被填报人修改");
  await expect(queue.error).toContainText("本次一条也没有通过");
  // Refreshed: the changed entry shows what it now says and is no longer picked; the other is.
  await expect(card("填报甲：更正后")).toHaveCount(1);
  await expect(queue.checkbox(card("填报甲"))).not.toBeChecked();
  await expect(queue.checkbox(card("填报乙"))).toBeChecked();
  await expect(queue.bulkApprove).toHaveText("批量通过 (1)");
  for (const id of [changed.id, other.id]) {
    expect((await entryOf(leader.request, task, id)).reviewStatus).toBe("pending");
  }

  // Seen now: picked again, both are approved.
  await queue.checkbox(card("填报甲")).check();
  await queue.bulkApprove.click();
  await expect(queue.notice).toHaveText("已通过 2 条填报");
  await expect(mine).toHaveCount(0);
});

test("returning without a reason says so in Chinese beside the field and changes nothing", async ({
  page,
  leader,
  task,
}) => {
  const entry = await logEntry(page.request, task, { value: 15, note: "未写原因的退回" });
  const reviews: string[] = [];
  leader.page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/review"))
      reviews.push(request.url());
  });

  const queue = new ReviewQueuePage(leader.page);
  await queue.goto();
  const item = queue.itemsOf(task.title);
  const returning = await queue.openReturn(item);
  await returning.submit.click();
  await expect(returning.error).toBeVisible();
  await expect(returning.reason).toHaveAttribute("aria-invalid", "true");
  // Spaces are no reason either.
  await returning.reason.fill("   ");
  await returning.submit.click();
  await expect(returning.error).toBeVisible();
  expect(reviews).toEqual([]);

  await returning.cancel.click();
  await expect(returning.form).toHaveCount(0);
  await expect(queue.approveButton(item)).toBeEnabled();
  const after = await entryOf(leader.request, task, entry.id);
  expect(after.reviewStatus).toBe("pending");
  expect(after.version).toBe(entry.version);

  // The API says the same to anyone who skips the form.
  const refused = await leader.request.post(`/api/v1/entries/${entry.id}/review`, {
    data: { decision: "return" },
  });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { error: { fields: Record<string, string> } };
  expect(body.error.fields.reason).toBe("退回时请写明原因");
});

test("the leader approves and returns on the task page itself", async ({ page, leader, task }) => {
  await logEntry(page.request, task, { value: 5, note: "第一批" });
  await logEntry(page.request, task, { value: 8, note: "第二批" });

  const view = new TaskProgressView(leader.page);
  await view.goto(task.id);
  const firstBatch = view.entries.filter({ hasText: "第一批" });
  const secondBatch = view.entries.filter({ hasText: "第二批" });
  await firstBatch.getByRole("button", { name: /^通过：/ }).click();
  await expect(leader.page.getByTestId("review-notice")).toContainText("已通过");
  await expect(view.reviewState(firstBatch)).toHaveText("已审核");
  await expect(firstBatch.getByRole("button", { name: /^通过：/ })).toHaveCount(0);

  await secondBatch.getByRole("button", { name: /^退回：/ }).click();
  await secondBatch.getByLabel("退回原因", { exact: true }).fill("请补充现场照片");
  await secondBatch.getByRole("button", { name: "确认退回", exact: true }).click();
  await expect(leader.page.getByTestId("review-notice")).toContainText("已退回");
  await expect(view.reviewState(secondBatch)).toHaveText("已退回");
  await expect(secondBatch.getByTestId("return-reason")).toContainText("请补充现场照片");
});

test("a cadre opening the review queue gets the 403 page", async ({ page, signInAs }) => {
  await signInAs("cadre");
  const response = await page.goto("/reviews");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toHaveText("没有访问权限");
  await expect(page.getByTestId("review-item")).toHaveCount(0);
});

test("the queue fits a 375 px phone and its views are links in the URL", async ({
  page,
  leader,
  task,
}) => {
  await logEntry(page.request, task, {
    value: 12,
    note: "手机上查看的一条较长的进展说明，".repeat(6),
    problems: "问题说明".repeat(20),
  });
  await leader.page.setViewportSize({ width: 375, height: 800 });
  const queue = new ReviewQueuePage(leader.page);
  await queue.goto({ scope: "all" });
  await expect(queue.filter("全部")).toHaveAttribute("aria-current", "page");
  await expect(queue.filter("待审核")).toHaveAttribute("aria-current", "page");
  const item = queue.itemsOf(task.title);
  await expect(item).toHaveCount(1);
  await item.scrollIntoViewIfNeeded();
  const { scrollWidth, clientWidth } = await horizontalOverflow(leader.page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

  await queue.filter("已通过").click();
  await expect(leader.page).toHaveURL(/status=approved/);
  await expect(queue.filter("已通过")).toHaveAttribute("aria-current", "page");
  await expect(queue.filter("全部")).toHaveAttribute("aria-current", "page");
  await expect(queue.itemsOf(task.title)).toHaveCount(0);
});

test("an empty view says so plainly", async ({ browser }) => {
  // 邵雅琴 leads a theme no test works in, and the demo returns no entry: her 已退回 is empty.
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  try {
    await signInByApi(context.request, "shaoyaqin");
    const queue = new ReviewQueuePage(await context.newPage());
    await queue.goto({ status: "returned", scope: "mine" });
    await expect(queue.page.getByTestId("review-empty")).toContainText("没有被退回的填报。");
    await expect(queue.page.getByTestId("review-empty")).toContainText("切换到“全部”");
    await expect(queue.items).toHaveCount(0);
    await expect(queue.bulkApprove).toHaveCount(0);
  } finally {
    await context.close();
  }
});
