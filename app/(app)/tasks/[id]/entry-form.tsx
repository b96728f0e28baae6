"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { TaskEntry } from "@/lib/entries/queries";
import {
  entryDateIssue,
  entryDateRange,
  MAX_NOTE_LENGTH,
  percentIssue,
  readingIssue,
  readingWarnings,
  type ReadingWarning,
} from "@/lib/entries/rules";
import type { EntryCreateInput } from "@/lib/entries/schemas";
import { previousReadings } from "@/lib/entries/series";
import { formatFigure } from "@/lib/format";
import { indicatorProgress } from "@/lib/progress";
import { STATUS_TRANSITIONS, type TaskStatus } from "@/lib/tasks/status";
import type { TaskDetail } from "@/lib/tasks/queries";
import { applyApiErrors, ApiError } from "@/app/_queries/api-client";
import { useCreateEntry, useUpdateEntry } from "@/app/_queries/entries";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";
import { HydratedFieldset } from "@/app/_components/hydrated-fieldset";
import { useHydrated } from "@/app/_components/use-hydrated";
import { EvidencePicker } from "./evidence-picker";

interface Values {
  date: string;
  /** Keyed `i<indicatorId>`: a number key would make react-hook-form build an array. */
  readings: Record<string, string>;
  percent: string;
  note: string;
  problems: string;
  nextSteps: string;
  status: "" | TaskStatus;
}

const readingKey = (indicatorId: number) => `i${indicatorId}`;
const toNumber = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

function initialValues(entry: TaskEntry | undefined, date: string): Values {
  return {
    date: entry?.date ?? date,
    readings: Object.fromEntries(
      (entry?.readings ?? []).map((r) => [readingKey(r.indicatorId), String(r.value)]),
    ),
    percent: entry?.percent === null || entry?.percent === undefined ? "" : String(entry.percent),
    note: entry?.note ?? "",
    problems: entry?.problems ?? "",
    nextSteps: entry?.nextSteps ?? "",
    status: "",
  };
}

/**
 * 填报进展, and its edit: date, one cumulative reading per indicator (or a percent), what was done,
 * problems, next steps, a status change and evidence. Checked here by the server's own rules;
 * readings that go back or past the target are confirmed before anything is sent.
 */
export function EntryForm({
  task,
  entries,
  plan,
  today,
  canReopen,
  entry,
}: {
  task: TaskDetail;
  entries: TaskEntry[];
  /** The plan's period and today in its zone: what dates an entry may have. */
  plan: { startDate: string; endDate: string };
  today: string;
  canReopen: boolean;
  entry?: TaskEntry;
}) {
  const t = useTranslations("entryForm");
  const tStatus = useTranslations("status");
  const router = useRouter();
  const hydrated = useHydrated();
  const [reloading, startReload] = useTransition();
  const create = useCreateEntry(task.id);
  const update = useUpdateEntry(task.id, entry?.id ?? 0);
  const mutation = entry ? update : create;
  // Saving a returned entry sends it back for review: the button and the task page say so.
  const resubmit = entry?.reviewStatus === "returned";
  const [files, setFiles] = useState<File[]>([]);
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<
    { name: string; warning: ReadingWarning | "completeShort" }[] | null
  >(null);
  const dateRange = entryDateRange(plan, today);
  const form = useForm<Values>({ defaultValues: initialValues(entry, dateRange.max) });
  const { register, handleSubmit, setError, formState } = form;
  const date = useWatch({ control: form.control, name: "date" });
  const note = useWatch({ control: form.control, name: "note" });
  const previous = previousReadings(
    entries,
    date && date <= dateRange.max ? date : dateRange.max,
    entry?.id,
  );
  // Reopening a completed task is the leaders' (lib/auth/policy.ts); others see no choices.
  const statuses = task.status === "completed" && !canReopen ? [] : STATUS_TRANSITIONS[task.status];

  const errorOf = (name: string): string | undefined => {
    let node: unknown = formState.errors;
    for (const key of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
    return (node as { message?: string } | undefined)?.message;
  };

  function inputOf(values: Values): EntryCreateInput {
    const readings = task.indicators.flatMap((indicator) => {
      const value = toNumber(values.readings[readingKey(indicator.id)] ?? "");
      return value === null ? [] : [{ indicatorId: indicator.id, value }];
    });
    const percent = toNumber(values.percent);
    return {
      date: values.date,
      note: values.note.trim(),
      problems: values.problems.trim(),
      nextSteps: values.nextSteps.trim(),
      readings,
      ...(task.indicators.length === 0 ? { percent } : {}),
      ...(values.status ? { status: values.status, taskVersion: task.version } : {}),
    };
  }

  /** Puts the server's field names back on this form's fields. */
  function showServerErrors(error: unknown, sent: EntryCreateInput) {
    const local = (field: string) => {
      const reading = /^readings\.(\d+)\./.exec(field);
      if (reading) {
        const indicatorId = sent.readings[Number(reading[1])]?.indicatorId;
        return indicatorId ? `readings.${readingKey(indicatorId)}` : null;
      }
      return ["date", "percent", "note", "problems", "nextSteps", "status"].includes(field)
        ? field
        : null;
    };
    let focused = false;
    if (error instanceof ApiError) {
      setFileErrors(
        Object.fromEntries(Object.entries(error.fields).filter(([f]) => f.startsWith("files"))),
      );
    }
    setFormError(
      applyApiErrors(
        error,
        (field) => local(field) !== null || field.startsWith("files"),
        (field, message) => {
          const name = local(field);
          // The first refused field takes the focus: on a phone it may be far above the button.
          if (name) setError(name as keyof Values, { message }, { shouldFocus: !focused });
          focused ||= name !== null;
        },
        t("failed"),
      ),
    );
  }

  async function send(values: Values) {
    const input = inputOf(values);
    setFormError(null);
    setFileErrors({});
    try {
      if (entry) {
        const { status: _s, taskVersion: _v, ...fields } = input;
        void _s;
        void _v;
        await update.mutateAsync({
          version: entry.version,
          ...fields,
          readings: input.readings,
          ...(task.indicators.length === 0 ? { percent: input.percent ?? null } : {}),
        });
      } else {
        await create.mutateAsync({ input, files });
      }
      router.push(
        `/tasks/${task.id}?saved=${resubmit ? "resubmitted" : entry ? "edited" : "reported"}`,
      );
    } catch (error) {
      showServerErrors(error, input);
    }
  }

  function onValid(values: Values) {
    if (warnings === null) {
      const found: { name: string; warning: ReadingWarning | "completeShort" }[] =
        task.indicators.flatMap((indicator) => {
          const value = toNumber(values.readings[readingKey(indicator.id)] ?? "");
          if (value === null) return [];
          // An edit asks only about the readings it changes.
          const original = entry?.readings.find((r) => r.indicatorId === indicator.id)?.value;
          if (value === original) return [];
          const before = previous.readings.get(indicator.id)?.value ?? null;
          return readingWarnings(indicator, before, value).map((warning) => ({
            name: indicator.name,
            warning,
          }));
        });
      if (values.status === "completed") {
        const short = task.indicators.filter((indicator) => {
          const value =
            toNumber(values.readings[readingKey(indicator.id)] ?? "") ??
            previous.readings.get(indicator.id)?.value ??
            null;
          return indicatorProgress(indicator, value) < 1;
        });
        found.push(...short.map((i) => ({ name: i.name, warning: "completeShort" as const })));
      }
      if (found.length > 0) {
        setWarnings(found);
        // On a phone the question would sit below the fold: bring it into view.
        requestAnimationFrame(() =>
          document
            .querySelector("[data-testid=entry-warnings]")
            ?.scrollIntoView({ block: "center", behavior: "smooth" }),
        );
        return;
      }
    }
    setWarnings(null);
    return send(values);
  }

  const dateError = errorOf("date");
  return (
    <form
      aria-label={entry ? t("editTitle") : t("title")}
      className="flex flex-col gap-5"
      noValidate
      onSubmit={handleSubmit(onValid)}
      onChange={() => warnings && setWarnings(null)}
    >
      <HydratedFieldset>
        <FormField id="entry-date" label={t("date")} error={dateError} hint={t("dateHint")}>
          <Input
            type="date"
            min={dateRange.min}
            max={dateRange.max}
            className="w-full sm:w-48"
            {...fieldA11y("entry-date", dateError, true)}
            {...register("date", {
              validate: (value) =>
                !value ? "validation.invalidDate" : (entryDateIssue(value, plan, today) ?? true),
            })}
          />
        </FormField>

        {task.indicators.length > 0 ? (
          <fieldset className="flex flex-col gap-4 rounded-lg border p-3">
            <legend className="px-1 text-sm font-medium">{t("readings")}</legend>
            <p className="text-xs text-muted-foreground">{t("readingsHint")}</p>
            {task.indicators.map((indicator) => {
              const id = `reading-${indicator.id}`;
              const name = `readings.${readingKey(indicator.id)}` as const;
              const error = errorOf(name);
              const before = previous.readings.get(indicator.id);
              return (
                <FormField
                  key={indicator.id}
                  id={id}
                  label={`${indicator.name}（${indicator.unit}）`}
                  error={error}
                  hint={
                    <span data-testid={`${id}-hint`}>
                      {before
                        ? t("previous", {
                            value: formatFigure(before.value, indicator.decimals),
                            unit: indicator.unit,
                            date: before.date,
                          })
                        : t("noPrevious")}
                      {" · "}
                      {t("target", {
                        value: formatFigure(indicator.target, indicator.decimals),
                        unit: indicator.unit,
                      })}
                    </span>
                  }
                >
                  <Input
                    inputMode={indicator.decimals > 0 ? "decimal" : "numeric"}
                    autoComplete="off"
                    placeholder={before ? formatFigure(before.value, indicator.decimals) : ""}
                    className="w-full sm:w-48"
                    {...fieldA11y(id, error, true)}
                    {...register(name, {
                      validate: (text) => {
                        if (!text || text.trim() === "") return true;
                        if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return "validation.invalidNumber";
                        return readingIssue(indicator, Number(text.trim())) ?? true;
                      },
                    })}
                  />
                </FormField>
              );
            })}
          </fieldset>
        ) : (
          <FormField
            id="entry-percent"
            label={t("percent")}
            error={errorOf("percent")}
            hint={
              previous.percent !== null
                ? t("previousPercent", { value: previous.percent })
                : t("noPrevious")
            }
          >
            <Input
              inputMode="decimal"
              autoComplete="off"
              className="w-full sm:w-48"
              {...fieldA11y("entry-percent", errorOf("percent"), true)}
              {...register("percent", {
                validate: (text) => {
                  if (!text || text.trim() === "") return true;
                  if (!/^\d+(\.\d+)?$/.test(text.trim())) return "validation.invalidNumber";
                  return percentIssue(Number(text.trim())) ?? true;
                },
              })}
            />
          </FormField>
        )}

        <FormField
          id="entry-note"
          label={t("note")}
          error={errorOf("note")}
          hint={t("noteHint", { count: note.length, max: MAX_NOTE_LENGTH })}
        >
          <Textarea
            rows={4}
            maxLength={MAX_NOTE_LENGTH}
            {...fieldA11y("entry-note", errorOf("note"))}
            {...register("note", {
              validate: (text) => (text.trim() ? true : "validation.required"),
            })}
          />
        </FormField>
        <FormField id="entry-problems" label={t("problems")} error={errorOf("problems")}>
          <Textarea
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            {...fieldA11y("entry-problems", errorOf("problems"))}
            {...register("problems")}
          />
        </FormField>
        <FormField id="entry-next-steps" label={t("nextSteps")} error={errorOf("nextSteps")}>
          <Textarea
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            {...fieldA11y("entry-next-steps", errorOf("nextSteps"))}
            {...register("nextSteps")}
          />
        </FormField>

        {!entry && statuses.length > 0 && (
          <FormField
            id="entry-status"
            label={t("status")}
            error={errorOf("status")}
            hint={t("statusHint", { status: tStatus(task.status) })}
          >
            <NativeSelect
              className="w-full sm:w-48"
              {...fieldA11y("entry-status", errorOf("status"))}
              {...register("status")}
            >
              <option value="">{t("statusUnchanged")}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {tStatus(status)}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        )}

        {!entry && (
          <EvidencePicker
            files={files}
            onChange={(next) => {
              setFiles(next);
              setFileErrors({});
            }}
            serverErrors={fileErrors}
          />
        )}

        {warnings && (
          <Alert role="alert" data-testid="entry-warnings">
            <p className="font-medium">{t("confirmTitle")}</p>
            <ul className="mt-1 list-disc pl-5">
              {warnings.map((w) => (
                <li key={`${w.name}-${w.warning}`}>
                  {t(`warnings.${w.warning}`, { name: w.name })}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {formError && (
          <Alert variant="destructive" role="alert" data-testid="entry-form-error">
            {formError}
          </Alert>
        )}
        <ConflictAlert
          error={mutation.error}
          // The page's task (and its version) is reloaded from the server; what was typed stays.
          // Saving waits until the reload is in, so it is never sent with the old version again.
          onReload={() =>
            startReload(() => {
              mutation.reset();
              router.refresh();
            })
          }
        />

        <div className="sticky bottom-0 -mx-4 flex gap-2 border-t bg-background/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
          <Button
            type="submit"
            className="flex-1 sm:flex-none"
            // Also after success, while the task page loads: a second tap must not save twice.
            disabled={!hydrated || reloading || mutation.isPending || mutation.isSuccess}
          >
            {mutation.isPending || mutation.isSuccess
              ? t("saving")
              : warnings
                ? t("confirmSubmit")
                : resubmit
                  ? t("resubmit")
                  : t("submit")}
          </Button>
          <Button type="button" variant="outline" onClick={() => router.push(`/tasks/${task.id}`)}>
            {t("cancel")}
          </Button>
        </div>
      </HydratedFieldset>
    </form>
  );
}
