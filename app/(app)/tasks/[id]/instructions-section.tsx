"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { InstructionItem } from "@/lib/instructions/queries";
import { MAX_INSTRUCTION_LENGTH } from "@/lib/instructions/schemas";
import { applyApiErrors } from "@/app/_queries/api-client";
import { useCreateInstruction, useTaskInstructions } from "@/app/_queries/oversight";
import { FormField, fieldA11y, useFieldMessage } from "@/app/_components/form-field";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Textarea } from "@/app/_components/ui/textarea";
import { InstructionCard } from "@/app/_components/instruction-card";

/**
 * 领导批示 on a task: every instruction with its state and answer; leaders write new ones here, and
 * the task's owner acknowledges and answers them. `#instructions` is where the bell links to.
 */
export function InstructionsSection({
  taskId,
  initial,
  canInstruct,
}: {
  taskId: number;
  initial: InstructionItem[];
  /** A leader, on a task that is not archived. */
  canInstruct: boolean;
}) {
  const t = useTranslations("instructions");
  const items = useTaskInstructions(taskId, initial).data ?? initial;
  return (
    <Card
      id="instructions"
      role="region"
      aria-labelledby="instructions-title"
      data-testid="instructions"
    >
      <CardHeader>
        <CardTitle id="instructions-title" className="flex items-center gap-2 text-base">
          {t("title")}
          <span className="text-sm font-normal text-muted-foreground">{items.length}</span>
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col divide-y rounded-md border">
            {items.map((item) => (
              <InstructionCard key={item.id} item={item} />
            ))}
          </ul>
        )}
        {canInstruct && <InstructionForm taskId={taskId} />}
      </CardContent>
    </Card>
  );
}

/** A leader's new instruction: required, at most 1000 characters. */
function InstructionForm({ taskId }: { taskId: number }) {
  const t = useTranslations("instructions");
  const say = useFieldMessage();
  const id = useId();
  const create = useCreateInstruction(taskId);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = () => {
    const value = text.trim();
    const problem = !value
      ? t("textRequired")
      : value.length > MAX_INSTRUCTION_LENGTH
        ? t("textTooLong")
        : undefined;
    setError(problem);
    setFailure(null);
    if (problem) return;
    create.mutate(value, {
      onSuccess: () => setText(""),
      // A refusal of the whole request (e.g. 该任务已归档) comes as a message key: say it.
      onError: (err) =>
        setFailure(
          say(
            applyApiErrors(
              err,
              (name) => name === "text",
              (_, message) => setError(message),
              t("failed"),
            ) ?? undefined,
          ) ?? null,
        ),
    });
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-2 border-t pt-4"
      aria-label={t("new")}
      data-testid="instruction-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormField id={`${id}-text`} label={t("textLabel")} error={error} hint={t("textHint")}>
        <Textarea
          {...fieldA11y(`${id}-text`, error, true)}
          value={text}
          rows={3}
          placeholder={t("textPlaceholder")}
          onChange={(event) => {
            setText(event.target.value);
            create.reset();
          }}
        />
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={create.isPending}>
          {create.isPending ? t("submitting") : t("submit")}
        </Button>
        <span role="status" className="text-sm text-muted-foreground">
          {create.isSuccess ? t("sent") : ""}
        </span>
      </div>
      {failure && (
        <p role="alert" className="text-sm text-destructive">
          {failure}
        </p>
      )}
    </form>
  );
}
