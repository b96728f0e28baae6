"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { MAX_URGE_MESSAGE_LENGTH } from "@/lib/urges/schemas";
import { useUrgeTask } from "@/app/_queries/oversight";
import { ApiError } from "@/app/_queries/api-client";
import { useFieldMessage } from "./form-field";
import { Button } from "./ui/button";
import { Input } from "./ui/input";
import { cn } from "./ui/cn";

/**
 * 催办 in one click: the main button urges the owner at once, then says so and how many times the
 * task has been urged. 附言催办 beside it opens a line for a message first.
 */
export function UrgeButton({
  taskId,
  taskTitle,
  count,
}: {
  taskId: number;
  taskTitle: string;
  count: number;
}) {
  const t = useTranslations("urge");
  const tc = useTranslations("common");
  const say = useFieldMessage();
  const id = useId();
  const urge = useUrgeTask();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const total = urge.data?.count ?? count;
  const pending = urge.isPending;

  const focusMain = () => document.getElementById(`${id}-urge`)?.focus();

  const send = (text?: string) => {
    if (pending) return;
    urge.mutate(
      { taskId, message: text?.trim() || undefined },
      {
        onSuccess: () => {
          setMessage("");
          // The message line goes away: keep the keyboard on the urge, not the page's top.
          if (open) {
            setOpen(false);
            requestAnimationFrame(focusMain);
          }
        },
      },
    );
  };

  // The server has already said field problems in the caller's language; keys only as a fallback.
  const failure =
    urge.error instanceof ApiError
      ? (say(urge.error.fields._) ?? urge.error.message)
      : urge.error
        ? t("failed")
        : null;

  return (
    <div className="flex flex-col items-start gap-1" data-testid="urge-button">
      <div className="flex flex-wrap items-center gap-1">
        {/* aria-disabled, not disabled, while sending: a disabled button would drop the focus. */}
        <Button
          id={`${id}-urge`}
          type="button"
          size="sm"
          variant="outline"
          aria-label={t("label", { title: taskTitle })}
          aria-disabled={pending || undefined}
          className={cn(pending && "opacity-50")}
          // With the message line open, what is written there goes along.
          onClick={() => send(open ? message : undefined)}
        >
          {pending && !open ? t("sending") : t("button")}
          {total > 0 && (
            <span className="text-muted-foreground">{t("count", { count: total })}</span>
          )}
        </Button>
        {!open && (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            className="px-2 text-muted-foreground"
            aria-label={t("withMessageLabel", { title: taskTitle })}
            disabled={pending}
            onClick={() => {
              urge.reset();
              setOpen(true);
            }}
          >
            {t("withMessage")}
          </Button>
        )}
      </div>
      {open && (
        <form
          className="flex flex-wrap items-center gap-2"
          aria-label={t("formLabel", { title: taskTitle })}
          onSubmit={(event) => {
            event.preventDefault();
            send(message);
          }}
        >
          <label htmlFor={`${id}-message`} className="sr-only">
            {t("message")}
          </label>
          <Input
            id={`${id}-message`}
            className="h-8 w-48 text-xs"
            maxLength={MAX_URGE_MESSAGE_LENGTH}
            placeholder={t("messagePlaceholder")}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            autoFocus
          />
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? t("sending") : t("send")}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => {
              setOpen(false);
              requestAnimationFrame(focusMain);
            }}
          >
            {tc("cancel")}
          </Button>
        </form>
      )}
      <span role="status" className="text-xs text-muted-foreground">
        {urge.isSuccess && !open ? t("sent", { count: total }) : ""}
      </span>
      {failure && (
        <span role="alert" className="text-xs text-destructive">
          {failure}
        </span>
      )}
    </div>
  );
}
