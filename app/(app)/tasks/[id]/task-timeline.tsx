"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { TaskEntry } from "@/lib/entries/queries";
import { formatFigure } from "@/lib/format";
import { applyApiErrors } from "@/app/_queries/api-client";
import { useEntryHistory, useWithdrawEntry } from "@/app/_queries/entries";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { HistoryList } from "@/app/_components/history-list";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import {
  ReviewActions,
  ReviewNoticeRegion,
  type ReviewNotice,
} from "@/app/_components/review-actions";
import { AttachmentList } from "./attachment-list";

const REVIEW_VARIANT = {
  pending: "outline",
  approved: "success",
  returned: "danger",
} as const;

/** The author's controls on an entry still open to them: edit, and withdraw after asking. */
function EntryActions({ taskId, entry }: { taskId: number; entry: TaskEntry }) {
  const t = useTranslations("timeline");
  const withdraw = useWithdrawEntry(taskId);
  // A returned entry is fixed and sent back: its save resubmits it for review.
  const returned = entry.reviewStatus === "returned";
  // A refusal that is not a newer version, e.g. the entry was reviewed meanwhile.
  const refusal = withdraw.error
    ? applyApiErrors(
        withdraw.error,
        () => false,
        () => {},
        t("failed"),
      )
    : null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 border-t pt-2">
      <Button asChild variant="outline" size="sm">
        <Link href={`/tasks/${taskId}/entries/${entry.id}/edit`}>
          {returned ? t("resubmit") : t("edit")}
        </Link>
      </Button>
      <ConfirmButton
        variant="ghost"
        question={t("confirmWithdraw")}
        confirmLabel={t("withdraw")}
        disabled={withdraw.isPending}
        onConfirm={() => withdraw.mutate({ id: entry.id, version: entry.version })}
      >
        {t("withdraw")}
      </ConfirmButton>
      <ConflictAlert error={withdraw.error} onReload={() => withdraw.reset()} />
      {refusal && (
        <Alert variant="destructive" role="alert" className="basis-full">
          {refusal}
        </Alert>
      )}
    </div>
  );
}

/** 修改记录: an edited entry's earlier versions, from the audit log, shown on request. */
function EntryHistory({ entryId }: { entryId: number }) {
  const t = useTranslations("timeline");
  const [open, setOpen] = useState(false);
  const history = useEntryHistory(entryId, open);
  return (
    <div className="mt-2">
      <Button
        type="button"
        variant="link"
        size="sm"
        className="h-auto p-0"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? t("hideHistory") : t("history")}
      </Button>
      {open && history.data && (
        <div className="mt-2" data-testid="entry-history">
          <HistoryList items={history.data.items} />
        </div>
      )}
    </div>
  );
}

/**
 * 进展: the task's entries, newest first: readings with the change since the previous one, notes,
 * evidence, the review state (a return's reason stands out), the author's edit and withdraw while
 * the entry is open, and a leader's 通过 / 退回 on pending ones by others (`canReview` on a live
 * task, and the entry's own `reviewable`).
 */
export function TaskTimeline({
  taskId,
  entries,
  canReview = false,
}: {
  taskId: number;
  entries: TaskEntry[];
  canReview?: boolean;
}) {
  const t = useTranslations("timeline");
  const format = useFormatter();
  const [notice, setNotice] = useState<ReviewNotice>(null);
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  }
  return (
    <>
      {canReview && <ReviewNoticeRegion notice={notice} />}
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
              {entry.editedAt && (
                <span className="text-xs text-muted-foreground" data-testid="entry-edited">
                  {t("edited", {
                    time: format.dateTime(new Date(entry.editedAt), {
                      dateStyle: "short",
                      timeStyle: "short",
                    }),
                  })}
                </span>
              )}
              {entry.withdrawn ? (
                <Badge variant="outline">{t("withdrawn")}</Badge>
              ) : (
                <Badge variant={REVIEW_VARIANT[entry.reviewStatus]} data-testid="review-state">
                  {t(`review.${entry.reviewStatus}`)}
                </Badge>
              )}
            </div>
            {(entry.readings.length > 0 || entry.percent !== null) && (
              <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                {entry.readings.map((reading) => (
                  <li key={reading.indicatorId} data-testid="entry-reading">
                    {t("reading", { name: reading.name })}
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
            <p className="mt-2 whitespace-pre-line break-words">{entry.note}</p>
            {entry.problems && (
              <p className="mt-1 whitespace-pre-line break-words">
                <span className="text-muted-foreground">{t("problems")}</span>
                {entry.problems}
              </p>
            )}
            {entry.nextSteps && (
              <p className="mt-1 whitespace-pre-line break-words">
                <span className="text-muted-foreground">{t("nextSteps")}</span>
                {entry.nextSteps}
              </p>
            )}
            {entry.reviewStatus === "returned" && entry.reviewReason && !entry.withdrawn && (
              <Alert variant="destructive" className="mt-2 break-words" data-testid="return-reason">
                <p>
                  <span className="font-medium">{t("returnReason")}</span>
                  {entry.reviewReason}
                </p>
                {entry.amendable && <p className="mt-1 text-xs">{t("returnedHint")}</p>}
              </Alert>
            )}
            <AttachmentList attachments={entry.attachments} />
            {entry.editedAt && <EntryHistory entryId={entry.id} />}
            {entry.amendable && <EntryActions taskId={taskId} entry={entry} />}
            {canReview && entry.reviewable && (
              <div className="mt-2 border-t pt-2">
                <ReviewActions
                  entry={entry}
                  name={`${entry.date} ${entry.authorName}`}
                  onNotice={setNotice}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
