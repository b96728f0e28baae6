"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { MAX_BULK_APPROVE } from "@/lib/reviews/schemas";
import { ApiError } from "@/app/_queries/api-client";
import { useApproveEntries, useReviews, type ReviewList } from "@/app/_queries/oversight";
import { Button } from "@/app/_components/ui/button";
import { ReviewCard } from "./review-card";
import { ReviewNoticeRegion, type ReviewNotice } from "@/app/_components/review-actions";
import type { ReviewScope, ReviewTab } from "./review-filters";

/** An entry picked for bulk approval, at the version shown in its card. */
type Chosen = { id: number; version: number };

/**
 * The toolbar of the pending queue: pick the routine entries (at most `MAX_BULK_APPROVE`),
 * approve what is picked at once.
 */
function BulkBar({
  routineIds,
  chosen,
  onChoose,
  onApproved,
  onStale,
  onNotice,
}: {
  routineIds: number[];
  chosen: Chosen[];
  onChoose: (ids: number[]) => void;
  onApproved: () => void;
  /** Entries changed since they were shown: they leave the selection, to be looked at again. */
  onStale: (ids: number[]) => void;
  onNotice: (notice: ReviewNotice) => void;
}) {
  const t = useTranslations("reviews");
  const approve = useApproveEntries();
  const chosenIds = chosen.map((item) => item.id);
  const tooMany = chosen.length > MAX_BULK_APPROVE;

  function chooseRoutine() {
    const all = [...new Set([...chosenIds, ...routineIds])];
    onChoose(all.slice(0, MAX_BULK_APPROVE));
    if (all.length > MAX_BULK_APPROVE) {
      onNotice({ tone: "done", text: t("bulkCapped", { max: MAX_BULK_APPROVE }) });
    }
  }

  async function approveChosen() {
    onNotice(null);
    try {
      const result = await approve.mutateAsync(chosen);
      onApproved();
      onNotice({ tone: "done", text: t("bulkApproved", { count: result.approved }) });
    } catch (error) {
      // All or none: nothing was approved. The list is refreshed (the hook's onSettled): entries
      // that closed meanwhile drop out of it, and changed ones come back with their new content.
      if (error instanceof ApiError && error.status === 409) {
        const ids = Array.isArray(error.details.ids)
          ? error.details.ids.filter((id): id is number => typeof id === "number")
          : [];
        if (error.details.reason === "stale") {
          onStale(ids);
          onNotice({ tone: "error", text: t("bulkStale", { count: ids.length || 1 }) });
        } else {
          onNotice({
            tone: "error",
            text: t("bulkConflict", { count: ids.length || chosen.length }),
          });
        }
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
        onClick={chooseRoutine}
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
  // Only what is still in the queue counts as chosen: reviewed entries leave it. Each goes at the
  // version its card shows, so an entry its author changes meanwhile is not approved unseen.
  const chosen = items
    .filter((item) => picked.has(item.id))
    .map((item) => ({ id: item.id, version: item.version }));
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
              onStale={(ids) =>
                setPicked((now) => new Set([...now].filter((id) => !ids.includes(id))))
              }
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
                        if (on && chosen.length >= MAX_BULK_APPROVE) {
                          setNotice({
                            tone: "error",
                            text: t("bulkTooMany", { max: MAX_BULK_APPROVE }),
                          });
                          return;
                        }
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
