import { describe, expect, it } from "vitest";
import { reportFileName, scopeText } from "./cells";
import { reportFile } from "./export";
import { reportOf, reportRow } from "./testing";

const TITLE = "白杨街道2023年11月重点工作推进情况";

const REPORT = reportOf(
  [
    reportRow({ taskId: 1, projectId: 1, leadUnitId: 1, leadUnitName: "城管科" }),
    reportRow({ taskId: 2, projectId: 2, number: 1, leadUnitId: 2, leadUnitName: "建设科" }),
  ],
  [
    { id: 1, title: "城市管理" },
    { id: 2, title: "民生保障" },
  ],
);

const PROJECT = { projectId: 1, projectTitle: "城市管理" };
const UNIT = { unitId: 1, unitName: "城管科" };

describe("scopeText", () => {
  it("names the project and the unit filtered on, or is undefined for the whole report", () => {
    expect(scopeText({})).toBeUndefined();
    expect(scopeText(PROJECT)).toBe("筛选范围：工作板块：城市管理");
    expect(scopeText(UNIT)).toBe("筛选范围：单位：城管科（牵头或配合）");
    expect(scopeText({ ...PROJECT, ...UNIT })).toBe(
      "筛选范围：工作板块：城市管理；单位：城管科（牵头或配合）",
    );
  });
});

describe("reportFileName", () => {
  it("is the report's title, with the filters' names in brackets when filtered", () => {
    expect(reportFileName(REPORT, "xlsx")).toBe(`${TITLE}.xlsx`);
    expect(reportFileName({ ...REPORT, filters: PROJECT }, "docx")).toBe(
      `${TITLE}（城市管理）.docx`,
    );
    expect(reportFileName({ ...REPORT, filters: UNIT }, "csv")).toBe(`${TITLE}（城管科）.csv`);
    expect(reportFileName({ ...REPORT, filters: { ...PROJECT, ...UNIT } }, "xlsx")).toBe(
      `${TITLE}（城市管理·城管科）.xlsx`,
    );
  });
});

describe("reportFile", () => {
  const filtered = { ...REPORT, filters: { ...PROJECT, ...UNIT } };
  const start = (body: Uint8Array, length: number) => [...body.slice(0, length)];

  it("makes each format with its content type and the filtered file name", async () => {
    const xlsx = await reportFile(filtered, "xlsx");
    expect(xlsx.fileName).toBe(`${TITLE}（城市管理·城管科）.xlsx`);
    expect(xlsx.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    // A zip: "PK\x03\x04".
    expect(start(xlsx.body, 4)).toEqual([0x50, 0x4b, 0x03, 0x04]);

    const docx = await reportFile(filtered, "docx");
    expect(docx.fileName).toBe(`${TITLE}（城市管理·城管科）.docx`);
    expect(docx.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(start(docx.body, 4)).toEqual([0x50, 0x4b, 0x03, 0x04]);

    const csv = await reportFile(filtered, "csv");
    expect(csv.fileName).toBe(`${TITLE}（城市管理·城管科）.csv`);
    expect(csv.contentType).toBe("text/csv; charset=utf-8");
    // UTF-8 with a byte order mark, then the header.
    expect(start(csv.body, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv.body).startsWith("工作板块,序号,工作任务,")).toBe(true);
  });

  it("names an unfiltered report's file after its title alone", async () => {
    expect((await reportFile(REPORT, "csv")).fileName).toBe(`${TITLE}.csv`);
    expect((await reportFile(REPORT, "docx")).fileName).toBe(`${TITLE}.docx`);
  });
});
