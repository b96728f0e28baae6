"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTasksNeedingOwner, type NeedsOwnerList } from "@/app/_queries/admin";
import { StatusBadge } from "@/app/_components/status-badge";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/app/_components/ui/card";

/** 需要更换责任人: open tasks of deactivated owners, each linking to its edit page. */
export function NeedsOwnerCard({ initialData }: { initialData: NeedsOwnerList }) {
  const t = useTranslations("adminUsers.needsOwner");
  const { data } = useTasksNeedingOwner(initialData);
  const items = data?.items ?? [];
  return (
    <Card data-testid="needs-owner">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("intro")}</CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col divide-y">
            {items.map((task) => (
              <li
                key={task.id}
                data-testid="needs-owner-item"
                className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
              >
                <div className="min-w-0">
                  <p className="text-xs text-muted-foreground">{task.projectTitle}</p>
                  <p className="font-medium break-words">{task.title}</p>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                    <span>{t("owner", { name: task.ownerName })}</span>
                    <span>{task.leadUnitName}</span>
                    <span className="tabular-nums">{t("due", { date: task.dueDate })}</span>
                    <StatusBadge status={task.status} />
                  </p>
                </div>
                <Link
                  href={`/tasks/${task.id}/edit`}
                  aria-label={t("changeNamed", { title: task.title })}
                  className="shrink-0 text-sm font-medium text-primary underline-offset-4 hover:underline"
                >
                  {t("change")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
