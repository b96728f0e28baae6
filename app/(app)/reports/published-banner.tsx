import { useTranslations } from "next-intl";
import { BadgeCheck } from "lucide-react";

/** "2023-12-01 09:30": an instant on the office's clock (its plan's time zone). */
export function officeDateTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** 已定稿: who published the month and when; the report is served as it was then. */
export function PublishedBanner({
  published,
  timeZone,
}: {
  published: { at: string; byName: string };
  timeZone: string;
}) {
  const t = useTranslations("reports");
  return (
    <p
      className="flex items-center gap-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm font-medium text-primary"
      data-testid="published-banner"
    >
      <BadgeCheck aria-hidden className="size-4 shrink-0" />
      {t("publishedBanner", {
        by: published.byName,
        at: officeDateTime(published.at, timeZone),
      })}
    </p>
  );
}
