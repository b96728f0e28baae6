"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { usePublishReport } from "@/app/_queries/reports";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { useHydrated } from "@/app/_components/use-hydrated";
import { refusalText } from "./refusal-text";

/**
 * 定稿, asked once more in place. Stays mounted after publishing (the page is rendered again
 * without the button), so its "已定稿" is still there to read.
 */
export function PublishControls({
  planId,
  month,
  narrative,
  ready,
}: {
  planId: number;
  month: string;
  narrative: string;
  /** A complete, unpublished, unfiltered month: the button shows. */
  ready: boolean;
}) {
  const t = useTranslations("reports.publish");
  const router = useRouter();
  const hydrated = useHydrated();
  const publish = usePublishReport();
  const failure = refusalText(publish.error, t("failed"));

  return (
    <div className="flex flex-col items-start gap-2 print:hidden" data-testid="publish-controls">
      {ready && (
        <ConfirmButton
          question={t("question")}
          confirmLabel={t("confirm")}
          variant="default"
          disabled={!hydrated || publish.isPending}
          onConfirm={() =>
            publish.mutate({ planId, month, narrative }, { onSuccess: () => router.refresh() })
          }
        >
          {publish.isPending ? t("working") : t("button")}
        </ConfirmButton>
      )}
      <p role="status" className="text-sm font-medium text-primary">
        {publish.isSuccess ? t("done") : ""}
      </p>
      {failure && (
        <p role="alert" className="text-sm text-destructive">
          {failure}
        </p>
      )}
    </div>
  );
}
