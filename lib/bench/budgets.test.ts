import { describe, expect, it } from "vitest";
import { BUDGETS, MEASURES, overruns, type Measured } from "./budgets";

const base = { p50Ms: 1, p95Ms: 2, p99Ms: 3, reqPerSec: 1000, ratio: 1, failed: 0 };

describe("budgets", () => {
  it("has a row for every measure", () => {
    expect(Object.keys(BUDGETS).sort()).toEqual([...MEASURES].sort());
  });

  it("passes the dashboard within 50 ms and twice its limit", () => {
    expect(overruns({ ...base, name: "dashboard", p50Ms: 50, ratio: 2 })).toEqual([]);
    expect(overruns({ ...base, name: "dashboard", p50Ms: 50.5, ratio: 2.5 })).toEqual([
      "p50 50.5 ms > 50",
      "ratio 2.50 > 2",
    ]);
  });

  it("holds the xlsx export to its time, ratio and memory, and wants the memory known", () => {
    const xlsx: Measured = { ...base, name: "report xlsx", p50Ms: 2900, ratio: 1.4, peakMb: 390 };
    expect(overruns(xlsx)).toEqual([]);
    expect(overruns({ ...xlsx, p50Ms: 3100, ratio: 1.6, peakMb: 512 })).toEqual([
      "p50 3100 ms > 3000",
      "ratio 1.60 > 1.5",
      "peak 512 MB > 400",
    ]);
    expect(overruns({ ...xlsx, peakMb: undefined })).toEqual(["peak memory unknown"]);
  });

  it("wants 500 entries a second with p99 ≤ 200 ms and none lost or failed", () => {
    const entries: Measured = { ...base, name: "entries", reqPerSec: 500, p99Ms: 200, lost: 0 };
    expect(overruns(entries)).toEqual([]);
    expect(overruns({ ...entries, reqPerSec: 499, lost: 1, failed: 3 })).toEqual([
      "3 failed",
      "1 lost",
      "499 req/s < 500",
    ]);
  });

  it("only reports a measure without a budget, unless requests failed", () => {
    expect(overruns({ ...base, name: "report json", p50Ms: 9000, ratio: 40 })).toEqual([]);
    expect(overruns({ ...base, name: "report json", failed: 2 })).toEqual(["2 failed"]);
  });
});
