import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  cellText,
  LIGHT_COLOURS,
  LIGHT_LABELS,
  REPORT_COLUMNS,
  type ReportColumnKey,
} from "@/lib/reports/cells";
import type { ReportProject, ReportRow } from "@/lib/reports/types";
import { ProgressBar } from "@/app/_components/progress-bar";
import { formatPercent } from "@/lib/format";
import { cn } from "@/app/_components/ui/cn";

/**
 * Each column's share of the table's width, in percent: the spreadsheet's widths would leave the
 * dates and figures too narrow on a screen or an A4 page, where the text columns can wrap.
 */
const SHARES: Record<ReportColumnKey, number> = {
  number: 3,
  title: 14,
  leadUnit: 7,
  owner: 5,
  dueDate: 8.5,
  indicators: 14.5,
  progress: 5,
  monthProgress: 16,
  problems: 9.5,
  nextSteps: 9.5,
  light: 4.5,
  urgeCount: 3.5,
};

/** Columns that hold a short figure: centred, never wrapped. */
const NARROW = new Set<ReportColumnKey>(["number", "dueDate", "progress", "light", "urgeCount"]);

/**
 * A project's section of the report: its title and figures, and a row per task in the columns
 * every export uses (REPORT_COLUMNS, cellText), in Chinese as the document is. On screen the table
 * scrolls sideways inside its own box; in print it takes the page's width.
 */
export function ReportTable({
  project,
  rows,
  variant = "screen",
}: {
  project: ReportProject;
  rows: ReportRow[];
  variant?: "screen" | "print";
}) {
  const t = useTranslations("reports.project");
  const print = variant === "print";
  const headingId = `report-project-${project.id}`;

  const table = (
    <table
      className={cn(
        "w-full border-collapse text-left",
        // In print the layout is automatic: the shares are then what each column gets unless its
        // content needs more, so a date, a percentage or a light (never wrapped) always fits in
        // its own column, whatever the paper; on screen the table scrolls instead.
        print ? "report-print-table" : "min-w-[68rem] table-fixed text-[13px]",
      )}
    >
      <colgroup>
        {REPORT_COLUMNS.map((column) => (
          <col key={column.key} style={{ width: `${SHARES[column.key]}%` }} />
        ))}
      </colgroup>
      <thead className="bg-muted/60">
        <tr>
          {REPORT_COLUMNS.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={cn(
                "border px-1.5 py-1.5 font-semibold",
                NARROW.has(column.key) && "text-center",
              )}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={REPORT_COLUMNS.length} className="border px-2 py-3 text-muted-foreground">
              {print ? "本板块暂无任务" : t("empty")}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.taskId} data-testid={`report-row-${row.taskId}`} className="align-top">
            {REPORT_COLUMNS.map((column) => {
              const text = cellText(row, column.key);
              const base = cn(
                "border px-1.5 py-1.5 break-words whitespace-pre-line",
                // A long unbroken string (a link in a note) wraps rather than widening its column.
                print && !NARROW.has(column.key) && "wrap-anywhere",
                NARROW.has(column.key) && "text-center whitespace-nowrap",
              );
              if (column.key === "title") {
                return (
                  <td key={column.key} className={base}>
                    <Link
                      href={`/tasks/${row.taskId}`}
                      className={cn(!print && "text-primary underline-offset-4 hover:underline")}
                    >
                      {text}
                    </Link>
                  </td>
                );
              }
              if (column.key === "light") {
                return (
                  <td
                    key={column.key}
                    className={cn(base, "report-light")}
                    style={{ backgroundColor: `#${LIGHT_COLOURS[row.light]}` }}
                    data-light={row.light}
                  >
                    {LIGHT_LABELS[row.light]}
                  </td>
                );
              }
              return (
                <td key={column.key} className={base}>
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-2"
      data-testid="report-project"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className={cn("font-semibold", print ? "text-base" : "text-lg")}>
          {project.title}
        </h2>
        {print ? (
          // The printed document is in Chinese whatever the UI language, as the exports are.
          <p className="text-xs">
            {`${project.taskCount}项任务 · 整体进度${formatPercent(project.progress)} · 序时进度${formatPercent(project.timeProgress)}`}
          </p>
        ) : (
          <div className="flex items-center gap-3 text-sm text-muted-foreground">
            <span>{t("tasks", { count: project.taskCount })}</span>
            <ProgressBar
              value={project.progress}
              time={project.timeProgress}
              label={t("progress", { title: project.title })}
              className="w-40"
            />
          </div>
        )}
      </div>
      {print ? (
        table
      ) : (
        // Keyboard users can scroll the wide table too; the page itself never scrolls sideways.
        <div
          className="max-w-full overflow-x-auto rounded-md border bg-card focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          tabIndex={0}
          data-testid="report-table-scroll"
        >
          {table}
        </div>
      )}
    </section>
  );
}
