"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useUrgeTask } from "@/app/_queries/oversight";
import { ApiError } from "@/app/_queries/api-client";
import { Button } from "./ui/button";
import { Input } from "./ui/input";

/**
 * 催办 in one click, with an optional message: the first click opens a line for the message and a
 * send button; after sending, the button says how many times the task has been urged.
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
  const tv = useTranslations();
  const id = useId();
  const urge = useUrgeTask();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const sentCount = urge.data?.count;

  const send = () =>
    urge.mutate(
      { taskId, message: message.trim() || undefined },
      {
        onSuccess: () => {
          setOpen(false);
          setMessage("");
        },
      },
    );

  const failure =
    urge.error instanceof ApiError
      ? urge.error.fields._
        ? tv(urge.error.fields._ as "validation.urgeCompleted")
        : urge.error.message
      : urge.error
        ? t("failed")
        : null;

  return (
    <div className="flex flex-col items-start gap-1" data-testid="urge-button">
      {open ? (
        <form
          className="flex flex-wrap items-center gap-2"
          aria-label={t("formLabel", { title: taskTitle })}
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <label htmlFor={`${id}-message`} className="sr-only">
            {t("message")}
          </label>
          <Input
            id={`${id}-message`}
            className="h-8 w-48 text-xs"
            maxLength={200}
            placeholder={t("messagePlaceholder")}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            autoFocus
          />
          <Button type="submit" size="sm" disabled={urge.isPending}>
            {urge.isPending ? t("sending") : t("send")}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
            {tv("common.cancel")}
          </Button>
        </form>
      ) : (
        <Button
          type="button"
          size="sm"
          variant="outline"
          aria-label={t("label", { title: taskTitle })}
          onClick={() => {
            urge.reset();
            setOpen(true);
          }}
        >
          {t("button")}
          {(sentCount ?? count) > 0 && (
            <span className="text-muted-foreground">
              {t("count", { count: sentCount ?? count })}
            </span>
          )}
        </Button>
      )}
      <span role="status" className="text-xs text-muted-foreground">
        {urge.isSuccess && !open ? t("sent") : ""}
      </span>
      {failure && (
        <span role="alert" className="text-xs text-destructive">
          {failure}
        </span>
      )}
    </div>
  );
}
