"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReviewItem } from "@/lib/reviews/queries";
import { formatFigure } from "@/lib/format";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { AttachmentList } from "../tasks/[id]/attachment-list";
import { ReviewActions, type ReviewNotice } from "@/app/_components/review-actions";

/** How an entry is named where it repeats: its task and its date. */
export const reviewName = (item: Pick<ReviewItem, "taskTitle" | "date">) =>
  `${item.taskTitle} ${item.date}`;

/**
 * One entry in the queue: its task (linked), theme, owner and lead unit, who reported it and when,
 * what was done, problems and next steps, readings with their units, evidence; pending ones have
 * a checkbox for bulk approval and their own 通过 / 退回, reviewed ones say by whom and when.
 */
export function ReviewCard({
  item,
  selected,
  onSelect,
  onNotice,
}: {
  item: ReviewItem;
  /** Undefined for entries that cannot be selected (already reviewed). */
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
  onNotice: (notice: ReviewNotice) => void;
}) {
  const t = useTranslations("reviews");
  const format = useFormatter();
  const name = reviewName(item);
  const pending = item.reviewStatus === "pending";
  return (
    <li
      className="flex min-w-0 flex-col gap-2 rounded-lg border bg-card p-3 text-sm shadow-sm sm:p-4"
      data-testid="review-item"
      data-entry-id={item.id}
      data-routine={item.routine}
    >
      <div className="flex items-start gap-3">
        {onSelect && (
          <input
            type="checkbox"
            className="mt-1 size-5 shrink-0 accent-primary"
            checked={selected ?? false}
            aria-label={t("select", { name })}
            onChange={(event) => onSelect(event.target.checked)}
          />
        )}
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={`/tasks/${item.taskId}`}
              className="font-semibold break-words text-primary hover:underline"
            >
              {item.taskTitle}
            </Link>
            {pending && item.routine && <Badge variant="secondary">{t("routine")}</Badge>}
          </div>
          <p className="text-xs text-muted-foreground break-words">
            {item.projectTitle} · {t("owner", { name: item.ownerName, unit: item.leadUnitName })}
          </p>
          <p className="text-xs text-muted-foreground">
            {t("by", { name: item.authorName, date: item.date })}
          </p>
        </div>
      </div>

      {(item.readings.length > 0 || item.percent !== null) && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {item.readings.map((reading) => (
            <li key={reading.indicatorId} data-testid="review-reading" className="break-words">
              {t("reading", { name: reading.name })}
              <span className="font-medium tabular-nums">
                {formatFigure(reading.value, reading.decimals)}
              </span>
              {reading.unit}
            </li>
          ))}
          {item.percent !== null && (
            <li data-testid="review-reading">{t("percent", { percent: item.percent })}</li>
          )}
        </ul>
      )}
      <dl className="flex flex-col gap-1">
        <div>
          <dt className="sr-only">{t("note")}</dt>
          <dd className="whitespace-pre-line break-words">{item.note}</dd>
        </div>
        {item.problems && (
          <div className="break-words">
            <dt className="inline text-muted-foreground">{t("problems")}</dt>
            <dd className="inline whitespace-pre-line">{item.problems}</dd>
          </div>
        )}
        {item.nextSteps && (
          <div className="break-words">
            <dt className="inline text-muted-foreground">{t("nextSteps")}</dt>
            <dd className="inline whitespace-pre-line">{item.nextSteps}</dd>
          </div>
        )}
      </dl>
      <AttachmentList attachments={item.attachments} />

      {item.reviewStatus === "returned" && item.reviewReason && (
        <Alert variant="destructive" className="break-words">
          {t("returnReason")}
          {item.reviewReason}
        </Alert>
      )}
      {!pending && item.reviewedByName && item.reviewedAt && (
        <p className="text-xs text-muted-foreground">
          {t("reviewedBy", {
            name: item.reviewedByName,
            time: format.dateTime(new Date(item.reviewedAt), {
              dateStyle: "short",
              timeStyle: "short",
            }),
          })}
        </p>
      )}
      {pending && (
        <div className="border-t pt-2">
          <ReviewActions entry={item} name={name} onNotice={onNotice} />
        </div>
      )}
    </li>
  );
}
