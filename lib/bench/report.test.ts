import { describe, expect, it } from "vitest";
import type { Measured } from "./budgets";
import { alignedLines, figure, measureLines, verdict } from "./report";

const measured = (fields: Partial<Measured> & Pick<Measured, "name">): Measured => ({
  p50Ms: 10,
  p95Ms: 20,
  p99Ms: 30,
  reqPerSec: 900,
  ratio: 1.2,
  failed: 0,
  ...fields,
});

describe("figure", () => {
  it("keeps fewer decimals as values grow", () => {
    expect(figure(3.14159)).toBe("3.14");
    expect(figure(31.4159)).toBe("31.4");
    expect(figure(314.159)).toBe("314");
    expect(figure(Number.NaN)).toBe("–");
  });
});

describe("alignedLines", () => {
  it("left-aligns names, right-aligns figures and leaves the last column free", () => {
    expect(
      alignedLines([
        ["name", "p50", "note"],
        ["dashboard", "1.5", "ok"],
        ["x", "120", "over budget"],
      ]),
    ).toEqual(["name       p50  note", "dashboard  1.5  ok", "x          120  over budget"]);
  });
});

describe("measureLines", () => {
  it("prints a header and one aligned line per measure with its verdict", () => {
    const lines = measureLines([
      measured({ name: "dashboard", p50Ms: 12.5, p95Ms: 30.25, reqPerSec: 640, ratio: 0.5 }),
      measured({ name: "task list", p50Ms: 45, p95Ms: 80, reqPerSec: 180, ratio: null }),
    ]);
    expect(lines).toEqual([
      "name       p50_ms  p95_ms  req_per_s  ratio_to_limit  verdict",
      "dashboard    12.5    30.3        640            0.50  ok",
      "task list    45.0    80.0        180               –  over budget (p50 45 ms > 30)",
    ]);
  });
});

describe("verdict", () => {
  it("names every overrun of the entries budget", () => {
    expect(
      verdict(measured({ name: "entries", reqPerSec: 320.4, p99Ms: 450, lost: 2, failed: 1 })),
    ).toBe("over budget (1 failed; 2 lost; p99 450 ms > 200; 320.4 req/s < 500)");
  });
});
