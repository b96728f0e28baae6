"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { UrgeItem } from "@/lib/urges/urges";
import { useTaskUrges } from "@/app/_queries/oversight";
import { UrgeButton } from "@/app/_components/urge-button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";

/** 催办记录: how many times the task's owner was urged, by whom, when and with what message. */
export function UrgesSection({
  taskId,
  taskTitle,
  initial,
  canUrge,
}: {
  taskId: number;
  taskTitle: string;
  initial: UrgeItem[];
  /** A leader, on a task that is neither completed nor archived. */
  canUrge: boolean;
}) {
  const t = useTranslations("urge");
  const format = useFormatter();
  const items = useTaskUrges(taskId, initial).data ?? initial;
  return (
    <Card role="region" aria-labelledby="urges-title" data-testid="urges">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle id="urges-title" className="flex items-center gap-2 text-base">
          {t("title")}
          <span className="text-sm font-normal text-muted-foreground" data-testid="urge-total">
            {items.length > 0 ? t("total", { count: items.length }) : t("empty")}
          </span>
        </CardTitle>
        {canUrge && <UrgeButton taskId={taskId} taskTitle={taskTitle} count={items.length} />}
      </CardHeader>
      {items.length > 0 && (
        <CardContent>
          <ul className="flex flex-col divide-y rounded-md border text-sm">
            {items.map((urge) => (
              <li key={urge.id} className="flex flex-col gap-0.5 p-3" data-testid="urge">
                <div className="flex flex-wrap items-center gap-x-3">
                  <span className="font-medium">{t("by", { name: urge.authorName })}</span>
                  <time
                    dateTime={urge.createdAt}
                    className="text-xs text-muted-foreground tabular-nums"
                  >
                    {format.dateTime(new Date(urge.createdAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  </time>
                </div>
                <p className={urge.message ? "" : "text-muted-foreground"}>
                  {urge.message || t("noMessage")}
                </p>
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </Card>
  );
}
