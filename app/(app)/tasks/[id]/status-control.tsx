"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { STATUS_TRANSITIONS, type TaskStatus } from "@/lib/tasks/status";
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

/** What to say above the buttons about a refused change; null when it is shown elsewhere. */
function problemOf(error: unknown, failed: string): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return failed;
  if (error.status === 409) return null; // ConflictAlert says it
  if (error.fields.completionNote || error.fields.blockedReason) return null; // under the box
  return error.fields.status ?? error.message;
}

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
  const otherError = problemOf(update.error, t("failed"));

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
        // The server may ask for a reason the page did not know it needed (e.g. a target was
        // raised meanwhile): open the box that takes it, with the server's message under it.
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.fields.completionNote) setPending("completed");
          else if (error.fields.blockedReason) setPending("blocked");
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

  // The lib's own transition table; from completed the one way back is reopening.
  const actions: Action[] =
    task.status === "completed"
      ? canReopen
        ? ["reopen"]
        : []
      : [...STATUS_TRANSITIONS[task.status]];
  const fieldName = pending === "blocked" ? "blockedReason" : "completionNote";

  return (
    <section aria-label={t("label")} className="flex flex-col gap-3" data-testid="status-control">
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button
            key={action}
            type="button"
            variant={
              action === "completed" ? "default" : action === "not_started" ? "ghost" : "outline"
            }
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
