"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { Bell } from "lucide-react";
import type { NotificationItem } from "@/lib/notifications/queries";
import { useMarkNotificationsRead, useNotifications } from "@/app/_queries/oversight";
import { NotificationContent, notificationHref } from "./notification-text";
import { Button } from "./ui/button";

/** How many of the newest notifications the bell's list shows; the rest are on /notifications. */
const LATEST = 8;

/**
 * 通知 bell: the unread count on the button (and in its accessible name), the newest messages in a
 * popover; opening one goes to its task and marks it read.
 */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const { data, isError } = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [open, setOpen] = useState(false);
  const unread = data?.unread ?? 0;
  const items = data?.items.slice(0, LATEST) ?? [];

  const openItem = (item: NotificationItem) => {
    if (!item.read) markRead.mutate({ ids: [item.id] });
    setOpen(false);
  };

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className="relative"
          data-testid="notification-bell"
          data-unread={data ? unread : undefined}
          aria-label={data ? t("bell", { count: unread }) : t("bellLoading")}
        >
          <Bell aria-hidden />
          {unread > 0 && (
            <span
              aria-hidden
              className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] leading-none font-semibold text-destructive-foreground tabular-nums"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label={t("latest")}
          data-testid="notification-popover"
          className="z-50 flex w-[min(22rem,calc(100vw-1rem))] flex-col rounded-lg border bg-card text-card-foreground shadow-lg"
        >
          <div className="flex items-center justify-between gap-2 border-b px-3 py-2">
            <span className="text-sm font-semibold">
              {t("title")}
              {unread > 0 && (
                <span className="ml-2 text-xs font-normal text-muted-foreground">
                  {t("unreadCount", { count: unread })}
                </span>
              )}
            </span>
            <Button
              type="button"
              variant="link"
              size="sm"
              className="h-auto px-0"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              {t("markAll")}
            </Button>
          </div>
          {isError && !data ? (
            <p role="alert" className="p-3 text-sm text-destructive">
              {t("failed")}
            </p>
          ) : !data ? (
            <p className="p-3 text-sm text-muted-foreground">{t("loading")}</p>
          ) : items.length === 0 ? (
            <p className="p-3 text-sm text-muted-foreground">{t("empty")}</p>
          ) : (
            <ul className="max-h-[min(24rem,60vh)] divide-y overflow-y-auto">
              {items.map((item) => (
                <li key={item.id} data-testid="notification" data-read={item.read}>
                  <Link
                    href={notificationHref(item)}
                    className="block px-3 py-2 hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                    onClick={() => openItem(item)}
                  >
                    <NotificationContent item={item} compact />
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Link
            href="/notifications"
            className="border-t px-3 py-2 text-center text-sm text-primary hover:underline"
            onClick={() => setOpen(false)}
          >
            {t("viewAll")}
          </Link>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
