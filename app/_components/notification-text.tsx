"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { NotificationItem } from "@/lib/notifications/queries";
import { cn } from "./ui/cn";

/**
 * Where a notification leads: its task, at the instructions for an instruction, and straight to
 * the entry's edit page for a returned entry (its refId is the entry), to fix and resubmit it.
 */
export function notificationHref(item: NotificationItem): string {
  if (item.taskId === null) return "/notifications";
  if (item.kind === "instruction_received") return `/tasks/${item.taskId}#instructions`;
  if (item.kind === "entry_returned" && item.refId !== null) {
    return `/tasks/${item.taskId}/entries/${item.refId}/edit`;
  }
  return `/tasks/${item.taskId}`;
}

/** The kind's name and a line of text, in the user's language. */
export function useNotificationText() {
  const t = useTranslations("notifications");
  return (item: NotificationItem) => {
    const kind = t(`kinds.${item.kind}`);
    const body =
      item.kind === "task_due_soon"
        ? t("dueSoonBody", { date: item.body })
        : item.kind === "entry_missing"
          ? t("entryMissingBody", { month: item.body })
          : item.kind === "entry_returned" && item.body
            ? t("returnedBody", { reason: item.body })
            : item.body;
    return { kind, title: item.taskTitle ?? t("noTask"), body };
  };
}

/**
 * What a notification says: kind, task, a line of text and when; unread ones are marked with a
 * dot and in words for screen readers.
 */
export function NotificationContent({
  item,
  compact = false,
}: {
  item: NotificationItem;
  /** In the bell: the text is cut to two lines. */
  compact?: boolean;
}) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const text = useNotificationText()(item);
  return (
    <span className="flex min-w-0 gap-2">
      <span
        aria-hidden
        className={cn(
          "mt-1.5 size-2 shrink-0 rounded-full",
          item.read ? "bg-transparent" : "bg-primary",
        )}
      />
      <span className="flex min-w-0 flex-col gap-0.5">
        <span className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
          <span className={cn("font-medium", !item.read && "text-primary")}>{text.kind}</span>
          {!item.read && <span className="sr-only">{t("unread")}</span>}
          <time dateTime={item.createdAt} className="tabular-nums">
            {format.dateTime(new Date(item.createdAt), { dateStyle: "short", timeStyle: "short" })}
          </time>
        </span>
        <span className={cn("text-sm break-words", !item.read && "font-semibold")}>
          {text.title}
        </span>
        {text.body && (
          <span
            className={cn("text-xs break-words text-muted-foreground", compact && "line-clamp-2")}
          >
            {text.body}
          </span>
        )}
      </span>
    </span>
  );
}
