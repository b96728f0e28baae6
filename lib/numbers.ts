/** Largest magnitude an indicator figure may have: far above any office's counts or 万元 sums. */
export const MAX_FIGURE = 1e12;

/** How many decimals a number is written with (Infinity for what cannot be written plainly). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return Infinity;
  const text = String(value);
  // Exponent notation only appears here for tiny fractions (figures stay below 1e21).
  if (text.includes("e")) return Math.abs(value) < 1 ? Infinity : 0;
  return text.split(".")[1]?.length ?? 0;
}
