"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { MAX_BULK_APPROVE } from "@/lib/reviews/schemas";
import { ApiError } from "@/app/_queries/api-client";
import { useApproveEntries, useReviews, type ReviewList } from "@/app/_queries/oversight";
import { Button } from "@/app/_components/ui/button";
import { ReviewCard } from "./review-card";
import { ReviewNoticeRegion, type ReviewNotice } from "./review-actions";
import type { ReviewScope, ReviewTab } from "./review-filters";

/** The toolbar of the pending queue: pick the routine entries, approve what is picked at once. */
function BulkBar({
  routineIds,
  chosen,
  onChoose,
  onApproved,
  onNotice,
}: {
  routineIds: number[];
  chosen: number[];
  onChoose: (ids: number[]) => void;
  onApproved: () => void;
  onNotice: (notice: ReviewNotice) => void;
}) {
  const t = useTranslations("reviews");
  const approve = useApproveEntries();
  const tooMany = chosen.length > MAX_BULK_APPROVE;

  async function approveChosen() {
    onNotice(null);
    try {
      const result = await approve.mutateAsync(chosen);
      onApproved();
      onNotice({ tone: "done", text: t("bulkApproved", { count: result.approved }) });
    } catch (error) {
      // All or none: nothing was approved. The list is refreshed (the hook's onSettled), and
      // the entries that closed meanwhile drop out of the selection with it.
      if (error instanceof ApiError && error.status === 409) {
        const closed = Array.isArray(error.details.ids) ? error.details.ids.length : 0;
        onNotice({ tone: "error", text: t("bulkConflict", { count: closed || chosen.length }) });
      } else {
        onNotice({
          tone: "error",
          text:
            error instanceof ApiError && error.status < 500
              ? (error.fields._ ?? error.message)
              : t("failed"),
        });
      }
    }
  }

  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-lg border bg-card p-2"
      data-testid="bulk-bar"
    >
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={routineIds.length === 0 || approve.isPending}
        title={t("selectRoutineHint")}
        onClick={() => onChoose([...new Set([...chosen, ...routineIds])])}
      >
        {t("selectRoutine")}
      </Button>
      {chosen.length > 0 && (
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={approve.isPending}
          onClick={() => onChoose([])}
        >
          {t("clearSelection")}
        </Button>
      )}
      <Button
        type="button"
        size="sm"
        className="ml-auto"
        disabled={chosen.length === 0 || tooMany || approve.isPending}
        onClick={approveChosen}
      >
        {approve.isPending ? t("working") : t("bulkApprove", { count: chosen.length })}
      </Button>
      {tooMany && (
        <p className="basis-full text-sm text-destructive">
          {t("bulkTooMany", { max: MAX_BULK_APPROVE })}
        </p>
      )}
    </div>
  );
}

/**
 * 待审核 (or 已通过 / 已退回): the entries of one review state, starting from the server's render.
 * Pending ones can be picked for bulk approval; each has its own 通过 / 退回.
 */
export function ReviewQueue({
  status,
  scope,
  initialData,
}: {
  status: ReviewTab;
  /** As the URL asked; undefined lets the server pick (its answer says which). */
  scope: ReviewScope | undefined;
  initialData: ReviewList;
}) {
  const t = useTranslations("reviews");
  const data = useReviews(status, scope, initialData).data ?? initialData;
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState<ReviewNotice>(null);
  const pending = status === "pending";
  const items = data.items;
  // Only what is still in the queue counts as chosen: reviewed entries leave it.
  const chosen = items.filter((item) => picked.has(item.id)).map((item) => item.id);
  const routineIds = items.filter((item) => item.routine).map((item) => item.id);

  return (
    <div className="flex flex-col gap-3">
      <ReviewNoticeRegion notice={notice} />
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed p-6 text-center" data-testid="review-empty">
          <p className="font-medium">{t(`empty.${status}`)}</p>
          {data.scope === "mine" && (
            <p className="mt-1 text-sm text-muted-foreground">{t("emptyMine")}</p>
          )}
        </div>
      ) : (
        <>
          <p className="text-sm text-muted-foreground" data-testid="review-count">
            {t("count", { count: items.length })}
          </p>
          {pending && (
            <BulkBar
              routineIds={routineIds}
              chosen={chosen}
              onChoose={(ids) => setPicked(new Set(ids))}
              onApproved={() => setPicked(new Set())}
              onNotice={setNotice}
            />
          )}
          <ul className="flex flex-col gap-3" aria-label={t(`status.${status}`)}>
            {items.map((item) => (
              <ReviewCard
                key={item.id}
                item={item}
                selected={picked.has(item.id)}
                onSelect={
                  pending
                    ? (on) => {
                        const next = new Set(picked);
                        if (on) next.add(item.id);
                        else next.delete(item.id);
                        setPicked(next);
                      }
                    : undefined
                }
                onNotice={setNotice}
              />
            ))}
          </ul>
          {data.more && (
            <p className="text-sm text-muted-foreground">{t("more", { count: items.length })}</p>
          )}
        </>
      )}
    </div>
  );
}
