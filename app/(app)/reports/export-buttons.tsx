"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Download, Printer } from "lucide-react";
import { useDownloadReport } from "@/app/_queries/reports";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { useHydrated } from "@/app/_components/use-hydrated";
import { refusalText } from "./refusal-text";
import { reportHref, type ReportUrlParams } from "./report-url";

type FileFormat = "xlsx" | "docx" | "csv";

/** One export: disabled and busy ("正在生成…") while the file is made and fetched. */
function ExportButton({
  format,
  params,
  onFailure,
}: {
  format: FileFormat;
  params: ReportUrlParams;
  onFailure: (message: string | null) => void;
}) {
  const t = useTranslations("reports.export");
  const hydrated = useHydrated();
  const download = useDownloadReport(format);
  const pending = download.isPending;
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      disabled={!hydrated || pending}
      aria-busy={pending || undefined}
      data-testid={`export-${format}`}
      onClick={() => {
        onFailure(null);
        download.mutate(params, {
          onError: (error) => onFailure(refusalText(error, t("failed"))),
        });
      }}
    >
      <Download aria-hidden />
      {pending ? t("working") : t(format)}
    </Button>
  );
}

/** 导出 Excel / Word / CSV with the page's filters, and 打印 (the print view of the same report). */
export function ExportButtons({ params }: { params: ReportUrlParams }) {
  const t = useTranslations("reports.export");
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2 print:hidden">
      <div role="group" aria-label={t("label")} className="flex flex-wrap items-center gap-2">
        {(["xlsx", "docx", "csv"] as const).map((format) => (
          <ExportButton key={format} format={format} params={params} onFailure={setFailure} />
        ))}
        <Button asChild variant="outline" size="sm">
          <Link href={reportHref("/reports/print", params)} data-testid="print-link">
            <Printer aria-hidden />
            {t("print")}
          </Link>
        </Button>
      </div>
      {failure && (
        <Alert variant="destructive" role="alert" data-testid="export-error">
          {failure}
        </Alert>
      )}
    </div>
  );
}
