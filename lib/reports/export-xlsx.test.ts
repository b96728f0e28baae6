import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { TEXT_FORMAT_ID, rawCells } from "@/lib/security/xlsx-testing";
import { ALL_REPORTED, REPORT_COLUMNS } from "./cells";
import {
  DETAIL_SHEET,
  SUMMARY_SHEET,
  cleanText,
  reportXlsx,
  reportXlsxStream,
} from "./export-xlsx";
import {
  COLUMN_HEADERS,
  HYPERLINK,
  PUBLISHED_BY,
  demoNovember,
  reportOf,
  rowsWith,
} from "./testing";
import type { MonthlyReport, ReportRow } from "./types";

/** Rows of 城管科 and 王芳, at 91% of their time. */
const row = rowsWith({ leadUnitName: "城管科", ownerName: "王芳", timeProgress: 0.91 });

const ROWS: ReportRow[] = [
  row({
    taskId: 11,
    projectId: 1,
    number: 1,
    title: "新增公共停车位",
    indicators: [
      { name: "新增公共停车位", unit: "个", decimals: 0, target: 120, current: 80 },
      { name: "绿化面积", unit: "万平方米", decimals: 2, target: 1.5, current: 0.25 },
    ],
    progress: 0.6667,
    light: "red",
    monthProgress: "完成选址\n开工建设",
    problems: "资金未到位",
    nextSteps: "协调资金",
    urgeCount: 2,
  }),
  row({
    taskId: 12,
    projectId: 1,
    number: 2,
    title: "=SUM(A1)",
    indicators: [{ name: "覆盖率", unit: "%", decimals: 1, target: 95, current: null }],
    progress: 0,
    light: "yellow",
    notReported: true,
  }),
  row({
    taskId: 21,
    projectId: 2,
    number: 1,
    title: "老旧小区改造",
    leadUnitName: "建设科",
    ownerName: "李强",
    progress: 1,
    light: "blue",
    completed: true,
    monthProgress: "已完工\u0007验收",
    urgeCount: 0,
  }),
];

const REPORT = reportOf(ROWS, [
  { id: 1, title: "城市管理" },
  { id: 2, title: "民生保障" },
  { id: 3, title: "空板块" },
]);

const PUBLISHED: MonthlyReport = { ...REPORT, published: PUBLISHED_BY };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Every cell's text of a sheet, row by row (merged cells once). */
function sheetTexts(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((excelRow) =>
    excelRow.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Merge && cell.value !== null) texts.push(cell.text);
    }),
  );
  return texts;
}

const column = (key: (typeof REPORT_COLUMNS)[number]["key"]) =>
  REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Detail rows that are task rows (their 序号 cell is a number). */
function taskRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((excelRow, number) => {
    if (number > 1 && typeof excelRow.getCell(1).value === "number") rows.push(excelRow);
  });
  return rows;
}

describe("reportXlsx", () => {
  let workbook: ExcelJS.Workbook;
  let detail: ExcelJS.Worksheet;
  let summary: ExcelJS.Worksheet;

  beforeAll(async () => {
    workbook = await load(await reportXlsx(REPORT));
    detail = sheetOf(workbook, DETAIL_SHEET);
    summary = sheetOf(workbook, SUMMARY_SHEET);
  });

  it("has a summary and a detail sheet, and the report's title and creator", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["概况", "任务明细"]);
    expect(workbook.title).toBe("白杨街道2023年11月重点工作推进情况");
    expect(workbook.creator).toBe("街道目标任务管理");
  });

  it("heads the detail sheet with the report's columns, styled and frozen", () => {
    const header = detail.getRow(1);
    expect(REPORT_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(COLUMN_HEADERS);
    expect(header.getCell(13).value).toBeNull();
    const cell = header.getCell(2);
    expect(cell.font?.bold).toBe(true);
    expect(cell.alignment?.horizontal).toBe("center");
    expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(cell.border?.bottom?.style).toBe("thin");
    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // exceljs leaves out 9-wide columns: the sheet's default width is 9.
    expect(detail.properties.defaultColWidth).toBe(9);
    expect(
      REPORT_COLUMNS.map(
        (_, i) => detail.getColumn(i + 1).width ?? detail.properties.defaultColWidth,
      ),
    ).toEqual(REPORT_COLUMNS.map((c) => c.width));
  });

  it("prints both sheets on A4 landscape, one page wide, repeating the detail header", () => {
    for (const sheet of [summary, detail]) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
      });
      expect(sheet.pageSetup.margins?.left).toBeLessThan(0.7);
    }
    expect(detail.pageSetup.printTitlesRow).toBe("1:1");
  });

  it("writes a merged row per project with rows, then one row per task", () => {
    expect(detail.getCell("A2").value).toBe("城市管理");
    expect(detail.getCell("A5").value).toBe("民生保障");
    expect(detail.getCell("A2").font?.bold).toBe(true);
    expect(detail.getCell("A2").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(detail.model.merges).toEqual(["A2:L2", "A5:L5"]);
    expect(detail.getCell("L2").isMerged).toBe(true);
    expect(detail.getCell("A3").isMerged).toBe(false);
    // The empty project gets no heading; nothing follows the last task.
    expect(detail.rowCount).toBe(6);
    expect(sheetTexts(detail)).not.toContain("空板块");

    const rows = taskRows(detail);
    expect(rows.map((r) => r.number)).toEqual([3, 4, 6]);
    expect(rows.map((r) => r.getCell(column("number")).value)).toEqual([1, 2, 1]);
    expect(rows.map((r) => r.getCell(column("title")).value)).toEqual([
      "新增公共停车位",
      "=SUM(A1)",
      "老旧小区改造",
    ]);
  });

  it("writes each task's cells: indicators, 完成率 as a percentage number, counts as numbers", () => {
    const [first, second, third] = taskRows(detail);
    expect(first!.getCell(column("indicators")).value).toBe(
      "新增公共停车位：目标120个 / 累计80个\n绿化面积：目标1.50万平方米 / 累计0.25万平方米",
    );
    expect(second!.getCell(column("indicators")).value).toBe("覆盖率：目标95.0% / 累计—");
    const progress = first!.getCell(column("progress"));
    expect(progress.value).toBe(0.6667);
    expect(progress.numFmt).toBe("0%");
    expect(progress.text).toBe("0.6667"); // exceljs does not format; Excel shows 67%
    expect(third!.getCell(column("progress")).value).toBe(1);
    expect(first!.getCell(column("urgeCount")).value).toBe(2);
    expect(first!.getCell(column("leadUnit")).value).toBe("城管科");
    expect(first!.getCell(column("owner")).value).toBe("王芳");
    expect(first!.getCell(column("dueDate")).value).toBe("2023-12-31");
    expect(first!.getCell(column("monthProgress")).value).toBe("完成选址\n开工建设");
    expect(first!.getCell(column("problems")).value).toBe("资金未到位");
    expect(first!.getCell(column("nextSteps")).value).toBe("协调资金");
    // The control character is dropped, the text kept.
    expect(third!.getCell(column("monthProgress")).value).toBe("已完工验收");
    for (const excelRow of [first!, second!, third!]) {
      for (let col = 1; col <= REPORT_COLUMNS.length; col++) {
        const cell = excelRow.getCell(col);
        expect(cell.alignment).toMatchObject({ wrapText: true, vertical: "top" });
        expect(cell.border?.left?.style).toBe("thin");
      }
    }
  });

  it("fills the light cells with the light's colour", () => {
    const lights = taskRows(detail).map((r) => r.getCell(column("light")));
    expect(lights.map((cell) => cell.value)).toEqual(["红灯", "黄灯", "蓝灯"]);
    expect(lights.map((cell) => (cell.fill as ExcelJS.FillPattern).fgColor?.argb)).toEqual([
      "FFFFC7CE",
      "FFFFEB9C",
      "FFBDD7EE",
    ]);
    // Other cells of the row are not filled.
    expect(taskRows(detail)[0]!.getCell(column("title")).fill).toMatchObject({ pattern: "none" });
  });

  it("keeps a formula-looking title as plain text", async () => {
    const [, second] = taskRows(detail);
    const cell = second!.getCell(column("title"));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=SUM(A1)");
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe("@");
    const notReported = sheetTexts(summary);
    expect(notReported).toContain("=SUM(A1)");

    const tricky = await load(
      await reportXlsx({
        ...REPORT,
        title: "=1+1",
        rows: [row({ taskId: 1, projectId: 1, number: 1, title: "@cmd|' /C calc'!A0" })],
        projects: [{ id: 1, title: "+板块", taskCount: 1, progress: 0, timeProgress: 0 }],
      }),
    );
    const trickyDetail = sheetOf(tricky, DETAIL_SHEET);
    for (const [address, text] of [
      ["A2", "+板块"],
      ["B3", "@cmd|' /C calc'!A0"],
    ] as const) {
      const cell = trickyDetail.getCell(address);
      expect(cell.type, address).toBe(ExcelJS.ValueType.String);
      expect(cell.value, address).toBe(text);
    }
    const title = sheetOf(tricky, SUMMARY_SHEET).getCell("A1");
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe("=1+1");
  });

  it("sums the report up on the summary sheet", () => {
    expect(summary.getCell("A1").value).toBe("白杨街道2023年11月重点工作推进情况");
    expect(summary.getCell("A1").font?.bold).toBe(true);
    expect(summary.model.merges).toContain("A1:D1");
    const texts = sheetTexts(summary);
    expect(texts).toContain("数据截至 2023-11-30");
    expect(texts).toContain(REPORT.narrative);
    expect(texts.some((text) => text.startsWith("已定稿"))).toBe(false);

    const pairs = new Map<string, string>();
    summary.eachRow((excelRow) => {
      const label = excelRow.getCell(1).value;
      if (typeof label === "string") pairs.set(label, excelRow.getCell(2).text);
    });
    expect(pairs.get("重点任务")).toBe("3项");
    expect(pairs.get("已完成")).toBe("1项");
    // Task 12 has no progress on a yellow light: behind, not "not started".
    expect(pairs.get("滞后")).toBe("2项");
    expect(pairs.get("尚未启动")).toBe("0项");
    expect(pairs.get("整体任务进度")).toBe("56%");
    expect(pairs.get("红灯")).toBe("1项");
    expect(pairs.get("本月未按期填报")).toBe("1项");

    let projectRow: ExcelJS.Row | undefined;
    summary.eachRow((excelRow) => {
      if (excelRow.getCell(1).value === "城市管理") projectRow = excelRow;
    });
    expect(projectRow).toBeDefined();
    expect(projectRow!.getCell(2).value).toBe(2);
    expect(projectRow!.getCell(3).value).toBeCloseTo(0.6667 / 2, 12);
    expect(projectRow!.getCell(3).numFmt).toBe("0%");
    expect(projectRow!.getCell(4).value).toBeCloseTo(0.91, 12);
    expect(texts).toContain("工作板块");
    expect(texts).toContain("空板块");

    let ownerRow: ExcelJS.Row | undefined;
    summary.eachRow((excelRow) => {
      if (excelRow.getCell(2).value === "王芳") ownerRow = excelRow;
    });
    expect(ownerRow!.getCell(1).value).toBe("城管科");
    expect(ownerRow!.getCell(3).value).toBe("=SUM(A1)");
    expect(summary.model.merges).toContain(`C${ownerRow!.number}:D${ownerRow!.number}`);
    expect(texts).not.toContain(ALL_REPORTED);
  });

  it("names who published the report and when, on the office's clock", async () => {
    const texts = sheetTexts(sheetOf(await load(await reportXlsx(PUBLISHED)), SUMMARY_SHEET));
    expect(texts).toContain("已定稿：陆文博，2023-12-01 09:30");
    const tokyo = sheetTexts(
      sheetOf(
        await load(await reportXlsx({ ...PUBLISHED, timeZone: "Asia/Tokyo" })),
        SUMMARY_SHEET,
      ),
    );
    expect(tokyo).toContain("已定稿：陆文博，2023-12-01 10:30");
  });

  it("says which part of the report a filtered export holds, under the report date", async () => {
    const scopeOf = async (filters: MonthlyReport["filters"]) =>
      sheetTexts(
        sheetOf(await load(await reportXlsx({ ...REPORT, filters })), SUMMARY_SHEET),
      ).filter((text) => text.startsWith("筛选范围"));
    const both = { projectId: 1, projectTitle: "城市管理", unitId: 1, unitName: "城管科" };
    expect(await scopeOf(both)).toEqual([
      "筛选范围：工作板块：城市管理；单位：城管科（牵头或配合）",
    ]);
    expect(await scopeOf({ projectId: 2, projectTitle: "民生保障" })).toEqual([
      "筛选范围：工作板块：民生保障",
    ]);
    expect(await scopeOf({ unitId: 7, unitName: "建设科" })).toEqual([
      "筛选范围：单位：建设科（牵头或配合）",
    ]);
    expect(sheetTexts(summary).some((text) => text.startsWith("筛选范围"))).toBe(false);

    // A line of its own across the sheet, after the date (and before the published line).
    const filtered = sheetOf(
      await load(await reportXlsx({ ...PUBLISHED, filters: both })),
      SUMMARY_SHEET,
    );
    expect([1, 2, 3, 4].map((n) => filtered.getCell(`A${n}`).text)).toEqual([
      "白杨街道2023年11月重点工作推进情况",
      "数据截至 2023-11-30",
      "筛选范围：工作板块：城市管理；单位：城管科（牵头或配合）",
      "已定稿：陆文博，2023-12-01 09:30",
    ]);
    expect(filtered.model.merges).toContain("A3:D3");
  });

  it("keeps rows within Excel's limits for a very long narrative and cell", async () => {
    const long = "很长的说明。".repeat(7000);
    const bytes = await reportXlsx({
      ...REPORT,
      narrative: long,
      rows: [row({ taskId: 1, projectId: 1, number: 1, monthProgress: long })],
    });
    const book = await load(bytes);
    const narrativeRow = sheetOf(book, SUMMARY_SHEET).getRow(4);
    expect(narrativeRow.getCell(1).text).toHaveLength(32_767);
    expect(narrativeRow.height).toBe(409);
    const cell = sheetOf(book, DETAIL_SHEET).getCell(3, column("monthProgress"));
    expect(cell.text).toHaveLength(32_767);
    expect(cell.text.endsWith("…")).toBe(true);
  });

  it("says when every task has been reported", async () => {
    const texts = sheetTexts(
      sheetOf(await load(await reportXlsx({ ...REPORT, notReported: [] })), SUMMARY_SHEET),
    );
    expect(texts).toContain(ALL_REPORTED);
    expect(texts).not.toContain("未填报任务");
  });

  it("never merges overlapping ranges", async () => {
    for (const sheet of [summary, detail]) {
      const cells = new Set<string>();
      for (const range of sheet.model.merges) {
        const [from, to] = range.split(":").map((a) => sheet.getCell(a!));
        for (let r = from!.row as unknown as number; r <= (to!.row as unknown as number); r++) {
          for (let c = from!.col as unknown as number; c <= (to!.col as unknown as number); c++) {
            const key = `${r}:${c}`;
            expect(cells.has(key), `${sheet.name} ${range}`).toBe(false);
            cells.add(key);
          }
        }
      }
    }
  });
});

describe("reportXlsxStream", () => {
  /** 2,000 tasks in 5 projects: enough for the file to go out in many chunks. */
  const LARGE = reportOf(
    Array.from({ length: 2000 }, (_, i) =>
      row({ taskId: i + 1, projectId: 1 + (i % 5), number: i + 1, monthProgress: `进展${i}` }),
    ),
    [1, 2, 3, 4, 5].map((id) => ({ id, title: `板块${id}` })),
  );

  it("sends the workbook in chunks while it is written, every row and merge in it", async () => {
    const chunks: Uint8Array[] = [];
    const reader = reportXlsxStream(LARGE).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
    }
    expect(chunks.length).toBeGreaterThan(1);
    const detail = sheetOf(await load(Buffer.concat(chunks)), DETAIL_SHEET);
    expect(taskRows(detail)).toHaveLength(2000);
    expect(detail.model.merges).toHaveLength(5);
    expect(detail.rowCount).toBe(1 + 5 + 2000);
  });

  it("stops when the download is cancelled, without an error", async () => {
    const reader = reportXlsxStream(LARGE).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    // The writer notices at its next pause and gives up quietly (nothing unhandled).
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
});

describe("cleanText", () => {
  it("drops control characters but keeps tabs and newlines", () => {
    expect(cleanText("a\u0000b\u0001c\td\ne\r\nf\rg\u001fh\uFFFEi")).toBe("abc\td\ne\nf\ngh" + "i");
    expect(cleanText("长\uD83D文本")).toBe("长文本");
    expect(cleanText("表情😀")).toBe("表情😀");
  });
});

describe("reportXlsx of the demo plan", () => {
  const november = demoNovember();

  it("has a row per task and the November cumulative figures", async () => {
    const report = await november();
    expect(report.rows.length).toBeGreaterThan(40);
    const detail = sheetOf(await load(await reportXlsx(report)), DETAIL_SHEET);
    const rows = taskRows(detail);
    expect(rows).toHaveLength(report.rows.length);
    const projectRows = detail.model.merges.length;
    expect(projectRows).toBe(new Set(report.rows.map((r) => r.projectId)).size);
    expect(detail.rowCount).toBe(1 + projectRows + report.rows.length);

    const first = rows.find(
      (r) => r.getCell(column("title")).value === "组织各级党组织学习宣传党的二十大精神",
    );
    expect(first).toBeDefined();
    expect(String(first!.getCell(column("indicators")).value)).toContain("累计115场");
    expect(first!.getCell(column("number")).value).toBe(1);
  });
});

describe("reportXlsx and formula injection", () => {
  const HOSTILE = [HYPERLINK, "+1+1", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0"];
  const hostileRow = rowsWith({ leadUnitName: "+城管科", ownerName: "@王芳", notReported: true });
  const report = reportOf(
    [
      hostileRow({
        taskId: 1,
        projectId: 1,
        number: 1,
        title: HOSTILE[0]!,
        monthProgress: HOSTILE[1]!,
        problems: HOSTILE[2]!,
        nextSteps: HOSTILE[3]!,
        indicators: [{ name: "=1+1", unit: "个", decimals: 0, target: 1, current: null }],
      }),
    ],
    [{ id: 1, title: HOSTILE[4]! }],
    { title: "=2023年11月" },
  );

  it("writes no formula, and every user text is a text-formatted string cell", async () => {
    const cells = await rawCells(await reportXlsx(report));
    expect(cells.filter((cell) => cell.formula)).toEqual([]);
    const risky = cells.filter((cell) => cell.text !== null && /^[=+\-@]/.test(cell.text));
    // Every hostile string arrives, as itself, in a cell formatted "@" (built-in format 49).
    for (const text of [...HOSTILE, "+城管科", "@王芳", "=2023年11月"]) {
      expect(
        risky.map((cell) => cell.text),
        text,
      ).toContain(text);
    }
    expect(risky.filter((cell) => cell.numFmtId !== TEXT_FORMAT_ID)).toEqual([]);
  });
});
