import "server-only";
import ExcelJS from "exceljs";
import { z } from "zod";
import { parseInput } from "@/lib/api/parse";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { checkZip, type ZipLimits } from "@/lib/imports/zip-guard";
import { idParam } from "@/lib/validation";
import { fileIssueText } from "./messages";
import { COLUMNS, MAX_XLSX_BYTES, MAX_XLSX_ROWS, TASKS_SHEET, type ColumnKey } from "./template";

/** A cell's value as the import reads it. */
export type CellInput = string | number | boolean | Date | null;

/** One non-empty row of the tasks sheet: its row number and its cells by column. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<ColumnKey, CellInput>>;
}

export interface TasksSheet {
  /** The sheet column (1 = A) of each template column found. */
  columns: Partial<Record<ColumnKey, number>>;
  rows: SheetRow[];
}

/** Columns a file must have; the others may be left out and read as empty. */
const REQUIRED_COLUMNS: readonly ColumnKey[] = [
  "project",
  "title",
  "owner",
  "leadUnit",
  "startDate",
  "dueDate",
];

/** What the files of an .xlsx may inflate to, in all, and how many: past this it is refused unread. */
export const XLSX_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 50 * 1024 * 1024, maxEntries: 2000 };
/**
 * `<row>` elements a sheet may have (header, formatted empty rows and the 说明 sheet's count too:
 * room above the import's own limit), and cells per row.
 */
const MAX_SHEET_ROWS = MAX_XLSX_ROWS + 1000;
const MAX_SHEET_COLUMNS = 200;

const fileError = (
  code: "validation_failed" | "unsupported_media_type" | "payload_too_large",
  message: string,
) => new AppError(code, { file: message });

// ---------------------------------------------------------------------------------------------
// The upload

const isMultipart = (req: Request) =>
  (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/** Room for the form's other parts and boundaries around the file. */
const FORM_OVERHEAD = 64 * 1024;

/** The body's bytes, counted as they arrive: past `max` it is a 413, Content-Length or not. */
async function readBody(req: Request, max: number, tooLarge: () => AppError): Promise<Uint8Array> {
  if (Number(req.headers.get("content-length") ?? "0") > max) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The import's multipart body: `planId` and the `file`. Not multipart is a 415; a file past
 * 5 MB a 413 (counted as it arrives); no file a 400 on `file`; a bad `planId` a 400 on `planId`.
 */
export async function readTasksUpload(
  req: Request,
  locale: Locale,
): Promise<{ planId: number; bytes: Uint8Array }> {
  if (!isMultipart(req))
    throw fileError("unsupported_media_type", fileIssueText(locale, "notXlsx"));
  const tooLarge = () =>
    fileError(
      "payload_too_large",
      fileIssueText(locale, "tooLarge", { max: MAX_XLSX_BYTES / 1024 / 1024 }),
    );
  const body = await readBody(req, MAX_XLSX_BYTES + FORM_OVERHEAD, tooLarge);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    throw fileError("validation_failed", fileIssueText(locale, "noFile"));
  }
  const { planId } = await parseInput(z.object({ planId: idParam }), {
    planId: form.get("planId") ?? undefined,
  });
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) {
    throw fileError("validation_failed", fileIssueText(locale, "noFile"));
  }
  if (file.size > MAX_XLSX_BYTES) throw tooLarge();
  return { planId, bytes: new Uint8Array(await file.arrayBuffer()) };
}

// ---------------------------------------------------------------------------------------------
// The workbook

/** A cell's value as plain text, number, boolean or date (a formula's cached result). */
function plain(value: ExcelJS.CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value instanceof Date
  ) {
    return value;
  }
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return plain((value.result ?? null) as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return plain(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return null;
}

const isEmpty = (value: CellInput | undefined) =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** A header as typed, without spaces and with full-width brackets made plain. */
const normalHeader = (text: string) =>
  text.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");

const HEADERS = new Map(COLUMNS.map((column) => [normalHeader(column.header), column.key]));

/** The header row among the first few: the first naming at least three template columns. */
function findHeader(sheet: ExcelJS.Worksheet) {
  for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
    const columns: Partial<Record<ColumnKey, number>> = {};
    sheet.getRow(r).eachCell((cell, col) => {
      const value = plain(cell.value);
      const key = typeof value === "string" ? HEADERS.get(normalHeader(value)) : undefined;
      if (key && columns[key] === undefined) columns[key] = col;
    });
    if (Object.keys(columns).length >= 3) return { row: r, columns };
  }
  return null;
}

/**
 * Reads the tasks sheet of an uploaded workbook (the sheet named 任务, else the first): its
 * columns found by their headers, and every non-empty row below. What is not an .xlsx workbook is
 * a 415; a workbook without the template's header or rows is a 400 on `file`.
 */
export async function readTasksSheet(bytes: Uint8Array, locale: Locale): Promise<TasksSheet> {
  const notXlsx = () => fileError("unsupported_media_type", fileIssueText(locale, "notXlsx"));
  const invalid = (
    key: Parameters<typeof fileIssueText>[1],
    params?: Record<string, string | number>,
  ) => fileError("validation_failed", fileIssueText(locale, key, params));

  // Every .xlsx is a zip archive: "PK\x03\x04".
  const isZip =
    bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
  if (!isZip) throw notXlsx();
  // Before exceljs (JSZip) inflates anything: what the entries really inflate to, not what they claim.
  const verdict = checkZip(bytes, XLSX_ZIP_LIMITS);
  if (verdict === "unreadable") throw notXlsx();
  if (verdict === "tooLarge") throw invalid("tooBig");

  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(
      buffer as unknown as Parameters<ExcelJS.Xlsx["load"]>[0],
      {
        // Ranges in these could stand for millions of cells; the import needs none of them.
        ignoreNodes: ["dataValidations", "conditionalFormatting", "mergeCells", "hyperlinks"],
        maxRows: MAX_SHEET_ROWS,
        maxCols: MAX_SHEET_COLUMNS,
      } as Parameters<ExcelJS.Xlsx["load"]>[1],
    );
  } catch (error) {
    if (error instanceof Error && /^Max \w+ count/.test(error.message)) {
      throw invalid("tooManyRows", { max: MAX_XLSX_ROWS });
    }
    throw notXlsx();
  }
  const sheet = workbook.getWorksheet(TASKS_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw notXlsx();

  const header = findHeader(sheet);
  if (!header) throw invalid("noHeader");
  const missing = REQUIRED_COLUMNS.filter((key) => header.columns[key] === undefined);
  if (missing.length > 0) {
    const names = COLUMNS.filter((c) => missing.includes(c.key)).map((c) => c.header);
    throw invalid("missingColumns", { columns: names.join("、") });
  }

  const rows: SheetRow[] = [];
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SheetRow["cells"] = {};
    for (const [key, col] of Object.entries(header.columns) as [ColumnKey, number][]) {
      const value = plain(row.getCell(col).value);
      if (!isEmpty(value)) cells[key] = value;
    }
    if (Object.keys(cells).length === 0) continue;
    if (rows.length === MAX_XLSX_ROWS) throw invalid("tooManyRows", { max: MAX_XLSX_ROWS });
    rows.push({ row: r, cells });
  }
  if (rows.length === 0) throw invalid("noRows");
  return { columns: header.columns, rows };
}
