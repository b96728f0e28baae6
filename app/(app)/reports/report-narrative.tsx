"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { MAX_NARRATIVE_LENGTH } from "@/lib/reports/schemas";
import { Textarea } from "@/app/_components/ui/textarea";
import { useHydrated } from "@/app/_components/use-hydrated";
import { PublishControls } from "./publish-controls";

/**
 * 情况综述: the report's opening paragraph (generated from the figures, in Chinese as the document
 * is). A leader may edit it on a month that is over and not yet published, and publish it with
 * the report; everyone else reads it.
 */
export function ReportNarrative({
  planId,
  month,
  narrative,
  canPublish,
  editable,
  note,
}: {
  planId: number;
  month: string;
  narrative: string;
  /** The user may publish (a leader): the publish area is kept, to say how publishing went. */
  canPublish: boolean;
  /** A complete, unpublished month shown whole: the text can be edited and published. */
  editable: boolean;
  /** Why it cannot be published now (a filtered report), shown to a publisher. */
  note?: string;
}) {
  const t = useTranslations("reports.narrative");
  const id = useId();
  const hydrated = useHydrated();
  const [text, setText] = useState(narrative);
  const editing = canPublish && editable;

  return (
    <section
      className="flex flex-col gap-2 rounded-lg border bg-card p-4"
      data-testid="report-overview"
    >
      <h2 className="text-lg font-semibold">
        {/* When it can be edited, the heading is the text box's label. */}
        {editing ? <label htmlFor={`${id}-text`}>{t("heading")}</label> : t("heading")}
      </h2>
      {editing ? (
        <>
          <Textarea
            id={`${id}-text`}
            aria-describedby={`${id}-hint`}
            name="narrative"
            rows={4}
            className="field-sizing-content min-h-28"
            maxLength={MAX_NARRATIVE_LENGTH}
            value={text}
            disabled={!hydrated}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {t("hint")}
          </p>
        </>
      ) : (
        <p className="text-sm leading-relaxed whitespace-pre-line" data-testid="report-narrative">
          {narrative}
        </p>
      )}
      {canPublish && note && <p className="text-xs text-muted-foreground">{note}</p>}
      {canPublish && (
        <PublishControls planId={planId} month={month} narrative={text} ready={editing} />
      )}
    </section>
  );
}
