"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import {
  useMarkNotificationsRead,
  useNotifications,
  type NotificationList as Notifications,
} from "@/app/_queries/oversight";
import {
  NotificationContent,
  notificationHref,
  useNotificationText,
} from "@/app/_components/notification-text";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";

/**
 * The full list: open a notification (it is marked read), mark one read, or all. Starts from the
 * server's render, shared with the bell's query.
 */
export function NotificationList({ initialData }: { initialData?: Notifications }) {
  const t = useTranslations("notifications");
  const { data, isError } = useNotifications(initialData);
  const markRead = useMarkNotificationsRead();
  const text = useNotificationText();
  const format = useFormatter();

  if (!data) {
    return isError ? (
      <Alert variant="destructive" role="alert">
        {t("failed")}
      </Alert>
    ) : (
      <p className="text-sm text-muted-foreground">{t("loading")}</p>
    );
  }

  return (
    <section className="flex flex-col gap-3" aria-labelledby="notifications-count">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id="notifications-count" className="text-sm text-muted-foreground" data-testid="unread">
          {t("unreadCount", { count: data.unread })}
        </p>
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={data.unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t("markAll")}
        </Button>
      </div>
      {data.items.length === 0 ? (
        <Alert>{t("empty")}</Alert>
      ) : (
        <ul className="flex flex-col divide-y rounded-lg border bg-card">
          {data.items.map((item) => {
            const { kind, title } = text(item);
            return (
              <li
                key={item.id}
                className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start"
                data-testid="notification"
                data-read={item.read}
              >
                <Link
                  href={notificationHref(item)}
                  className="min-w-0 flex-1 rounded-md hover:text-primary"
                  onClick={() => {
                    if (!item.read) markRead.mutate({ ids: [item.id] });
                  }}
                >
                  <NotificationContent item={item} />
                </Link>
                {!item.read && (
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    className="self-end sm:self-start"
                    disabled={markRead.isPending}
                    aria-label={t("markReadLabel", {
                      kind,
                      title,
                      time: format.dateTime(new Date(item.createdAt), {
                        dateStyle: "short",
                        timeStyle: "short",
                      }),
                    })}
                    onClick={() => markRead.mutate({ ids: [item.id] })}
                  >
                    {t("markRead")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
