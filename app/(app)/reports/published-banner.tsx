import { useTranslations } from "next-intl";
import { BadgeCheck } from "lucide-react";
import { officeTime } from "@/lib/reports/cells";
import type { MonthlyReport } from "@/lib/reports/types";

/** 已定稿: who published the month and when (on the office's clock); served as it was then. */
export function PublishedBanner({
  published,
  timeZone,
}: {
  published: NonNullable<MonthlyReport["published"]>;
  timeZone: string;
}) {
  const t = useTranslations("reports");
  return (
    <p
      className="flex items-center gap-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm font-medium text-primary"
      data-testid="published-banner"
    >
      <BadgeCheck aria-hidden className="size-4 shrink-0" />
      {t("publishedBanner", { by: published.byName, at: officeTime(published.at, timeZone) })}
    </p>
  );
}
