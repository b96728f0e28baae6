import { describe, expect, it } from "vitest";
import type { DashboardUnit } from "./queries";
import { rankUnits } from "./ranking";

const unit = (id: number, progress: number, share: number | null): DashboardUnit => ({
  id,
  name: `单位${id}`,
  type: "community",
  taskCount: 1,
  progress,
  timeProgress: 0.5,
  lights: { green: 1, yellow: 0, red: 0, blue: 0 },
  notReported: 0,
  onTime: { expected: share === null ? 0 : 10, reported: share === null ? 0 : share * 10, share },
});

const units = [unit(1, 0.4, 0.5), unit(2, 0.9, null), unit(3, 0.4, 1), unit(4, 0.1, 0.2)];
const ids = (list: DashboardUnit[]) => list.map((u) => u.id);

describe("rankUnits", () => {
  it("ranks by progress, best or worst first, ties in the API's order", () => {
    expect(ids(rankUnits(units, "progress", "best"))).toEqual([2, 1, 3, 4]);
    expect(ids(rankUnits(units, "progress", "worst"))).toEqual([4, 1, 3, 2]);
  });

  it("ranks by on-time share; a unit with nothing due yet goes last either way", () => {
    expect(ids(rankUnits(units, "onTime", "best"))).toEqual([3, 1, 4, 2]);
    expect(ids(rankUnits(units, "onTime", "worst"))).toEqual([4, 1, 3, 2]);
  });
});
