import { useTranslations } from "next-intl";
import type { TaskEntry } from "@/lib/entries/queries";
import { formatFigure } from "@/lib/format";
import { Badge } from "@/app/_components/ui/badge";

const REVIEW_VARIANT = {
  pending: "outline",
  approved: "secondary",
  returned: "danger",
} as const;

/** 进展: the task's entries, newest first, with readings and the change since the last one. */
export function TaskTimeline({ entries }: { entries: TaskEntry[] }) {
  const t = useTranslations("timeline");
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  }
  return (
    <ol className="flex flex-col gap-3" data-testid="timeline">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className="rounded-lg border bg-card p-3 text-sm data-[withdrawn=true]:opacity-60"
          data-withdrawn={entry.withdrawn}
          data-testid="timeline-entry"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium tabular-nums">{entry.date}</span>
            <span className="text-muted-foreground">{t("by", { name: entry.authorName })}</span>
            <Badge variant={REVIEW_VARIANT[entry.reviewStatus]}>
              {t(`review.${entry.reviewStatus}`)}
            </Badge>
            {entry.withdrawn && <Badge variant="outline">{t("withdrawn")}</Badge>}
          </div>
          {(entry.readings.length > 0 || entry.percent !== null) && (
            <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
              {entry.readings.map((reading) => (
                <li key={reading.indicatorId}>
                  {reading.name}：
                  <span className="font-medium tabular-nums">
                    {formatFigure(reading.value, reading.decimals)}
                  </span>
                  {reading.unit}
                  {reading.change !== null && reading.change !== 0 && (
                    <span className="ml-1 text-xs text-muted-foreground tabular-nums">
                      ({reading.change > 0 ? "+" : ""}
                      {formatFigure(reading.change, reading.decimals)})
                    </span>
                  )}
                </li>
              ))}
              {entry.percent !== null && <li>{t("percent", { percent: entry.percent })}</li>}
            </ul>
          )}
          <p className="mt-2 whitespace-pre-line">{entry.note}</p>
          {entry.problems && (
            <p className="mt-1 whitespace-pre-line">
              <span className="text-muted-foreground">{t("problems")}：</span>
              {entry.problems}
            </p>
          )}
          {entry.nextSteps && (
            <p className="mt-1 whitespace-pre-line">
              <span className="text-muted-foreground">{t("nextSteps")}：</span>
              {entry.nextSteps}
            </p>
          )}
          {entry.reviewStatus === "returned" && entry.reviewReason && (
            <p className="mt-1 text-destructive">
              {t("returnReason")}：{entry.reviewReason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
