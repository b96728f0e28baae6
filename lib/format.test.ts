import { describe, expect, it } from "vitest";
import { formatFigure, formatPercent } from "./format";

describe("formatPercent", () => {
  it("rounds a fraction to a whole percentage", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.456)).toBe("46%");
    expect(formatPercent(1)).toBe("100%");
  });
});

describe("formatFigure", () => {
  it("keeps the decimals of the unit", () => {
    expect(formatFigure(12, 1)).toBe("12.0");
    expect(formatFigure(283, 0)).toBe("283");
    expect(formatFigure(0.125, 2)).toBe("0.13");
  });
});
