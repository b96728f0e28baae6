import { describe, expect, it } from "vitest";
import { TEXT_FORMAT_ID, rawCells } from "@/lib/security/xlsx-testing";
import { templateWorkbook } from "./template";

// Formula injection in the plan export (导出 Excel): what leaders and admins typed into a plan
// goes out as text cells formatted "@", never as a formula, read straight from the file's XML.
describe("templateWorkbook and formula injection", () => {
  it("writes no formula, and text starting with = + - @ as text-formatted strings", async () => {
    const hostile = {
      project: '=HYPERLINK("http://evil.example","点此")',
      title: "+1+1",
      description: "-2+3",
      owner: "@cmd",
      leadUnit: "=cmd|' /C calc'!A0",
      coUnits: "+民政科",
      indicatorName: "@SUM(A1:A9)",
      measureUnit: "=个",
    };
    const cells = await rawCells(
      await templateWorkbook([
        { ...hostile, startDate: "2023-01-01", dueDate: "2023-12-31", weight: 1, target: 10 },
      ]),
    );
    expect(cells.filter((cell) => cell.formula)).toEqual([]);
    for (const text of Object.values(hostile)) {
      const cell = cells.find((c) => c.text === text);
      expect(cell, text).toBeDefined();
      expect(cell!.numFmtId, text).toBe(TEXT_FORMAT_ID);
    }
  });
});
