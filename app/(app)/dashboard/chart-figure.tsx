import type { ReactNode } from "react";

/**
 * A chart with its caption, and the same figures as a table for screen readers (and anyone who
 * wants the numbers): the drawing itself is hidden from assistive technology.
 */
export function ChartFigure({
  title,
  caption,
  columns,
  rows,
  height,
  testId,
  note,
  children,
}: {
  title: string;
  /** The table's caption: what the numbers are. */
  caption: string;
  columns: string[];
  rows: { key: string | number; cells: ReactNode[] }[];
  height: number;
  testId: string;
  /** A line under the chart, e.g. what it leaves out. */
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure
      className="flex min-w-0 flex-col gap-2 rounded-lg border bg-card p-4 shadow-sm"
      data-testid={testId}
    >
      <figcaption className="font-medium">{title}</figcaption>
      <div className="w-full" style={{ height }} aria-hidden>
        {children}
      </div>
      {note && (
        <p className="text-xs text-muted-foreground" data-testid="chart-note">
          {note}
        </p>
      )}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="chart-row">
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
