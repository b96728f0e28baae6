/** The benchmark's printed lines: aligned columns, one line per measure. */
import { overruns, type Measured } from "./budgets";

/** A duration or a rate with as many decimals as it needs to be read at a glance. */
export function figure(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const size = Math.abs(value);
  return value.toFixed(size < 10 ? 2 : size < 100 ? 1 : 0);
}

/**
 * Lines of a table with columns two spaces apart: the first column (names) left-aligned, the
 * others right-aligned, except the last, which is free text.
 */
export function alignedLines(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        if (i === row.length - 1) return cell;
        return i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!);
      })
      .join("  ")
      .trimEnd(),
  );
}

/** `ok`, or `over budget (why; why)`. */
export function verdict(measured: Measured): string {
  const found = overruns(measured);
  return found.length === 0 ? "ok" : `over budget (${found.join("; ")})`;
}

/** `name  p50_ms  p95_ms  req_per_s  ratio_to_limit  ok|over budget`, a header and a line each. */
export function measureLines(measures: readonly Measured[]): string[] {
  return alignedLines([
    ["name", "p50_ms", "p95_ms", "req_per_s", "ratio_to_limit", "verdict"],
    ...measures.map((m) => [
      m.name,
      figure(m.p50Ms),
      figure(m.p95Ms),
      figure(m.reqPerSec),
      m.ratio === null ? "–" : m.ratio.toFixed(2),
      verdict(m),
    ]),
  ]);
}
