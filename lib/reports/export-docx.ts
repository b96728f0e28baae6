/**
 * 月报 as a Word document in the usual government layout: A4 landscape (the per-project tables
 * have twelve columns), title in 宋体, headings in 黑体, text in 仿宋, page numbers in the footer.
 * Every font names its East Asian face (`w:eastAsia`) and the runs carry the East Asian hint, so
 * Word and WPS set the Chinese text in it rather than in a Latin fallback.
 */
import "server-only";
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  type IFontAttributesProperties,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import {
  ALL_REPORTED,
  LIGHT_COLOURS,
  REPORT_COLUMNS,
  cellText,
  publishedLine,
  scopeText,
  summaryLines,
  type ReportColumnKey,
} from "./cells";
import type { MonthlyReport, NotReportedOwner, ReportRow } from "./types";

// Page: A4 (210 × 297 mm) in twips; docx swaps width and height for a landscape page, so the
// section says w:w="16838" w:h="11906" w:orient="landscape".
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN_SIDE = 850; // 1.5 cm
const MARGIN_TOP_BOTTOM = 1020; // 1.8 cm
const CONTENT_WIDTH = A4_LONG - 2 * MARGIN_SIDE;

// Sizes in half-points.
const SIZE_TITLE = 44; // 二号
const SIZE_HEADING = 32; // 三号
const SIZE_SUBHEADING = 30; // 小三
const SIZE_BODY = 28; // 四号
const SIZE_TABLE = 20; // 10 pt

const HEADER_FILL = "D9D9D9";
const LABEL_FILL = "F2F2F2";

/** A font with its East Asian face (宋体, 黑体, 仿宋) and Times New Roman for Latin text and figures. */
function font(eastAsia: "宋体" | "黑体" | "仿宋"): IFontAttributesProperties {
  return {
    ascii: "Times New Roman",
    hAnsi: "Times New Roman",
    cs: "Times New Roman",
    eastAsia,
    hint: "eastAsia",
  };
}

const BODY_FONT = font("仿宋");
const HEADING_FONT = font("黑体");
const TITLE_FONT = font("宋体");

// XML 1.0 allows tab, LF, CR and the code points from U+0020 except lone surrogates and U+FFFE/F.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without the characters XML 1.0 cannot hold (control characters, lone surrogates). */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, "");
}

/** The lines of a text, each a paragraph in Word. */
function lines(text: string): string[] {
  return xmlSafe(text).split(/\r\n|\r|\n/);
}

/** 1 → "一", 10 → "十", 12 → "十二", 20 → "二十", 35 → "三十五" (1–99; beyond, the figure). */
export function chineseNumber(n: number): string {
  const digits = "零一二三四五六七八九";
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : digits[tens]}十${ones === 0 ? "" : digits[ones]}`;
}

function bodyParagraph(text: string, options: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: xmlSafe(text) })],
    // Two characters' indent: in characters for Word and WPS, in twips for the others.
    indent: options.indent ? { firstLineChars: 200, firstLine: 2 * SIZE_BODY * 10 } : undefined,
    spacing: { line: 360 },
  });
}

function heading(text: string, level: "heading" | "subheading"): Paragraph {
  return new Paragraph({
    heading: level === "heading" ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [new TextRun({ text: xmlSafe(text) })],
    keepNext: true,
  });
}

/** A table cell of text: each line a paragraph, in the table's size. */
function textCell(
  text: string,
  options: {
    width: number;
    bold?: boolean;
    centered?: boolean;
    fill?: string;
    headingFont?: boolean;
  },
): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: options.fill
      ? { type: ShadingType.CLEAR, color: "auto", fill: options.fill }
      : undefined,
    children: lines(text).map(
      (line) =>
        new Paragraph({
          alignment: options.centered ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [
            new TextRun({
              text: line,
              bold: options.bold,
              size: SIZE_TABLE,
              font: options.headingFont ? HEADING_FONT : BODY_FONT,
            }),
          ],
        }),
    ),
  });
}

// Column widths in proportion to the report's (Excel) widths, with a floor so that the narrow
// columns (序号, 亮灯) hold two characters on one line.
const MIN_WEIGHT = 8;
const COLUMN_WIDTHS: number[] = (() => {
  const weights = REPORT_COLUMNS.map((column) => Math.max(column.width, MIN_WEIGHT));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((sum, w) => sum + w, 0);
  return widths;
})();

const CENTERED: ReadonlySet<ReportColumnKey> = new Set<ReportColumnKey>([
  "number",
  "owner",
  "dueDate",
  "progress",
  "light",
  "urgeCount",
]);

const CELL_MARGINS = { top: 28, bottom: 28, left: 57, right: 57 };

function projectTable(rows: readonly ReportRow[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: REPORT_COLUMNS.map((column, i) =>
      textCell(column.header, {
        width: COLUMN_WIDTHS[i]!,
        bold: true,
        centered: true,
        fill: HEADER_FILL,
        headingFont: true,
      }),
    ),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        children: REPORT_COLUMNS.map((column, i) =>
          textCell(cellText(row, column.key), {
            width: COLUMN_WIDTHS[i]!,
            centered: CENTERED.has(column.key),
            fill: column.key === "light" ? LIGHT_COLOURS[row.light] : undefined,
          }),
        ),
      }),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    rows: [header, ...body],
  });
}

const SUMMARY_PAIRS_PER_ROW = 4;

/** The summary figures, four label/value pairs a row, the labels shaded. */
function summaryTable(report: MonthlyReport): Table {
  const pairs = summaryLines(report.summary);
  const pairWidth = Math.floor(CONTENT_WIDTH / SUMMARY_PAIRS_PER_ROW);
  const labelWidth = Math.round(pairWidth * 0.6);
  const valueWidth = pairWidth - labelWidth;
  const rows: TableRow[] = [];
  for (let start = 0; start < pairs.length; start += SUMMARY_PAIRS_PER_ROW) {
    const cells: TableCell[] = [];
    for (let k = 0; k < SUMMARY_PAIRS_PER_ROW; k++) {
      const [label, value] = pairs[start + k] ?? ["", ""];
      cells.push(
        textCell(label, { width: labelWidth, fill: LABEL_FILL, centered: true }),
        textCell(value, { width: valueWidth, centered: true }),
      );
    }
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: SUMMARY_PAIRS_PER_ROW }, () => [
      labelWidth,
      valueWidth,
    ]).flat(),
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    rows,
  });
}

function notReportedLine(owner: NotReportedOwner): string {
  return `${owner.unitName} ${owner.ownerName}：${owner.tasks.map((task) => task.title).join("；")}`;
}

/** A gap after a table, before the next heading. */
function spacer(): Paragraph {
  return new Paragraph({ children: [] });
}

function content(report: MonthlyReport): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      style: "ReportTitle",
      children: [new TextRun({ text: xmlSafe(report.title) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: xmlSafe(`数据截至 ${report.asOf}`) })],
    }),
  ];
  const centred = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: xmlSafe(text) })],
    });
  const scope = scopeText(report.filters);
  if (scope) children.push(centred(scope));
  if (report.published) children.push(centred(publishedLine(report.published, report.timeZone)));

  children.push(heading("一、总体情况", "heading"));
  for (const line of lines(report.narrative)) {
    if (line.trim() !== "") children.push(bodyParagraph(line, { indent: true }));
  }
  children.push(summaryTable(report), spacer());

  children.push(heading("二、分项推进情况", "heading"));
  let ordinal = 0;
  for (const project of report.projects) {
    const rows = report.rows.filter((row) => row.projectId === project.id);
    if (rows.length === 0) continue;
    ordinal += 1;
    children.push(
      heading(`（${chineseNumber(ordinal)}）${project.title}`, "subheading"),
      projectTable(rows),
      spacer(),
    );
  }
  if (ordinal === 0) children.push(bodyParagraph("暂无重点任务。", { indent: true }));

  children.push(heading("三、本月未按期填报情况", "heading"));
  if (report.notReported.length === 0) {
    children.push(bodyParagraph(ALL_REPORTED, { indent: true }));
  } else {
    for (const owner of report.notReported) {
      children.push(bodyParagraph(notReportedLine(owner), { indent: true }));
    }
  }
  return children;
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 21,
            children: ["第 ", PageNumber.CURRENT, " 页 / 共 ", PageNumber.TOTAL_PAGES, " 页"],
          }),
        ],
      }),
    ],
  });
}

export async function reportDocx(report: MonthlyReport): Promise<Uint8Array> {
  const doc = new Document({
    title: xmlSafe(report.title),
    creator: "Street Goals",
    styles: {
      default: {
        document: {
          run: {
            font: BODY_FONT,
            size: SIZE_BODY,
            language: { value: "en-US", eastAsia: "zh-CN" },
          },
        },
        heading1: {
          run: { font: HEADING_FONT, size: SIZE_HEADING, bold: false, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: HEADING_FONT, size: SIZE_SUBHEADING, bold: false, color: "000000" },
          paragraph: { spacing: { before: 180, after: 120 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: "ReportTitle",
          name: "Report Title",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: TITLE_FONT, size: SIZE_TITLE, bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: MARGIN_TOP_BOTTOM,
              bottom: MARGIN_TOP_BOTTOM,
              left: MARGIN_SIDE,
              right: MARGIN_SIDE,
              header: 567,
              footer: 567,
            },
          },
        },
        footers: { default: pageFooter() },
        children: content(report),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
