"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TaskStatus } from "@/lib/tasks/status";
import type { TaskDetail } from "@/lib/tasks/queries";
import { ApiError } from "@/app/_queries/api-client";
import { useUpdateTask } from "@/app/_queries/tasks";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { useHydrated } from "@/app/_components/use-hydrated";

type Action = "in_progress" | "blocked" | "completed" | "not_started" | "reopen";

/** What can follow each status: not_started → in_progress → completed, blocked from any open one. */
const NEXT: Record<TaskStatus, Action[]> = {
  not_started: ["in_progress", "blocked", "completed"],
  in_progress: ["blocked", "completed"],
  blocked: ["in_progress", "completed"],
  completed: ["reopen"],
};

/**
 * The owner's status buttons. The change shows at once and rolls back if the server refuses it;
 * blocking asks for a reason, and completing with indicators below target asks for a note.
 */
export function StatusControl({ task, canReopen }: { task: TaskDetail; canReopen: boolean }) {
  const t = useTranslations("statusControl");
  const update = useUpdateTask(task.id);
  const hydrated = useHydrated();
  const [pending, setPending] = useState<"blocked" | "completed" | null>(null);
  const [reason, setReason] = useState("");

  const belowTarget = task.indicators.some((indicator) => indicator.progress < 1);
  const fields = update.error instanceof ApiError ? update.error.fields : {};
  const otherError =
    update.error instanceof ApiError &&
    update.error.status !== 409 &&
    Object.keys(fields).length === 0
      ? update.error.message
      : null;

  const save = (status: TaskStatus, text?: string) => {
    update.mutate(
      {
        version: task.version,
        status,
        ...(status === "blocked" ? { blockedReason: text ?? "" } : {}),
        ...(status === "completed" && text ? { completionNote: text } : {}),
      },
      {
        onSuccess: () => {
          setPending(null);
          setReason("");
        },
      },
    );
  };

  const choose = (action: Action) => {
    update.reset();
    if (action === "blocked" || (action === "completed" && belowTarget)) {
      setPending(action);
      return;
    }
    save(action === "reopen" ? "in_progress" : action);
  };

  const actions = NEXT[task.status].filter((action) => action !== "reopen" || canReopen);
  const fieldName = pending === "blocked" ? "blockedReason" : "completionNote";

  return (
    <section aria-label={t("label")} className="flex flex-col gap-3" data-testid="status-control">
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button
            key={action}
            type="button"
            variant={action === "completed" ? "default" : "outline"}
            size="sm"
            disabled={!hydrated || update.isPending || task.archived}
            onClick={() => choose(action)}
          >
            {t(`actions.${action}`)}
          </Button>
        ))}
        {task.status === "completed" && !canReopen && (
          <p className="text-sm text-muted-foreground">{t("reopenOnlyLeaders")}</p>
        )}
        {update.isPending && <span className="text-sm text-muted-foreground">{t("saving")}</span>}
      </div>

      {pending && (
        <form
          className="flex flex-col gap-2 rounded-lg border p-3"
          aria-label={t(pending === "blocked" ? "blockedReason" : "completionNote")}
          onSubmit={(e) => {
            e.preventDefault();
            save(pending, reason.trim());
          }}
        >
          <FormField
            id={fieldName}
            label={t(pending === "blocked" ? "blockedReason" : "completionNote")}
            error={fields[fieldName]}
          >
            <Textarea
              {...fieldA11y(fieldName, fields[fieldName])}
              value={reason}
              maxLength={pending === "blocked" ? 500 : 1000}
              placeholder={t(
                pending === "blocked" ? "blockedReasonPlaceholder" : "completionNotePlaceholder",
              )}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={update.isPending}>
              {t("save")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setPending(null);
                update.reset();
              }}
            >
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}

      {otherError && <Alert variant="destructive">{otherError}</Alert>}
      <ConflictAlert error={update.error} onReload={() => update.reset()} />
    </section>
  );
}
