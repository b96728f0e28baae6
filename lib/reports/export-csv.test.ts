import { describe, expect, it } from "vitest";
import { REPORT_COLUMNS } from "./cells";
import { csvField, neutralizeFormula, reportCsv } from "./export-csv";
import {
  COLUMN_HEADERS,
  COMPLETED_TASK,
  HYPERLINK,
  PROJECTS,
  PUBLISHED_BY,
  STUDY_TASK,
  demoNovember,
  reportOf,
  rowsWith,
} from "./testing";

/** RFC 4180 parsed strictly: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ",") {
      record.push(field);
      field = "";
      i += 1;
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (c === "\r" || c === "\n") {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length > 0) throw new Error("last record without CRLF");
  return records;
}

/** Rows of 党政办 and 张三, red at 90% of their time unless said otherwise. */
const row = rowsWith({ light: "red", timeProgress: 0.9 });

const ROWS = [
  row({
    ...STUDY_TASK,
    problems: "场地紧张，部分群众未能参加",
    nextSteps: "-继续开展宣讲",
    progress: 0.96,
    urgeCount: 2,
  }),
  row({
    taskId: 2,
    projectId: 10,
    number: 2,
    title: HYPERLINK,
    notReported: true,
  }),
  row({
    ...COMPLETED_TASK,
    title: "新增公共停车位",
    leadUnitName: "城建科, 综合执法队",
    monthProgress: "@SUM(A1)\r\n已完成",
  }),
];

const REPORT = reportOf(ROWS, PROJECTS, { published: PUBLISHED_BY });

const HEADER = ["工作板块", ...COLUMN_HEADERS];

describe("reportCsv", () => {
  const csv = reportCsv(REPORT);

  it("starts with a byte order mark and ends every line with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    // Every LF outside the multi-line cells follows a CR.
    expect(parseCsv(csv.slice(1))).toHaveLength(4);
  });

  it("has the project column then the report's columns as its header", () => {
    const [header] = parseCsv(csv.slice(1));
    expect(header).toEqual(HEADER);
    expect(header!.slice(1)).toEqual(REPORT_COLUMNS.map((column) => column.header));
    expect(csv.slice(1, csv.indexOf("\r\n"))).toBe(HEADER.join(","));
  });

  it("has one row per task, with its project's title and the cells' text", () => {
    const [, first, second, third] = parseCsv(csv.slice(1));
    expect(first).toEqual([
      "讲政治，党建引领",
      "1",
      "组织学习宣传党的二十大精神",
      "党政办",
      "张三",
      "2023-12-31",
      "开展宣讲：目标120场 / 累计115场\n覆盖党员：目标800人 / 累计—",
      "96%",
      '11月3日开展"微宣讲"，覆盖社区、企业\n11月20日开展集中宣讲',
      "场地紧张，部分群众未能参加",
      "'-继续开展宣讲",
      "绿灯",
      "2",
    ]);
    expect(second![0]).toBe("讲政治，党建引领");
    expect(second![1]).toBe("2");
    expect(second![11]).toBe("红灯");
    expect(third!.slice(0, 4)).toEqual(["惠民生", "1", "新增公共停车位", "城建科, 综合执法队"]);
    expect(third![7]).toBe("100%");
    expect(third![11]).toBe("蓝灯");
  });

  it("quotes fields with commas, quotes and line breaks, doubling the quotes", () => {
    expect(csv).toContain('"开展宣讲：目标120场 / 累计115场\n覆盖党员：目标800人 / 累计—"');
    expect(csv).toContain('"11月3日开展""微宣讲""，覆盖社区、企业\n11月20日开展集中宣讲"');
    expect(csv).toContain(',"城建科, 综合执法队",');
    // Chinese commas need no quotes.
    expect(csv).toContain("\r\n讲政治，党建引领,1,组织学习宣传党的二十大精神,");
  });

  it("neutralizes cells a spreadsheet would read as formulas", () => {
    const [, , second, third] = parseCsv(csv.slice(1));
    expect(second![2]).toBe(`'=HYPERLINK("http://evil.example","点此")`);
    expect(third![8]).toBe("'@SUM(A1)\r\n已完成");
    expect(csv).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
  });
});

describe("csvField", () => {
  it("leaves plain text alone and quotes what RFC 4180 requires", () => {
    expect(csvField("党政办")).toBe("党政办");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
    expect(csvField("one\rtwo")).toBe('"one\rtwo"');
    expect(csvField("")).toBe("");
  });

  it("prefixes an apostrophe to = + - @ tab and CR at the start only", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutralizeFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(neutralizeFormula("1+1=2")).toBe("1+1=2");
    expect(neutralizeFormula("")).toBe("");
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField('=A1&","')).toBe(`"'=A1&"","""`);
  });
});

describe("reportCsv of the demo plan", () => {
  const november = demoNovember();

  it("has a row per task, with November's cumulative figures", async () => {
    const report = await november();
    const records = parseCsv(reportCsv(report).slice(1));
    expect(report.rows.length).toBe(43);
    expect(records).toHaveLength(report.rows.length + 1);
    const first = records.find((record) => record[2] === "组织各级党组织学习宣传党的二十大精神");
    expect(first).toBeDefined();
    expect(first![1]).toBe("1");
    expect(first![6]).toContain("累计115场");
    for (const [i, r] of report.rows.entries()) {
      expect(records[i + 1]![2]).toBe(r.title);
    }
  });
});
