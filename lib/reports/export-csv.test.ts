import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/seed-demo";
import { resolvePlan } from "@/lib/plans/queries";
import { closeTestDatabase, openTestDatabase } from "@/lib/testing/database";
import { REPORT_COLUMNS } from "./cells";
import { csvField, neutralizeFormula, reportCsv } from "./export-csv";
import { buildMonthlyReport } from "./monthly-report";
import type { MonthlyReport, ReportRow } from "./types";

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

function row(
  values: Partial<ReportRow> & Pick<ReportRow, "taskId" | "projectId" | "number" | "title">,
): ReportRow {
  return {
    leadUnitId: 1,
    leadUnitName: "党政办",
    coUnitIds: [],
    ownerId: 1,
    ownerName: "张三",
    startDate: "2023-01-01",
    dueDate: "2023-12-31",
    weight: 1,
    indicators: [],
    progress: 0.5,
    timeProgress: 0.9,
    light: "red",
    completed: false,
    overdue: false,
    notReported: false,
    monthProgress: "",
    problems: "",
    nextSteps: "",
    urgeCount: 0,
    ...values,
  };
}

const REPORT: MonthlyReport = {
  planId: 1,
  planTitle: "白杨街道2023年工作计划",
  timeZone: "Asia/Shanghai",
  month: "2023-11",
  asOf: "2023-11-30",
  complete: true,
  title: "白杨街道2023年11月重点工作推进情况",
  filters: {},
  summary: {
    taskCount: 3,
    completed: 1,
    onPace: 1,
    behind: 1,
    notStarted: 0,
    overdue: 0,
    notReported: 1,
    progress: 0.7,
    timeProgress: 0.9,
    lights: { green: 1, yellow: 0, red: 1, blue: 1 },
  },
  narrative: "截至2023年11月底，共有重点任务3项。",
  projects: [
    { id: 10, title: "讲政治，党建引领", taskCount: 2, progress: 0.6, timeProgress: 0.9 },
    { id: 20, title: "惠民生", taskCount: 1, progress: 1, timeProgress: 0.9 },
  ],
  rows: [
    row({
      taskId: 1,
      projectId: 10,
      number: 1,
      title: "组织学习宣传党的二十大精神",
      indicators: [
        { name: "开展宣讲", unit: "场", decimals: 0, target: 120, current: 115 },
        { name: "覆盖党员", unit: "人", decimals: 0, target: 800, current: null },
      ],
      monthProgress: '11月3日开展"微宣讲"，覆盖社区、企业\n11月20日开展集中宣讲',
      problems: "场地紧张，部分群众未能参加",
      nextSteps: "-继续开展宣讲",
      light: "green",
      progress: 0.96,
      urgeCount: 2,
    }),
    row({
      taskId: 2,
      projectId: 10,
      number: 2,
      title: '=HYPERLINK("http://evil.example","点此")',
      notReported: true,
    }),
    row({
      taskId: 3,
      projectId: 20,
      number: 1,
      title: "新增公共停车位",
      leadUnitName: "城建科, 综合执法队",
      monthProgress: "@SUM(A1)\r\n已完成",
      light: "blue",
      completed: true,
      progress: 1,
    }),
  ],
  notReported: [
    {
      unitId: 1,
      unitName: "党政办",
      ownerId: 1,
      ownerName: "张三",
      tasks: [{ id: 2, title: '=HYPERLINK("http://evil.example","点此")' }],
    },
  ],
  published: { at: "2023-12-01T01:30:00.000Z", byId: 2, byName: "陆文博" },
};

const HEADER = [
  "工作板块",
  "序号",
  "工作任务",
  "牵头单位",
  "责任人",
  "完成时限",
  "指标（目标 / 累计）",
  "完成率",
  "本月进展",
  "存在问题",
  "下步计划",
  "亮灯",
  "催办次数",
];

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
  beforeAll(async () => {
    const db = openTestDatabase();
    await seedDemo(db, { hashPassword: async (p) => p });
  });
  afterAll(closeTestDatabase);

  it("has a row per task, with November's cumulative figures", async () => {
    const report = buildMonthlyReport(await resolvePlan(), "2023-11", "2026-11-26");
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
