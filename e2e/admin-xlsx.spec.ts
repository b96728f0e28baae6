import ExcelJS from "exceljs";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { apiAs } from "./support/api";
import { failure, json } from "./support/responses";

// The Excel import and export (#7): the template, a plan exported and read back, and imports into
// a plan of this file's own making (a far-off year, so no other spec's plan is touched): one with
// a bad row writes nothing, a good one writes every row. The demo plan is only read.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADERS = [
  "工作板块",
  "任务名称",
  "任务说明",
  "责任人(用户名)",
  "牵头单位",
  "配合单位(、分隔)",
  "开始日期",
  "完成时限",
  "权重",
  "指标名称",
  "计量单位",
  "基期值",
  "目标值",
  "方向(增加/减少)",
  "小数位",
];
const KNOWN_TASK = "推进华顺公寓、东海未名园、邻里中心老旧小区改造";

interface TaskItem {
  id: number;
  planId: number;
  title: string;
  version: number;
}

async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

/** The data rows of the 任务 sheet as plain cell values, with their row numbers. */
function sheetRows(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet("任务")!;
  const rows: { row: number; values: unknown[] }[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push({ row: number, values: (row.values as unknown[]).slice(1) });
  });
  return rows;
}

/** A template of the given rows (cells in the template's column order). */
async function fileOf(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务");
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (request: APIRequestContext, planId: number, buffer: Buffer, name = "任务.xlsx") =>
  request.post("/api/v1/imports/tasks-xlsx", {
    multipart: { planId: String(planId), file: { name, mimeType: XLSX, buffer } },
  });

async function planTasks(request: APIRequestContext, planId: number) {
  return (
    await json<{ items: TaskItem[]; total: number }>(
      await request.get(`/api/v1/tasks?planId=${planId}&limit=200`),
      200,
    )
  ).items;
}

test("admin downloads the template and exports the demo plan to it", async ({ browser }) => {
  const admin = await apiAs(browser, "admin");
  try {
    const template = await admin.request.get("/api/v1/imports/tasks-xlsx/template");
    expect(template.status()).toBe(200);
    expect(template.headers()["content-type"]).toBe(XLSX);
    const disposition = template.headers()["content-disposition"]!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("任务导入模板.xlsx")}`);
    const empty = await readWorkbook(await template.body());
    expect(empty.worksheets.map((s) => s.name)).toEqual(["任务", "说明"]);
    expect((empty.getWorksheet("任务")!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheetRows(empty)).toEqual([]);

    // The demo plan: a known task with each of its indicators on a row of its own.
    const known = (
      await json<{ items: TaskItem[] }>(
        await admin.request.get(`/api/v1/tasks?q=${encodeURIComponent(KNOWN_TASK)}`),
        200,
      )
    ).items.find((task) => task.title === KNOWN_TASK);
    expect(known).toBeDefined();
    const detail = await json<{ indicators: { name: string; target: number }[] }>(
      await admin.request.get(`/api/v1/tasks/${known!.id}`),
      200,
    );
    const exported = await admin.request.get(`/api/v1/plans/${known!.planId}/export.xlsx`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toBe(XLSX);
    expect(exported.headers()["content-disposition"]).toContain(
      encodeURIComponent("白杨街道2023年工作计划-任务.xlsx"),
    );
    const rows = sheetRows(await readWorkbook(await exported.body())).filter(
      (r) => r.values[1] === KNOWN_TASK,
    );
    expect(rows.map((r) => r.values[9])).toEqual(detail.indicators.map((i) => i.name));
    expect(rows.map((r) => r.values[12])).toEqual(detail.indicators.map((i) => i.target));
    // Consecutive rows; the task's own fields on its first row only.
    expect(rows.map((r) => r.row - rows[0]!.row)).toEqual(rows.map((_, i) => i));
    expect(rows[0]!.values.slice(0, 5)).toEqual([
      "惠民生：社会治理再完善",
      KNOWN_TASK,
      expect.stringContaining("老旧小区改造"),
      "chengguan",
      "城市管理办公室",
    ]);
    for (const later of rows.slice(1)) expect(later.values[3]).toBeUndefined();
  } finally {
    await admin.close();
  }
});

test("an import with one bad row writes nothing; a good one writes every row", async ({
  browser,
}) => {
  const admin = await apiAs(browser, "admin");
  const cadre = await apiAs(browser, "cadre");
  const year = 2600 + Math.floor(Math.random() * 390);
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const projectTitle = `E2E 导入板块 ${stamp}`;
  const created: number[] = [];
  let projectId: number | undefined;
  try {
    const plan = await json<{ id: number }>(
      await admin.request.post("/api/v1/plans", { data: { year, title: `E2E 导入计划 ${stamp}` } }),
      201,
    );
    const project = await json<{ id: number; version: number }>(
      await admin.request.post("/api/v1/projects", {
        data: { planId: plan.id, title: projectTitle },
      }),
      201,
    );
    projectId = project.id;

    const good = (title: string, extra: unknown[] = []) => [
      projectTitle,
      title,
      "端到端导入",
      "cadre",
      "邻里社区",
      "城市管理办公室",
      `${year}-02-01`,
      `${year}-11-30`,
      2,
      ...extra,
    ];
    const withIndicator = good(`E2E 导入任务甲 ${stamp}`, ["新增点位", "个", 0, 12, "增加", 0]);
    const rows = [
      withIndicator,
      [
        projectTitle,
        withIndicator[1],
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "覆盖户数",
        "户",
        100,
        80,
        "减少",
        0,
      ],
      good(`E2E 导入任务乙 ${stamp}`),
    ];
    const bad = [...rows];
    bad.splice(
      2,
      0,
      [...good(`E2E 导入任务丙 ${stamp}`)].map((v, i) => (i === 3 ? "nobody-e2e" : v)),
    );

    // Only admins import; only leaders and admins export (the file names every owner's login).
    await failure(await upload(cadre.request, plan.id, await fileOf(rows)), 403, "forbidden");
    await failure(
      await cadre.request.get(`/api/v1/plans/${plan.id}/export.xlsx`),
      403,
      "forbidden",
    );
    // Not an .xlsx: 415.
    await failure(
      await upload(admin.request, plan.id, Buffer.from("工作板块,任务名称\n"), "tasks.csv"),
      415,
      "unsupported_media_type",
    );

    const refused = await failure(
      await upload(admin.request, plan.id, await fileOf(bad)),
      400,
      "validation_failed",
    );
    expect(refused.error.rows).toEqual([
      { row: 4, column: "责任人(用户名)", cell: "D4", message: "找不到用户 nobody-e2e" },
    ]);
    expect(await planTasks(admin.request, plan.id)).toEqual([]);

    const result = await json<{ projects: number; tasks: number; indicators: number }>(
      await upload(admin.request, plan.id, await fileOf(rows)),
      201,
    );
    expect(result).toEqual({ projects: 0, tasks: 2, indicators: 2 });
    const imported = await planTasks(admin.request, plan.id);
    created.push(...imported.map((t) => t.id));
    expect(imported.map((t) => t.title).sort()).toEqual(
      [`E2E 导入任务甲 ${stamp}`, `E2E 导入任务乙 ${stamp}`].sort(),
    );
    const first = imported.find((t) => t.title === withIndicator[1])!;
    const detail = await json<{
      indicators: { name: string; baseline: number; target: number; direction: string }[];
    }>(await admin.request.get(`/api/v1/tasks/${first.id}`), 200);
    expect(detail.indicators.map((i) => [i.name, i.baseline, i.target, i.direction])).toEqual([
      ["新增点位", 0, 12, "increase"],
      ["覆盖户数", 100, 80, "decrease"],
    ]);

    // The same file again: every task is there already, and nothing more is written.
    const again = await failure(
      await upload(admin.request, plan.id, await fileOf(rows)),
      400,
      "validation_failed",
    );
    expect((again.error.rows as { cell: string }[]).map((r) => r.cell)).toEqual(["B2", "B4"]);
    expect(await planTasks(admin.request, plan.id)).toHaveLength(2);
  } finally {
    for (const id of created) {
      const task = await json<TaskItem>(await admin.request.get(`/api/v1/tasks/${id}`), 200);
      await json(
        await admin.request.patch(`/api/v1/tasks/${id}`, {
          data: { version: task.version, archived: true },
        }),
        200,
      );
    }
    if (projectId !== undefined) {
      const project = await json<{ version: number }>(
        await admin.request.get(`/api/v1/projects/${projectId}`),
        200,
      );
      await json(
        await admin.request.patch(`/api/v1/projects/${projectId}`, {
          data: { version: project.version, archived: true },
        }),
        200,
      );
    }
    await Promise.all([admin.close(), cadre.close()]);
  }
});
