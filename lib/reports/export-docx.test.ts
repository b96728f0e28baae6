import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { LIGHT_COLOURS, REPORT_COLUMNS } from "./cells";
import { officeTime } from "./cells";
import { chineseNumber, reportDocx, xmlSafe } from "./export-docx";
import {
  COMPLETED_TASK,
  HYPERLINK,
  PROJECTS,
  PUBLISHED_BY,
  STUDY_TASK,
  demoNovember,
  reportOf,
  rowsWith,
} from "./testing";

interface Unpacked {
  /** word/document.xml as written. */
  xml: string;
  /** The text of each paragraph, its runs joined and entities decoded. */
  paragraphs: string[];
  styles: string;
  footer: string;
}

function decode(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

async function unpack(bytes: Uint8Array): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing`);
    return file.async("string");
  };
  const xml = await read("word/document.xml");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
  const footerName = Object.keys(zip.files).find((name) => /^word\/footer\d*\.xml$/.test(name));
  return {
    xml,
    paragraphs,
    styles: await read("word/styles.xml"),
    footer: footerName ? await read(footerName) : "",
  };
}

/** Rows of 党政办 and 张三, yellow at 90% of their time unless said otherwise. */
const row = rowsWith({ light: "yellow", timeProgress: 0.9 });

const ROWS = [
  row({
    ...STUDY_TASK,
    problems: "场地紧张\u0007，部分群众未能参加",
  }),
  row({ taskId: 2, projectId: 10, number: 2, title: HYPERLINK, notReported: true }),
  row({ ...COMPLETED_TASK, title: "新增公共停车位 <A&B>" }),
];

const REPORT = reportOf(ROWS, [...PROJECTS, { id: 15, title: "无任务的板块" }], {
  narrative: "截至2023年11月底，共有重点任务3项。\n本月有1个单位的1项任务未按期填报进展。",
  // Two tasks of one owner (the second of them not among the rows).
  notReported: [
    {
      unitId: 1,
      unitName: "党政办",
      ownerId: 1,
      ownerName: "张三",
      tasks: [
        { id: 2, title: HYPERLINK },
        { id: 4, title: "另一项任务" },
      ],
    },
  ],
  published: PUBLISHED_BY,
});

describe("reportDocx", () => {
  let doc: Unpacked;
  beforeAll(async () => {
    doc = await unpack(await reportDocx(REPORT));
  });

  it("is an A4 landscape page with narrow margins and page numbers in the footer", () => {
    expect(doc.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="1020" w:right="850" w:bottom="1020" w:left="850"/);
    expect(doc.footer).toContain("PAGE");
    expect(doc.footer).toContain("NUMPAGES");
  });

  it("starts with the title, the report date and who published it (Shanghai time)", () => {
    expect(doc.paragraphs.slice(0, 3)).toEqual([
      "白杨街道2023年11月重点工作推进情况",
      "数据截至 2023-11-30",
      "已定稿：陆文博，2023-12-01 09:30",
    ]);
    expect(doc.xml).toContain('<w:pStyle w:val="ReportTitle"/>');
  });

  it("leaves out the published line of a report not published", async () => {
    const draft = await unpack(await reportDocx({ ...REPORT, published: undefined }));
    expect(draft.paragraphs[1]).toBe("数据截至 2023-11-30");
    expect(draft.paragraphs.some((p) => p.startsWith("已定稿"))).toBe(false);
  });

  it("names the filters after the report date, before who published it", async () => {
    const filtered = await unpack(
      await reportDocx({
        ...REPORT,
        filters: { projectId: 10, projectTitle: "讲政治，党建引领", unitId: 1, unitName: "党政办" },
      }),
    );
    expect(filtered.paragraphs.slice(0, 4)).toEqual([
      "白杨街道2023年11月重点工作推进情况",
      "数据截至 2023-11-30",
      "筛选范围：工作板块：讲政治，党建引领；单位：党政办（牵头或配合）",
      "已定稿：陆文博，2023-12-01 09:30",
    ]);
    const unitOnly = await unpack(
      await reportDocx({
        ...REPORT,
        published: undefined,
        filters: { unitId: 1, unitName: "党政办" },
      }),
    );
    expect(unitOnly.paragraphs.slice(1, 3)).toEqual([
      "数据截至 2023-11-30",
      "筛选范围：单位：党政办（牵头或配合）",
    ]);
    expect(doc.paragraphs.some((p) => p.startsWith("筛选范围"))).toBe(false);
  });

  it("has the three sections, the narrative a paragraph per line, and the summary", () => {
    const p = doc.paragraphs;
    const one = p.indexOf("一、总体情况");
    const two = p.indexOf("二、分项推进情况");
    const three = p.indexOf("三、本月未按期填报情况");
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    expect(three).toBeGreaterThan(two);
    expect(p[one + 1]).toBe("截至2023年11月底，共有重点任务3项。");
    expect(p[one + 2]).toBe("本月有1个单位的1项任务未按期填报进展。");
    // The summary table: label then value.
    const summary = p.slice(one + 3, two);
    expect(summary.slice(0, 4)).toEqual(["重点任务", "3项", "已完成", "1项"]);
    expect(summary).toContain("整体任务进度");
    // (0.5 + 0.5 + 1) / 3.
    expect(summary[summary.indexOf("整体任务进度") + 1]).toBe("67%");
    expect(summary[summary.indexOf("滞后") + 1]).toBe("1项");
    expect(summary[summary.indexOf("本月未按期填报") + 1]).toBe("1项");
    expect(doc.xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(3);
  });

  it("has a sub-heading and a table per project with tasks, in order, numbered in Chinese", () => {
    const p = doc.paragraphs;
    expect(p).toContain("（一）讲政治，党建引领");
    expect(p).toContain("（二）惠民生");
    expect(p.some((text) => text.includes("无任务的板块"))).toBe(false);
    expect(p.indexOf("（二）惠民生")).toBeGreaterThan(p.indexOf("（一）讲政治，党建引领"));
    expect(doc.xml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(2);
    // Two project tables and the summary table.
    expect(doc.xml.match(/<w:tbl>/g)).toHaveLength(3);
  });

  it("gives each table a shaded header row repeated on every page, with the columns' headers", () => {
    const headerRows = [...doc.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)]
      .map((m) => m[0])
      .filter((tr) => tr.includes("<w:tblHeader/>"));
    expect(headerRows).toHaveLength(2);
    for (const tr of headerRows) {
      const texts = [...tr.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]);
      expect(texts).toEqual(REPORT_COLUMNS.map((column) => column.header));
      expect(tr.match(/<w:shd w:fill="D9D9D9"/g)).toHaveLength(REPORT_COLUMNS.length);
      expect(tr.match(/<w:b\/>/g)).toHaveLength(REPORT_COLUMNS.length);
    }
    expect(doc.xml).toContain('<w:tblW w:type="pct" w:w="5000"/>');
    const grid = doc.xml.match(/<w:tblGrid>((?:<w:gridCol w:w="\d+"\/>){12})<\/w:tblGrid>/);
    expect(grid).not.toBeNull();
    const widths = [...grid![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths.reduce((sum, w) => sum + w, 0)).toBe(16838 - 2 * 850);
    // 工作任务 (36) is wider than 牵头单位 (14), which is wider than 序号.
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    expect(widths[2]).toBeGreaterThan(widths[0]!);
  });

  it("has each task's cells, multi-line cells as paragraphs, the light cell in its colour", () => {
    const p = doc.paragraphs;
    expect(p).toContain("组织学习宣传党的二十大精神");
    expect(p).toContain(HYPERLINK);
    expect(p).toContain("新增公共停车位 <A&B>");
    expect(doc.xml).toContain("新增公共停车位 &lt;A&amp;B&gt;");
    expect(p).toContain("开展宣讲：目标120场 / 累计115场");
    expect(p).toContain("覆盖党员：目标800人 / 累计—");
    expect(p).toContain('11月3日开展"微宣讲"，覆盖社区、企业');
    expect(p).toContain("11月20日开展集中宣讲");
    // The bell character is gone; the rest stays.
    expect(p).toContain("场地紧张，部分群众未能参加");
    expect(doc.xml).not.toContain("\u0007");
    // The light cells of the project tables (the summary table has labels 绿灯 … too).
    const details = doc.xml.slice(doc.xml.indexOf("二、分项推进情况"));
    for (const [label, light] of [
      ["绿灯", "green"],
      ["黄灯", "yellow"],
      ["蓝灯", "blue"],
    ] as const) {
      const cell = details.match(
        new RegExp(`<w:tc><w:tcPr>(?:(?!<w:tc>).)*?<w:t xml:space="preserve">${label}</w:t>`),
      );
      expect(cell, label).not.toBeNull();
      expect(cell![0]).toContain(`<w:shd w:fill="${LIGHT_COLOURS[light]}"`);
    }
  });

  it("lists who has not reported, or says all have", async () => {
    const three = doc.paragraphs.indexOf("三、本月未按期填报情况");
    expect(doc.paragraphs[three + 1]).toBe(`党政办 张三：${HYPERLINK}；另一项任务`);
    const all = await unpack(await reportDocx({ ...REPORT, notReported: [] }));
    const at = all.paragraphs.indexOf("三、本月未按期填报情况");
    expect(all.paragraphs[at + 1]).toBe("本月各项任务均已按期填报进展。");
  });

  it("sets the Chinese fonts as East Asian fonts: 仿宋 text, 黑体 headings, 宋体 title", () => {
    const defaults = doc.styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(defaults).toContain('w:eastAsia="仿宋"');
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    const style = (id: string) =>
      doc.styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`))![0];
    expect(style("Heading1")).toContain('w:eastAsia="黑体"');
    expect(style("Heading2")).toContain('w:eastAsia="黑体"');
    expect(style("ReportTitle")).toContain('w:eastAsia="宋体"');
    expect(style("ReportTitle")).toContain('<w:sz w:val="44"/>');
  });
});

describe("docx helpers", () => {
  it("numbers in Chinese", () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99].map(chineseNumber)).toEqual([
      "一",
      "二",
      "九",
      "十",
      "十一",
      "十九",
      "二十",
      "二十一",
      "九十九",
    ]);
    expect(chineseNumber(100)).toBe("100");
  });

  it("strips the characters XML cannot hold, and keeps the rest", () => {
    expect(xmlSafe("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf")).toBe("abcdef");
    expect(xmlSafe("a\tb\nc\rd")).toBe("a\tb\nc\rd");
    expect(xmlSafe("lone \uD800 surrogate")).toBe("lone  surrogate");
    expect(xmlSafe("emoji 😀 中文")).toBe("emoji 😀 中文");
  });

  it("shows an instant on Shanghai's clock whatever the server's zone", () => {
    expect(officeTime("2023-12-01T01:30:00.000Z", "Asia/Shanghai")).toBe("2023-12-01 09:30");
    expect(officeTime("2023-11-30T16:05:00.000Z", "Asia/Shanghai")).toBe("2023-12-01 00:05");
  });
});

describe("reportDocx of the demo plan", () => {
  const november = demoNovember();

  it("has every task, and task 1's cumulative figure", async () => {
    const report = await november();
    expect(report.rows.length).toBe(43);
    const doc = await unpack(await reportDocx(report));
    for (const r of report.rows) expect(doc.paragraphs).toContain(r.title);
    const headings = report.projects.filter((project) =>
      report.rows.some((r) => r.projectId === project.id),
    );
    headings.forEach((project, i) =>
      expect(doc.paragraphs).toContain(`（${chineseNumber(i + 1)}）${project.title}`),
    );
    expect(doc.paragraphs.some((p) => p.includes("累计115场"))).toBe(true);
    expect(doc.paragraphs).toContain(report.title);
  });
});

describe("reportDocx and hostile text", () => {
  it("writes user text as text runs only: escaped, never a field or markup", async () => {
    const script = '<script>alert("x")</script>';
    const field = '{ INCLUDETEXT "http://evil.example" } =1+1';
    const doc = await unpack(
      await reportDocx(
        reportOf(
          [row({ taskId: 9, projectId: 10, number: 1, title: script, problems: field })],
          [{ id: 10, title: HYPERLINK }],
        ),
      ),
    );
    expect(doc.xml).toMatch(
      /<w:t(?: [^>]*)?>&lt;script&gt;alert\((?:"|&quot;)x(?:"|&quot;)\)&lt;\/script&gt;<\/w:t>/,
    );
    expect(doc.paragraphs).toContain(script);
    expect(doc.paragraphs).toContain(field);
    expect(doc.paragraphs.some((p) => p.includes(HYPERLINK))).toBe(true);
    // Fields (w:fldSimple, w:instrText) live in the footer's page numbers only, never in the body.
    expect(doc.xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
    expect(doc.xml).not.toContain("<script");
  });
});
