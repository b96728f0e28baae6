import { useTranslations } from "next-intl";
import type { ReportFilters } from "@/lib/reports/types";

/** "筛选范围：工作板块“…”；单位“…”": what a filtered report is of, under its title; none when whole. */
export function ReportScope({ filters }: { filters: ReportFilters }) {
  const t = useTranslations("reports.scope");
  const { projectTitle: project, unitName: unit } = filters;
  const text =
    project && unit
      ? t("both", { project, unit })
      : project
        ? t("project", { project })
        : unit
          ? t("unit", { unit })
          : undefined;
  if (!text) return null;
  return (
    <p className="mt-1 text-sm font-medium break-words" data-testid="report-scope">
      {text}
    </p>
  );
}
