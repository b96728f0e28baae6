"use client";

import { useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { InstructionItem } from "@/lib/instructions/queries";
import { MAX_REPLY_LENGTH } from "@/lib/instructions/schemas";
import { ApiError } from "@/app/_queries/api-client";
import { useAnswerInstruction } from "@/app/_queries/oversight";
import { FormField, fieldA11y, useFieldMessage } from "./form-field";
import { Badge } from "./ui/badge";
import { Button } from "./ui/button";
import { Textarea } from "./ui/textarea";

const STATE_VARIANT = {
  unread: "danger",
  acknowledged: "warning",
  answered: "success",
} as const;

/** 未签收 / 已签收 / 已答复. */
export function InstructionStateBadge({ state }: { state: InstructionItem["state"] }) {
  const t = useTranslations("instructions.state");
  return (
    <Badge variant={STATE_VARIANT[state]} data-testid="instruction-state">
      {t(state)}
    </Badge>
  );
}

/**
 * One 领导批示: who wrote it and when, the text, its state and the owner's answer (办理情况). The
 * task's owner acknowledges (签收) and answers it here, once; `showTask` names the task when the
 * card stands outside its task page (the inbox).
 */
export function InstructionCard({
  item,
  showTask = false,
  onAnswered,
}: {
  item: InstructionItem;
  showTask?: boolean;
  onAnswered?: (item: InstructionItem) => void;
}) {
  const t = useTranslations("instructions");
  const format = useFormatter();
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const created = when(item.createdAt);

  return (
    <li
      className="flex flex-col gap-2 p-3"
      data-testid="instruction"
      data-state={item.state}
      aria-label={t("by", { name: item.authorName })}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">{t("by", { name: item.authorName })}</span>
        <time dateTime={item.createdAt} className="text-xs text-muted-foreground tabular-nums">
          {created}
        </time>
        <InstructionStateBadge state={item.state} />
        {item.acknowledgedAt && item.state === "acknowledged" && (
          <span className="text-xs text-muted-foreground">
            {t("acknowledgedAt", { time: when(item.acknowledgedAt) })}
          </span>
        )}
      </div>
      {showTask && (
        <p className="text-xs text-muted-foreground">{t("task", { title: item.taskTitle })}</p>
      )}
      <p className="whitespace-pre-line text-sm" data-testid="instruction-text">
        {item.text}
      </p>
      {item.reply && (
        <div className="rounded-md bg-muted/60 p-2 text-sm" data-testid="instruction-reply">
          <p className="text-xs text-muted-foreground">
            {t("reply")} ·{" "}
            {t("repliedAt", {
              name: item.ownerName,
              time: item.repliedAt ? when(item.repliedAt) : "",
            })}
          </p>
          <p className="mt-1 whitespace-pre-line">{item.reply}</p>
        </div>
      )}
      {item.answerable && <AnswerControls item={item} label={created} onAnswered={onAnswered} />}
    </li>
  );
}

/** 签收 and 答复 for the owner: the answer is checked here first, then by the server. */
function AnswerControls({
  item,
  label,
  onAnswered,
}: {
  item: InstructionItem;
  /** When it was written: names the buttons apart when several instructions are listed. */
  label: string;
  onAnswered?: (item: InstructionItem) => void;
}) {
  const t = useTranslations("instructions");
  const tc = useTranslations("common");
  const say = useFieldMessage();
  const id = useId();
  const answer = useAnswerInstruction();
  const [open, setOpen] = useState(false);
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const names = { name: item.authorName, time: label };

  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.fields.reply) setError(say(err.fields.reply));
    else if (err instanceof ApiError && err.status < 500)
      setFailure(say(err.fields._) ?? err.message);
    else setFailure(t("failed"));
  };

  const acknowledge = () => {
    setFailure(null);
    answer.mutate({ id: item.id }, { onError });
  };

  const submit = () => {
    const text = reply.trim();
    const problem = !text
      ? t("replyRequired")
      : text.length > MAX_REPLY_LENGTH
        ? t("replyTooLong")
        : undefined;
    setError(problem);
    setFailure(null);
    if (problem) return;
    // mutateAsync, not mutate's callbacks: the answer's refetch may drop this card (the inbox lists
    // only open instructions) before they would run, and onAnswered must still be told.
    answer.mutateAsync({ id: item.id, reply: text }).then((answered) => {
      setOpen(false);
      setReply("");
      onAnswered?.(answered);
    }, onError);
  };

  return (
    <div className="flex flex-col gap-2">
      {!open && (
        <div className="flex flex-wrap gap-2">
          {item.state === "unread" && (
            <Button
              type="button"
              size="sm"
              disabled={answer.isPending}
              aria-label={t("acknowledgeLabel", names)}
              onClick={acknowledge}
            >
              {answer.isPending ? t("acknowledging") : t("acknowledge")}
            </Button>
          )}
          <Button
            type="button"
            size="sm"
            variant="outline"
            aria-label={t("answerLabel", names)}
            onClick={() => setOpen(true)}
          >
            {t("answer")}
          </Button>
        </div>
      )}
      {open && (
        <form
          noValidate
          className="flex flex-col gap-2"
          aria-label={t("answerLabel", names)}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FormField id={`${id}-reply`} label={t("replyLabel")} error={error} hint={t("replyHint")}>
            <Textarea
              {...fieldA11y(`${id}-reply`, error, true)}
              value={reply}
              autoFocus
              rows={3}
              onChange={(event) => setReply(event.target.value)}
            />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={answer.isPending}>
              {answer.isPending ? t("submittingReply") : t("submitReply")}
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => {
                setOpen(false);
                setError(undefined);
              }}
            >
              {tc("cancel")}
            </Button>
          </div>
        </form>
      )}
      {failure && (
        <p role="alert" className="text-sm text-destructive">
          {failure}
        </p>
      )}
    </div>
  );
}
