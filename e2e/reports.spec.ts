import { readFile } from "node:fs/promises";
import type { Browser, Download } from "@playwright/test";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { expect, signInByApi, test } from "./fixtures";
import { EntryFormPage, readingLabel } from "./pages/entry-pages";
import { ReportPage } from "./pages/report-page";
import {
  apiAs,
  archiveTask,
  createTask,
  me,
  monthlyReport,
  reopenMonthIfPublished,
  taskEntries,
} from "./support/api";
import { failure, json } from "./support/responses";

// 月报: a leader reads and exports November, publishes (定稿) October, a cadre can then no longer
// report on October, and an admin reopens it. Publishing a month of the demo plan freezes every
// entry dated up to its end for everyone, so this file runs in the last Playwright project
// ("whole-plan", playwright.config.ts) after all other specs, its tests one after another, and
// leaves October open again (in the UI, and by the API in afterAll should a test fail first).
test.describe.configure({ mode: "serial" });

const REPORT_MONTH = "2023-11";
const PUBLISH_MONTH = "2023-10";
const FROZEN_DATE = "2023-10-15";
const TITLE_NOVEMBER = "白杨街道2023年11月重点工作推进情况";
/** A seeded task with an indicator whose cumulative figure at 2023-11-30 is known (115 场). */
const KNOWN_TASK = "组织各级党组织学习宣传党的二十大精神";
const KNOWN_INDICATOR = "开展党的二十大精神宣讲";

interface CadreTask {
  id: number;
  title: string;
  indicator: { id: number; name: string; unit: string };
}

/** The cadre's own task for this file, made by the leader in the current plan; archived after. */
let cadreTask: CadreTask;

async function signedInPage(browser: Browser, username: string) {
  const context = await browser.newContext();
  await signInByApi(context.request, username);
  return { page: await context.newPage(), close: () => context.close() };
}

async function downloadedBytes(download: Download) {
  const path = await download.path();
  return { path, bytes: await readFile(path) };
}

test.beforeAll(async ({ browser }) => {
  const cadre = await apiAs(browser, "cadre");
  const leader = await apiAs(browser, "leader");
  try {
    const { id: ownerId, unitId } = await me(cadre.request);
    const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const created = (await createTask(leader.request, {
      title: `E2E 月报定稿 ${stamp}`,
      ownerId,
      leadUnitId: unitId,
      indicators: [{ name: `新增停车位 ${stamp}`, unit: "个", target: 200 }],
    })) as unknown as { id: number; title: string; indicators: CadreTask["indicator"][] };
    const indicator = created.indicators[0]!;
    cadreTask = {
      id: created.id,
      title: created.title,
      indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit },
    };
  } finally {
    await cadre.close();
    await leader.close();
  }
});

test.afterAll(async ({ browser }) => {
  // The database is left as found: October open (had a test stopped before reopening it), and
  // the test's task archived.
  const admin = await apiAs(browser, "admin");
  const leader = await apiAs(browser, "leader");
  try {
    await reopenMonthIfPublished(admin.request, PUBLISH_MONTH);
    if (cadreTask) await archiveTask(leader.request, cadreTask.id);
  } finally {
    await admin.close();
    await leader.close();
  }
});

test("the leader opens November and exports it to Excel and Word", async ({ page, signInAs }) => {
  await signInAs("leader");
  const report = new ReportPage(page);

  // What the API says of November, the source of every figure below.
  const api = await monthlyReport(page.request, REPORT_MONTH);
  expect(api.title).toBe(TITLE_NOVEMBER);
  expect(api.asOf).toBe("2023-11-30");
  const known = api.rows.find((row) => row.title === KNOWN_TASK);
  expect(known, KNOWN_TASK).toBeDefined();
  const indicator = known!.indicators.find((i) => i.name === KNOWN_INDICATOR);
  expect(indicator, KNOWN_INDICATOR).toBeDefined();
  expect(indicator!.current).toBe(115);
  // The task itself says the same as of 30 November (the task page has no as-of parameter: its
  // API does).
  const task = await json<{ indicators: { name: string; current: number | null }[] }>(
    await page.request.get(`/api/v1/tasks/${known!.taskId}?asOf=2023-11-30`),
    200,
  );
  expect(task.indicators.find((i) => i.name === KNOWN_INDICATOR)?.current).toBe(indicator!.current);
  const cumulative = `累计${indicator!.current}${indicator!.unit}`;

  // From another month to November with the month filter.
  await report.goto(PUBLISH_MONTH);
  await expect(report.heading).toHaveText("白杨街道2023年10月重点工作推进情况");
  await report.month.selectOption({ label: "2023年11月" });
  await expect(page).toHaveURL(/[?&]month=2023-11(&|$)/);
  await expect(report.heading).toHaveText(TITLE_NOVEMBER);
  await expect(report.month).toHaveValue(REPORT_MONTH);
  await expect(page.getByText("数据截至 2023-11-30")).toBeVisible();
  await expect(report.summary).toBeVisible();
  await expect(report.summary).toContainText("重点任务");
  await expect(report.summary).toContainText(String(api.summary.taskCount));
  await expect(report.notReported.getByRole("heading", { level: 2 })).toHaveText("本月未填报");
  await expect(report.row(known!.taskId)).toContainText(KNOWN_TASK);
  await expect(report.row(known!.taskId)).toContainText(cumulative);

  // Excel: a row per task of the report, the known indicator with its cumulative figure.
  const xlsx = await report.download("xlsx");
  expect(xlsx.suggestedFilename()).toBe(`${TITLE_NOVEMBER}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await downloadedBytes(xlsx)).path);
  const sheet = workbook.getWorksheet("任务明细");
  expect(sheet, "sheet 任务明细").toBeDefined();
  const rows: ExcelJS.Row[] = [];
  sheet!.eachRow((row) => rows.push(row));
  const texts = (row: ExcelJS.Row) =>
    (row.values as ExcelJS.CellValue[]).map((value) => (value == null ? "" : String(value)));
  const header = rows.find((row) => texts(row).includes("工作任务"));
  expect(header, "the header row").toBeDefined();
  const columns = texts(header!);
  expect(columns).toContain("指标（目标 / 累计）");
  const numberColumn = columns.indexOf("序号");
  const titleColumn = columns.indexOf("工作任务");
  const indicatorColumn = columns.indexOf("指标（目标 / 累计）");
  expect(numberColumn).toBeGreaterThan(0);
  const taskRows = rows.filter((row) => {
    const value = row.getCell(numberColumn).value;
    return typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value));
  });
  expect(taskRows).toHaveLength(api.rows.length);
  const titles = taskRows.map((row) => String(row.getCell(titleColumn).value));
  for (const row of api.rows) expect(titles).toContain(row.title);
  const knownRow = taskRows.find((row) => row.getCell(titleColumn).value === KNOWN_TASK);
  const knownCell = String(knownRow!.getCell(indicatorColumn).value);
  expect(knownCell).toContain(KNOWN_INDICATOR);
  expect(knownCell).toContain(cumulative);

  // Word: a .docx (a zip) with the title and the tasks.
  const docx = await report.download("docx");
  expect(docx.suggestedFilename()).toBe(`${TITLE_NOVEMBER}.docx`);
  const { bytes } = await downloadedBytes(docx);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  const { value: text } = await mammoth.extractRawText({ buffer: bytes });
  expect(text).toContain(TITLE_NOVEMBER);
  expect(text).toContain(KNOWN_TASK);
});

test("the leader publishes October with the narrative as edited", async ({ page, signInAs }) => {
  await signInAs("leader");
  const leader = await me(page.request);
  const before = await monthlyReport(page.request, PUBLISH_MONTH);
  expect(before.complete).toBe(true);
  expect(before.published).toBeUndefined();

  const report = new ReportPage(page);
  await report.goto(PUBLISH_MONTH);
  await expect(report.heading).toHaveText("白杨街道2023年10月重点工作推进情况");
  await expect(report.publishedBanner).toHaveCount(0);
  await expect(report.narrativeInput).toHaveValue(before.narrative);
  await expect(report.narrativeInput).toBeEditable();
  const narrative = `${before.narrative}\nE2E：本月情况已核对。`;
  await report.narrativeInput.fill(narrative);

  await report.publishMonth();
  await expect(report.status("已定稿")).toBeVisible();
  await expect(report.publishedBanner).toBeVisible();
  await expect(report.publishedBanner).toHaveText(
    new RegExp(`已定稿 · ${leader.name} · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`),
  );
  await expect(report.publish).toHaveCount(0);

  const after = await monthlyReport(page.request, PUBLISH_MONTH);
  expect(after.published).toMatchObject({ byId: leader.id, byName: leader.name });
  expect(after.narrative).toBe(narrative);
  // Publishing again is refused.
  await failure(
    await page.request.post("/api/v1/reports/monthly/publish", {
      data: { planId: after.planId, month: PUBLISH_MONTH },
    }),
    409,
    "month_published",
  );
});

test("the cadre can no longer report on a day of the published month", async ({
  page,
  signInAs,
}) => {
  await signInAs("cadre");
  const form = new EntryFormPage(page);
  await form.goto(cadreTask.id);
  await form.fill({
    date: FROZEN_DATE,
    readings: { [readingLabel(cadreTask.indicator)]: "20" },
    note: "E2E 十月份划线完成一批",
  });
  await form.submit.click();
  await expect(form.error("entry-date")).toHaveText("该月已定稿，不能再填报该月或更早月份的进展");
  await expect(page).toHaveURL(`/tasks/${cadreTask.id}/report`);
  expect(await taskEntries(page.request, cadreTask.id)).toEqual([]);

  // The API says the same; a later month is still open.
  const refused = await failure(
    await page.request.post(`/api/v1/tasks/${cadreTask.id}/entries`, {
      data: {
        date: FROZEN_DATE,
        note: "E2E 十月份",
        readings: [{ indicatorId: cadreTask.indicator.id, value: 20 }],
      },
    }),
    409,
    "month_published",
  );
  expect(refused.error.fields).toMatchObject({ date: expect.any(String) });
  const november = await json<{ id: number; version: number }>(
    await page.request.post(`/api/v1/tasks/${cadreTask.id}/entries`, {
      data: {
        date: "2023-11-06",
        note: "E2E 十一月份",
        readings: [{ indicatorId: cadreTask.indicator.id, value: 20 }],
      },
    }),
    201,
  );
  await json(
    await page.request.delete(`/api/v1/entries/${november.id}?version=${november.version}`),
    200,
  );
});

test("an admin reopens October, and the cadre can report on it again", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin");
  const cadre = await apiAs(browser, "cadre");
  try {
    const report = new ReportPage(admin.page);
    await report.goto(PUBLISH_MONTH);
    await expect(report.publishedBanner).toBeVisible();
    await expect(report.publish).toHaveCount(0);
    await report.reopenMonth("E2E：数据需更正，重新打开");
    await expect(report.status("已重新打开")).toBeVisible();
    await expect(report.publishedBanner).toHaveCount(0);
    expect((await monthlyReport(admin.page.request, PUBLISH_MONTH)).published).toBeUndefined();

    const entry = await json<{ id: number; version: number; date: string }>(
      await cadre.request.post(`/api/v1/tasks/${cadreTask.id}/entries`, {
        data: {
          date: FROZEN_DATE,
          note: "E2E 十月份",
          readings: [{ indicatorId: cadreTask.indicator.id, value: 20 }],
        },
      }),
      201,
    );
    expect(entry.date).toBe(FROZEN_DATE);
    await json(
      await cadre.request.delete(`/api/v1/entries/${entry.id}?version=${entry.version}`),
      200,
    );
  } finally {
    await admin.close();
    await cadre.close();
  }
});
