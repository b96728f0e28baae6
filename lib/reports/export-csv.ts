/**
 * 月报 as CSV: the detail table, one line per task, with the project (工作板块) in front.
 *
 * - UTF-8 with a byte order mark, so Excel (which otherwise assumes the system's ANSI code page,
 *   GBK on Chinese Windows) and WPS open the Chinese text correctly.
 * - RFC 4180: CRLF line ends; a field holding a comma, a double quote, CR or LF is quoted, with
 *   its quotes doubled. Multi-line cells (indicators, 本月进展) keep their line breaks inside quotes.
 */
import { cellText, REPORT_COLUMNS } from "./cells";
import type { MonthlyReport } from "./types";

const BOM = "\uFEFF";
const LINE_END = "\r\n";

/**
 * CSV injection ("formula injection"): a spreadsheet treats a cell starting with = + - @ (and, in
 * some, a tab or carriage return before them) as a formula, so a task title such as
 * `=HYPERLINK("http://…","点此")` would run when the file is opened. As OWASP advises, such a cell
 * is prefixed with an apostrophe ('), which makes the spreadsheet read it as text; the apostrophe
 * shows, which is the accepted price. Our own cells are never affected: 序号, 完成率 and 催办次数
 * are non-negative numbers as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(text: string): string {
  const value = neutralizeFormula(text);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",") + LINE_END;
}

export function reportCsv(report: MonthlyReport): string {
  const projectTitles = new Map(report.projects.map((project) => [project.id, project.title]));
  const header = csvLine(["工作板块", ...REPORT_COLUMNS.map((column) => column.header)]);
  const lines = report.rows.map((row) =>
    csvLine([
      projectTitles.get(row.projectId) ?? "",
      ...REPORT_COLUMNS.map((column) => cellText(row, column.key)),
    ]),
  );
  return BOM + header + lines.join("");
}
