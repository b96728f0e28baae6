import { describe, expect, it } from "vitest";
import { latencies, percentile } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("latencies", () => {
  it("sorts the samples first", () => {
    expect(latencies([30, 10, 20])).toEqual({ count: 3, p50Ms: 20, p95Ms: 30, p99Ms: 30 });
  });
});
