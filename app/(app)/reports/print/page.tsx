import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { authorize } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { publishedLine, scopeText, summaryLines } from "@/lib/reports/cells";
import { Alert } from "@/app/_components/ui/alert";
import { loadReport } from "../load-report";
import { NotReportedList } from "../not-reported-list";
import { QueryProblems } from "../query-problems";
import { reportHref } from "../report-url";
import { ReportTable } from "../report-table";
import { PrintButton } from "./print-button";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("printTitle") };
}

/**
 * A4 landscape, small type, each table's header row repeated on every page and no row split
 * across two; the app's header and this page's buttons are not printed.
 */
const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
.report-print { font-size: 12px; line-height: 1.45; }
.report-print-table { border-collapse: collapse; width: 100%; font-size: 11px; }
.report-print-table th, .report-print-table td { border: 1px solid #9ca3af; padding: 3px 4px; vertical-align: top; }
.report-print-table thead { display: table-header-group; }
.report-print-table tr { break-inside: avoid; page-break-inside: avoid; }
.report-print a { color: inherit; text-decoration: none; }
@media screen { .report-print-table { min-width: 960px; } }
@media print {
  html, body { background: #fff !important; }
  main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  .report-print { font-size: 9pt; border: 0 !important; box-shadow: none !important; padding: 0 !important; }
  .report-print-table { font-size: 7.5pt; }
  .report-print h2 { break-after: avoid; page-break-after: avoid; }
  .report-print-table th, .report-print-table .report-light {
    -webkit-print-color-adjust: exact; print-color-adjust: exact;
  }
}
`;

/**
 * 月报 as a plain document for "print to PDF": title, as-of, narrative, summary, one table per
 * project and who has not reported, in Chinese as the document goes up the chain.
 */
export default async function ReportPrintPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const t = await getTranslations("reports");
  const loaded = await loadReport(await searchParams);
  if (!loaded) return <Alert>{(await getTranslations("home"))("noPlan")}</Alert>;
  const { plan, report, params, problems } = loaded;
  if (!report) {
    return (
      <div className="flex min-w-0 flex-col gap-4">
        <QueryProblems problems={problems} />
        <Alert data-testid="report-not-begun">
          {t("notBegun", { plan: plan.title, date: plan.startDate })}
        </Alert>
      </div>
    );
  }
  const lines = summaryLines(report.summary);
  const scope = scopeText(report.filters);
  const shown = {
    planId: params.planId,
    month: report.month,
    projectId: params.projectId,
    unitId: params.unitId,
  };

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton />
        <Link
          href={reportHref("/reports", shown)}
          className="text-sm text-primary underline-offset-4 hover:underline"
        >
          {t("print.back")}
        </Link>
        <p className="text-xs text-muted-foreground">{t("print.hint")}</p>
      </div>
      <div className="print:hidden">
        <QueryProblems problems={problems} />
      </div>

      <article
        className="report-print flex flex-col gap-4 rounded-lg border bg-white p-4 text-black sm:p-6"
        data-testid="report-print"
      >
        <header className="flex flex-col items-center gap-1 text-center">
          <h1 className="text-xl font-bold">{report.title}</h1>
          <p className="text-xs" data-testid="report-as-of">
            数据截至 {report.asOf}
          </p>
          {scope && (
            <p className="text-xs" data-testid="report-scope">
              {scope}
            </p>
          )}
          {report.published && (
            <p className="text-xs" data-testid="report-published">
              {publishedLine(report.published, report.timeZone)}
            </p>
          )}
        </header>

        <p className="leading-relaxed whitespace-pre-line" data-testid="report-narrative">
          {report.narrative}
        </p>

        <section aria-label="概况" data-testid="report-summary">
          <div className="max-w-full overflow-x-auto print:overflow-visible">
            <table className="report-print-table">
              <thead>
                <tr>
                  {lines.map(([label]) => (
                    <th key={label} scope="col" className="bg-gray-100 text-center font-semibold">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {lines.map(([label, value]) => (
                    <td key={label} className="text-center tabular-nums">
                      {value}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </section>

        {report.projects.map((project) => (
          <div key={project.id} className="max-w-full overflow-x-auto print:overflow-visible">
            <ReportTable
              project={project}
              rows={report.rows.filter((row) => row.projectId === project.id)}
              variant="print"
            />
          </div>
        ))}

        <NotReportedList owners={report.notReported} variant="print" />
      </article>
    </div>
  );
}
