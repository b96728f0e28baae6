"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { InstructionItem } from "@/lib/instructions/queries";
import type { ReturnedEntry } from "@/lib/entries/returned";
import { useInstructionBox } from "@/app/_queries/oversight";
import { InstructionCard } from "@/app/_components/instruction-card";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { ReturnedEntryRow } from "./inbox-returned-entry";

/**
 * 批示与退回: what waits for the person's own hand — instructions on their tasks to acknowledge and
 * answer (here, inline), and entries a leader returned, to fix and resubmit.
 */
export function Inbox({
  instructions,
  returned,
}: {
  instructions: InstructionItem[];
  returned: ReturnedEntry[];
}) {
  const t = useTranslations("inbox");
  const tm = useTranslations("myTasks");
  const open = useInstructionBox("received", instructions).data ?? instructions;
  // An answered instruction leaves the list; this line says where it went.
  const [answered, setAnswered] = useState<string | null>(null);

  return (
    <Card role="region" data-testid="my-inbox" aria-labelledby="my-inbox-title">
      <CardHeader>
        <CardTitle id="my-inbox-title" className="text-base">
          {tm("inbox")}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <p role="status" className="text-sm text-light-green empty:hidden">
          {answered ? t("answeredStatus", { title: answered }) : ""}
        </p>
        {open.length === 0 && returned.length === 0 && (
          <p className="text-sm text-muted-foreground" data-testid="my-inbox-empty">
            {tm("inboxEmpty")}
          </p>
        )}
        {open.length > 0 && (
          <section aria-labelledby="inbox-instructions" data-testid="inbox-instructions">
            <h3 id="inbox-instructions" className="mb-2 flex items-center gap-2 font-medium">
              {t("instructions")}
              <span className="text-sm font-normal text-muted-foreground">{open.length}</span>
            </h3>
            <ul className="flex flex-col divide-y rounded-md border">
              {open.map((item) => (
                <InstructionCard
                  key={item.id}
                  item={item}
                  showTask
                  onAnswered={(done) => setAnswered(done.taskTitle)}
                />
              ))}
            </ul>
          </section>
        )}
        {returned.length > 0 && (
          <section aria-labelledby="inbox-returned" data-testid="inbox-returned">
            <h3 id="inbox-returned" className="mb-2 flex items-center gap-2 font-medium">
              {t("returned")}
              <span className="text-sm font-normal text-muted-foreground">{returned.length}</span>
            </h3>
            <ul className="flex flex-col divide-y rounded-md border">
              {returned.map((entry) => (
                <ReturnedEntryRow key={entry.id} entry={entry} />
              ))}
            </ul>
          </section>
        )}
      </CardContent>
    </Card>
  );
}
