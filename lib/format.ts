/** A fraction 0–1 as a whole percentage, e.g. 0.456 → "46%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** An indicator figure with exactly the decimals its unit keeps, e.g. (12, 1) → "12.0". */
export function formatFigure(value: number, decimals: number): string {
  return value.toFixed(decimals);
}
