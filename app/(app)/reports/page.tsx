import { getTranslations } from "next-intl/server";
import { authorize, can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listProjects } from "@/lib/projects/queries";
import { reportMonths } from "@/lib/reports/monthly-report";
import { listUnits } from "@/lib/units/queries";
import { Alert } from "@/app/_components/ui/alert";
import { ExportButtons } from "./export-buttons";
import { loadReport } from "./load-report";
import { NotReportedList } from "./not-reported-list";
import { PublishedBanner } from "./published-banner";
import { QueryProblems } from "./query-problems";
import { ReopenControls } from "./reopen-controls";
import { ReportFilters } from "./report-filters";
import { ReportNarrative } from "./report-narrative";
import { ReportScope } from "./report-scope";
import { ReportSummary } from "./report-summary";
import { ReportTable } from "./report-table";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

/**
 * 月报: a plan's month as of its last day (or as published), filtered by project and unit,
 * rendered on the server from the same report as `GET /api/v1/reports/monthly` and its files.
 * Everyone signed in reads it; leaders publish (定稿) and admins reopen.
 */
export default async function ReportsPage({
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
      <div className="flex min-w-0 flex-col gap-5">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <QueryProblems problems={problems} />
        <Alert data-testid="report-not-begun">
          {t("notBegun", { plan: plan.title, date: plan.startDate })}
        </Alert>
      </div>
    );
  }
  const [projects, units] = await Promise.all([listProjects(plan.id), listUnits()]);

  const filtered = params.projectId !== undefined || params.unitId !== undefined;
  const canPublish = can(user, "report:publish");
  const publishable = report.complete && !report.published;
  // The files and the print view are of exactly the report shown.
  const shown = {
    planId: report.planId,
    month: report.month,
    projectId: params.projectId,
    unitId: params.unitId,
  };
  const reportKey = `${report.planId}:${report.month}`;

  return (
    <div className="flex min-w-0 flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold">{report.title}</h1>
          <ReportScope filters={report.filters} />
          <p className="mt-1 text-sm text-muted-foreground" data-testid="report-as-of">
            {t("asOf", { date: report.asOf })}
          </p>
        </div>
        <ExportButtons params={shown} />
      </div>

      <QueryProblems problems={problems} />

      {report.published && (
        <PublishedBanner published={report.published} timeZone={report.timeZone} />
      )}
      {can(user, "report:reopen") && (
        <ReopenControls
          key={reportKey}
          planId={report.planId}
          month={report.month}
          published={report.published !== undefined}
        />
      )}
      {!report.complete && <Alert data-testid="report-underway">{t("underway")}</Alert>}

      <ReportFilters
        params={params}
        month={report.month}
        months={reportMonths(plan).reverse()}
        projects={projects.map((p) => ({ id: p.id, name: p.title }))}
        units={units.map((u) => ({ id: u.id, name: u.name }))}
      />
      {filtered && <p className="-mt-2 text-xs text-muted-foreground">{t("filtered")}</p>}

      <ReportSummary summary={report.summary} />

      <ReportNarrative
        key={`${reportKey}:${params.projectId ?? ""}:${params.unitId ?? ""}`}
        planId={report.planId}
        month={report.month}
        narrative={report.narrative}
        canPublish={canPublish}
        editable={publishable && !filtered}
        note={publishable && filtered ? t("narrative.filteredHint") : undefined}
      />

      {report.projects.map((project) => (
        <ReportTable
          key={project.id}
          project={project}
          rows={report.rows.filter((row) => row.projectId === project.id)}
        />
      ))}

      <NotReportedList owners={report.notReported} />
    </div>
  );
}
