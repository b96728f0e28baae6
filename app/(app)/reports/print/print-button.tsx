"use client";

import { useTranslations } from "next-intl";
import { Printer } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { useHydrated } from "@/app/_components/use-hydrated";

/** 打印: the browser's print dialog (where "save as PDF" is); not itself printed. */
export function PrintButton() {
  const t = useTranslations("reports.print");
  const hydrated = useHydrated();
  return (
    <Button
      type="button"
      size="sm"
      disabled={!hydrated}
      onClick={() => window.print()}
      className="print:hidden"
      data-testid="print-button"
    >
      <Printer aria-hidden />
      {t("button")}
    </Button>
  );
}
