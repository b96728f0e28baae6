"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { MAX_REASON_LENGTH } from "@/lib/reviews/schemas";
import { ApiError, conflictInfo } from "@/app/_queries/api-client";
import { useReviewEntry } from "@/app/_queries/oversight";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";

/** What the list around the review controls says after a review: done, or refused. */
export type ReviewNotice = { tone: "done" | "error"; text: string } | null;

/**
 * The list's announcement of the last review. It lives outside the entry's card because a
 * reviewed entry leaves the queue (and its controls leave the timeline) as soon as it is done.
 * The live region is always there, so screen readers hear each new message.
 */
export function ReviewNoticeRegion({ notice }: { notice: ReviewNotice }) {
  // One box for both regions, so that empty they take no room in the list's layout.
  return (
    <div>
      <div role="status" data-testid="review-notice">
        {notice?.tone === "done" && (
          <Alert className="border-light-green/40 bg-light-green/10">{notice.text}</Alert>
        )}
      </div>
      <div role="alert" data-testid="review-error">
        {notice?.tone === "error" && <Alert variant="destructive">{notice.text}</Alert>}
      </div>
    </div>
  );
}

/** An entry that is no longer pending: someone reviewed it first, or its author withdrew it. */
const isClosed = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && !conflictInfo(error);

/**
 * 通过 / 退回 on one pending entry, in the review queue and on the task's timeline. Returning asks
 * for the reason in place (required, at most 500 characters), with its own submit and cancel.
 * `name` tells the entry apart from its neighbours (task title and date) in accessible names.
 */
export function ReviewActions({
  entry,
  name,
  onNotice,
}: {
  entry: { id: number; version: number };
  name: string;
  onNotice: (notice: ReviewNotice) => void;
}) {
  const t = useTranslations("reviews");
  const review = useReviewEntry();
  const fieldId = `return-reason-${useId().replace(/:/g, "")}`;
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  // Also after success, until the refreshed list drops the entry: a second click must not land.
  const busy = review.isPending || review.isSuccess;

  async function decide(decision: "approve" | "return") {
    const text = reason.trim();
    if (decision === "return") {
      if (!text) return setReasonError("validation.returnNeedsReason");
      if (text.length > MAX_REASON_LENGTH) {
        return setReasonError(t("reasonTooLong", { max: MAX_REASON_LENGTH }));
      }
    }
    setReasonError(undefined);
    setError(null);
    onNotice(null);
    try {
      await review.mutateAsync({
        id: entry.id,
        version: entry.version,
        decision,
        ...(decision === "return" ? { reason: text } : {}),
      });
      onNotice({
        tone: "done",
        text: t(decision === "approve" ? "approved" : "returned", { name }),
      });
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.reason) {
        setReasonError(failure.fields.reason);
      } else if (conflictInfo(failure)) {
        // The author changed it meanwhile: the refreshed card shows the new text to read first.
        setError(t("stale"));
      } else if (isClosed(failure)) {
        // The refreshed list no longer offers this entry, so the list says why.
        onNotice({ tone: "error", text: (failure as ApiError).fields._ ?? t("failed") });
      } else {
        setError(
          failure instanceof ApiError && failure.status < 500
            ? (failure.fields._ ?? failure.message)
            : t("failed"),
        );
      }
    }
  }

  return (
    <div className="flex flex-col gap-2" data-testid="review-actions">
      {!returning ? (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            size="sm"
            disabled={busy}
            aria-label={t("approveLabel", { name })}
            onClick={() => decide("approve")}
          >
            {busy ? t("working") : t("approve")}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={busy}
            aria-label={t("returnLabel", { name })}
            onClick={() => {
              setReturning(true);
              setError(null);
            }}
          >
            {t("return")}
          </Button>
        </div>
      ) : (
        <form
          aria-label={t("returnLabel", { name })}
          className="flex flex-col gap-2 rounded-md border p-3"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void decide("return");
          }}
        >
          <FormField
            id={fieldId}
            label={t("reason")}
            error={reasonError}
            hint={t("reasonHint", { count: reason.trim().length, max: MAX_REASON_LENGTH })}
          >
            <Textarea
              rows={3}
              autoFocus
              maxLength={MAX_REASON_LENGTH}
              value={reason}
              disabled={busy}
              aria-required
              {...fieldA11y(fieldId, reasonError, true)}
              onChange={(event) => {
                setReason(event.target.value);
                if (reasonError) setReasonError(undefined);
              }}
            />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" variant="destructive" disabled={busy}>
              {busy ? t("working") : t("submitReturn")}
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => {
                setReturning(false);
                setReasonError(undefined);
              }}
            >
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
      {error && (
        <Alert variant="destructive" role="alert">
          {error}
        </Alert>
      )}
    </div>
  );
}
