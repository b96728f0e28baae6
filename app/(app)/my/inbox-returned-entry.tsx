"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReturnedEntry } from "@/lib/entries/returned";
import { Button } from "@/app/_components/ui/button";

/** A returned entry: which task and day, who returned it and why, and the way to fix it. */
export function ReturnedEntryRow({ entry }: { entry: ReturnedEntry }) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  return (
    <li
      className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:gap-4"
      data-testid="returned-entry"
    >
      <div className="min-w-0 flex-1">
        <Link
          href={`/tasks/${entry.taskId}`}
          className="font-medium hover:text-primary hover:underline"
        >
          {entry.taskTitle}
        </Link>
        <p className="mt-0.5 text-xs text-muted-foreground tabular-nums">
          {t("entryDate", { date: entry.date })}
          {entry.reviewedByName && entry.reviewedAt && (
            <>
              {" · "}
              {t("returnedBy", {
                name: entry.reviewedByName,
                time: format.dateTime(new Date(entry.reviewedAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                }),
              })}
            </>
          )}
        </p>
        {entry.reviewReason && (
          <p className="mt-1 text-sm" data-testid="returned-reason">
            <span className="font-medium">{t("reason")}：</span>
            {entry.reviewReason}
          </p>
        )}
      </div>
      <Button asChild size="sm" className="self-start">
        <Link
          href={`/tasks/${entry.taskId}/entries/${entry.id}/edit`}
          aria-label={t("fixLabel", { title: entry.taskTitle, date: entry.date })}
        >
          {t("fix")}
        </Link>
      </Button>
    </li>
  );
}
