import "server-only";
import ExcelJS from "exceljs";
import { XLSX_CONTENT_TYPE } from "@/lib/api/content-types";
import { downloadResponse } from "@/lib/api/download";

/**
 * The task import template (任务导入模板): one sheet of tasks, one row per task and indicator, and
 * a 说明 sheet that tells how to fill it in. The same layout is what a plan exports to, so a plan
 * can go out to the units and come back. The template is the office's own document format, in
 * Chinese only: the import finds its columns by these headers.
 */

/** Upload limit of the import (bytes). */
export const MAX_XLSX_BYTES = 5 * 1024 * 1024;
/** Data rows one import may carry. */
export const MAX_XLSX_ROWS = 5000;
/** Indicators one task may have (as in POST /api/v1/tasks). */
export const MAX_INDICATORS_PER_TASK = 20;

export const TASKS_SHEET = "任务";
export const NOTES_SHEET = "说明";
export const TEMPLATE_FILE_NAME = "任务导入模板.xlsx";

type Kind = "text" | "date" | "number";

/** The columns, in the template's order. `task` columns are written on a task's first row only. */
export const COLUMNS = [
  { key: "project", header: "工作板块", width: 18, kind: "text", task: false },
  { key: "title", header: "任务名称", width: 40, kind: "text", task: false },
  { key: "description", header: "任务说明", width: 44, kind: "text", task: true },
  { key: "owner", header: "责任人(用户名)", width: 17, kind: "text", task: true },
  { key: "leadUnit", header: "牵头单位", width: 18, kind: "text", task: true },
  { key: "coUnits", header: "配合单位(、分隔)", width: 28, kind: "text", task: true },
  { key: "startDate", header: "开始日期", width: 13, kind: "date", task: true },
  { key: "dueDate", header: "完成时限", width: 13, kind: "date", task: true },
  { key: "weight", header: "权重", width: 8, kind: "number", task: true },
  { key: "indicatorName", header: "指标名称", width: 28, kind: "text", task: false },
  { key: "measureUnit", header: "计量单位", width: 10, kind: "text", task: false },
  { key: "baseline", header: "基期值", width: 10, kind: "number", task: false },
  { key: "target", header: "目标值", width: 10, kind: "number", task: false },
  { key: "direction", header: "方向(增加/减少)", width: 16, kind: "text", task: false },
  { key: "decimals", header: "小数位", width: 8, kind: "number", task: false },
] as const satisfies readonly {
  key: string;
  header: string;
  width: number;
  kind: Kind;
  task: boolean;
}[];

export type ColumnKey = (typeof COLUMNS)[number]["key"];
export const INDICATOR_COLUMNS = [
  "indicatorName",
  "measureUnit",
  "baseline",
  "target",
  "direction",
  "decimals",
] as const satisfies readonly ColumnKey[];

export const DIRECTION_LABELS = { increase: "增加", decrease: "减少" } as const;

export const headerOf = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

/** How to fill in the template: the 说明 sheet, line by line. */
export const TEMPLATE_NOTES: readonly string[] = [
  "任务导入模板 · 填写说明",
  "",
  "1. 在“任务”表中填写，第 1 行是表头，请勿修改表头文字；从第 2 行起每行一条。",
  "2. 一行是一个任务的一个指标；没有指标的任务只占一行，指标各列（指标名称至小数位）留空。",
  "3. 一个任务有多个指标时占连续多行：每行都填写相同的“工作板块”和“任务名称”；任务的其他信息（任务说明、责任人、牵头单位、配合单位、开始日期、完成时限、权重）只写在第一行，后续行这几列留空，只填指标各列。",
  "4. 工作板块：必填，最多 100 字；与导入目标计划中已有的工作板块名称完全一致时，任务加到该板块；计划中没有的工作板块会按文件中出现的顺序新建在计划末尾。",
  "5. 任务名称：必填，最多 200 字；同一工作板块中不能与已有的任务或本文件中的其他任务重名。",
  "6. 任务说明：选填，最多 5000 字。",
  "7. 责任人(用户名)：必填，填写系统中在用账号的用户名（登录名），例如 zhangsan。",
  "8. 牵头单位：必填，填写系统中在用单位的全称。",
  "9. 配合单位：选填，多个单位用顿号“、”分隔，例如：民政科、城管科。",
  "10. 开始日期、完成时限：必填，填写 Excel 日期，或 2023-12-31 这样的文字；须在计划期内，完成时限不能早于开始日期。",
  "11. 权重：选填，大于 0 且不超过 100 的数字，留空为 1。",
  "12. 指标：填写指标时，指标名称、计量单位、目标值必填；基期值留空为 0；方向填“增加”或“减少”，留空为增加；小数位为 0 到 4 的整数，留空为 0，基期值和目标值的小数位数不能超过它。增加的指标目标值须高于基期值，减少的指标目标值须低于基期值。一个任务最多 20 个指标。",
  `13. 文件不超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB，一次最多 ${MAX_XLSX_ROWS} 行；空行会被跳过。`,
  "14. 导入时逐行逐格检查：只要有一处错误，整个文件都不会导入，并列出每个有误的单元格（行、列）和原因；改正后重新上传即可。",
  "15. 以 =、+、-、@ 开头的文字按文字保存，不会作为公式计算。",
  "16. 从计划导出的 Excel 也是这个格式，可以修改后导入另一个计划（包括新建的空计划，工作板块会一并建好）。",
];

/** One row of the tasks sheet: text, numbers, and dates as `YYYY-MM-DD` calendar dates. */
export type TemplateRow = Partial<Record<ColumnKey, string | number | null>>;

/** A calendar date as the Excel date of that day (Excel dates have no zone: UTC midnight). */
function excelDate(value: string): Date {
  const [y, m, d] = value.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** Rows that get the data validation lists, at least: room to fill in an empty template. */
const VALIDATED_ROWS = 1000;

function addValidation(sheet: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation) {
  // exceljs keeps sheet-wide validations by range, though its types only show per-cell ones.
  (
    sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, rule);
}

const letterOf = (key: ColumnKey) =>
  String.fromCharCode(65 + COLUMNS.findIndex((column) => column.key === key));

/**
 * The template workbook with the given rows. Text is written as text (a string cell formatted
 * "@"), so a value such as "=1+2" or "@SUM(A1)" stays what it says and is never run as a formula,
 * here or when someone edits the cell later.
 */
export async function templateWorkbook(rows: readonly TemplateRow[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "街道目标任务管理";
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(TASKS_SHEET, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.width,
    style:
      column.kind === "text"
        ? { numFmt: "@" }
        : column.kind === "date"
          ? { numFmt: "yyyy-mm-dd" }
          : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.height = 22;
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8A9BB5" } } };
  });

  rows.forEach((row, index) => {
    const excelRow = sheet.getRow(index + 2);
    COLUMNS.forEach((column, col) => {
      const value = row[column.key];
      if (value === null || value === undefined || value === "") return;
      const cell = excelRow.getCell(col + 1);
      if (column.kind === "date" && typeof value === "string") {
        cell.value = excelDate(value);
        cell.numFmt = "yyyy-mm-dd";
      } else if (column.kind === "number" && typeof value === "number") {
        cell.value = value;
      } else {
        cell.value = String(value);
        cell.numFmt = "@";
      }
    });
    excelRow.commit();
  });

  const last = Math.max(VALIDATED_ROWS, rows.length + 200) + 1;
  const range = (key: ColumnKey) => `${letterOf(key)}2:${letterOf(key)}${last}`;
  addValidation(sheet, range("direction"), {
    type: "list",
    allowBlank: true,
    formulae: [`"${DIRECTION_LABELS.increase},${DIRECTION_LABELS.decrease}"`],
    showErrorMessage: true,
    errorTitle: "方向",
    error: "请选择“增加”或“减少”",
  });
  addValidation(sheet, range("decimals"), {
    type: "whole",
    operator: "between",
    allowBlank: true,
    formulae: [0, 4],
    showErrorMessage: true,
    errorTitle: "小数位",
    error: "小数位须为 0 到 4 的整数",
  });
  addValidation(sheet, range("weight"), {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
    errorTitle: "权重",
    error: "权重须大于 0 且不超过 100",
  });

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.getColumn(1).width = 110;
  TEMPLATE_NOTES.forEach((line, index) => {
    const cell = notes.getCell(index + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (index === 0) cell.font = { bold: true, size: 14 };
  });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The response that offers a workbook for download under its (Chinese) name. */
export function xlsxResponse(bytes: Uint8Array, fileName: string): Response {
  return downloadResponse(bytes, fileName, XLSX_CONTENT_TYPE);
}
