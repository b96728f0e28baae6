"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { InstructionItem } from "@/lib/instructions/queries";
import { useInstructionBox } from "@/app/_queries/oversight";
import { InstructionStateBadge } from "@/app/_components/instruction-card";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";

/** 我发出的批示: the leader's instructions, each unread, acknowledged or answered (with the reply). */
export function SentInstructions({ initialData }: { initialData: InstructionItem[] }) {
  const t = useTranslations("dashboard.instructions");
  const format = useFormatter();
  const { data = initialData } = useInstructionBox("sent", initialData);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short" });

  return (
    <Card role="region" aria-labelledby="sent-instructions-title" data-testid="sent-instructions">
      <CardHeader>
        <CardTitle id="sent-instructions-title">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul
            className="max-h-[28rem] divide-y overflow-y-auto"
            tabIndex={0}
            aria-label={t("title")}
          >
            {data.map((item) => (
              <li
                key={item.id}
                className="flex flex-col gap-1 py-2 text-sm"
                data-testid="instruction-row"
                data-state={item.state}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Link
                    href={`/tasks/${item.taskId}`}
                    className="min-w-0 flex-1 font-medium hover:text-primary hover:underline"
                  >
                    {item.taskTitle}
                  </Link>
                  <InstructionStateBadge state={item.state} />
                </div>
                <p className="text-xs text-muted-foreground">
                  {t("meta", { owner: item.ownerName, date: when(item.createdAt) })}
                </p>
                <p className="whitespace-pre-wrap">{item.text}</p>
                {item.reply && (
                  <p className="rounded-md bg-muted px-2 py-1 whitespace-pre-wrap">
                    <span className="font-medium">{t("reply")}</span>
                    {item.reply}
                    {item.repliedAt && (
                      <span className="ml-1 text-xs text-muted-foreground">
                        {when(item.repliedAt)}
                      </span>
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
