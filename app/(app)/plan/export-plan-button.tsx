"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { planExportUrl } from "@/app/_queries/imports-xlsx";
import { Button } from "@/app/_components/ui/button";

/** 导出 Excel: the plan's live tasks in the task import template, as a download. */
export function ExportPlanButton({ planId }: { planId: number }) {
  const t = useTranslations("xlsxImport");
  return (
    <Button asChild variant="outline">
      <a href={planExportUrl(planId)} download data-testid="export-plan-xlsx">
        <Download aria-hidden className="size-4" />
        {t("export")}
      </a>
    </Button>
  );
}
