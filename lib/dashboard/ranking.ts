import type { DashboardUnit } from "@/lib/dashboard/queries";

export type RankBy = "progress" | "onTime";
export type RankOrder = "best" | "worst";

/**
 * Units in rank order by the API's own figures (nothing is recomputed). A unit with nothing due
 * yet has no on-time share: it goes last whichever way the list is read. Ties keep the API's order.
 */
export function rankUnits(units: readonly DashboardUnit[], by: RankBy, order: RankOrder) {
  const value = (unit: DashboardUnit) => (by === "progress" ? unit.progress : unit.onTime.share);
  const sign = order === "best" ? -1 : 1;
  return units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => {
      const va = value(a.unit);
      const vb = value(b.unit);
      if (va === null || vb === null) return va === vb ? a.index - b.index : va === null ? 1 : -1;
      return va === vb ? a.index - b.index : sign * (va - vb);
    })
    .map(({ unit }) => unit);
}
