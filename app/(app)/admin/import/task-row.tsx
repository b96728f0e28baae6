"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { splitPoints, type DraftTask } from "@/lib/imports/draft";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";
import { useEditor } from "./editor-context";
import { IndicatorRows } from "./indicator-rows";
import { PersonOptions } from "./person-options";

const tail = (text: string) => (text.length > 14 ? `…${text.slice(-14)}` : text);

/** One task of the preview: title, owner, lead unit, dates, indicators, and merge/split/drop. */
export function TaskRow({
  projectKey,
  task,
  index,
}: {
  projectKey: string;
  task: DraftTask;
  index: number;
}) {
  const t = useTranslations("planImport");
  const { act, errors, options, period } = useEditor();
  const [splitting, setSplitting] = useState(false);
  const [splitAt, setSplitAt] = useState("copy");
  const id = (field: string) => `${task.key}-${field}`;
  const err = (field: string) => errors[`${task.key}.${field}`];
  const ref = { project: projectKey, task: task.key };
  const clear = (field: string) => [`${task.key}.${field}`];
  const points = splitting ? splitPoints(task) : [];

  return (
    <div
      className="flex flex-col gap-3 rounded-md border p-3"
      role="group"
      aria-label={t("taskLabel", { n: index + 1 })}
      data-testid="import-task"
    >
      <div className="flex items-start gap-2">
        <span className="mt-8 w-6 shrink-0 text-sm text-muted-foreground tabular-nums">
          {index + 1}
        </span>
        <div className="min-w-0 flex-1">
          <FormField id={id("title")} label={t("taskTitle")} error={err("title")}>
            <Input
              {...fieldA11y(id("title"), err("title"))}
              maxLength={200}
              value={task.title}
              data-testid="task-title"
              onChange={(e) =>
                act({ type: "task", ...ref, patch: { title: e.target.value } }, clear("title"))
              }
            />
          </FormField>
        </div>
      </div>

      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground">{t("taskText")}</summary>
        <div className="mt-2">
          <FormField id={id("description")} label={t("taskText")} error={err("description")}>
            <Textarea
              {...fieldA11y(id("description"), err("description"))}
              rows={3}
              value={task.description}
              onChange={(e) =>
                act(
                  { type: "task", ...ref, patch: { description: e.target.value } },
                  clear("description"),
                )
              }
            />
          </FormField>
        </div>
      </details>

      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id={id("owner")} label={t("owner")} error={err("ownerId")}>
          <NativeSelect
            {...fieldA11y(id("owner"), err("ownerId"))}
            required
            value={task.ownerId ?? ""}
            data-testid="task-owner"
            onChange={(e) => {
              const person = options.people.find((p) => String(p.id) === e.target.value);
              act(
                {
                  type: "owner",
                  ...ref,
                  ownerId: person?.id ?? null,
                  unitId: person?.unitId ?? null,
                },
                [...clear("ownerId"), ...clear("leadUnitId")],
              );
            }}
          >
            <option value="">{t("choosePerson")}</option>
            <PersonOptions people={options.people} />
          </NativeSelect>
        </FormField>
        <FormField id={id("unit")} label={t("leadUnit")} error={err("leadUnitId")}>
          <NativeSelect
            {...fieldA11y(id("unit"), err("leadUnitId"))}
            required
            value={task.leadUnitId ?? ""}
            onChange={(e) =>
              act(
                {
                  type: "leadUnit",
                  ...ref,
                  unitId: e.target.value ? Number(e.target.value) : null,
                },
                clear("leadUnitId"),
              )
            }
          >
            <option value="">{t("chooseUnit")}</option>
            {options.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id={id("start")} label={t("startDate")} error={err("startDate")}>
          <Input
            {...fieldA11y(id("start"), err("startDate"))}
            type="date"
            min={period.startDate}
            max={period.endDate}
            value={task.startDate}
            onChange={(e) =>
              act(
                { type: "task", ...ref, patch: { startDate: e.target.value } },
                clear("startDate"),
              )
            }
          />
        </FormField>
        <FormField id={id("due")} label={t("dueDate")} error={err("dueDate")}>
          <Input
            {...fieldA11y(id("due"), err("dueDate"))}
            type="date"
            min={period.startDate}
            max={period.endDate}
            value={task.dueDate}
            onChange={(e) =>
              act({ type: "task", ...ref, patch: { dueDate: e.target.value } }, clear("dueDate"))
            }
          />
        </FormField>
      </div>

      <IndicatorRows projectKey={projectKey} task={task} />

      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={index === 0}
          onClick={() => act({ type: "mergeTask", ...ref })}
        >
          {t("mergeUp")}
        </Button>
        <Button
          type="button"
          variant="outline"
          size="sm"
          aria-expanded={splitting}
          onClick={() => setSplitting((open) => !open)}
        >
          {t("split")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="text-destructive"
          onClick={() => act({ type: "dropTask", ...ref })}
        >
          {t("dropTask")}
        </Button>
      </div>

      {splitting && (
        <div className="flex flex-wrap items-end gap-2 rounded-md bg-muted/50 p-3">
          <div className="flex min-w-0 flex-1 flex-col gap-1.5">
            <label htmlFor={id("split")} className="text-sm font-medium">
              {t("splitAt")}
            </label>
            <NativeSelect
              id={id("split")}
              value={splitAt}
              onChange={(e) => setSplitAt(e.target.value)}
            >
              <option value="copy">{t("splitCopy")}</option>
              {points.map((point) => (
                <option key={point.index} value={point.index}>
                  {t("splitAfter", { text: tail(point.before) })}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button
            type="button"
            size="sm"
            onClick={() => {
              act({
                type: "splitTask",
                ...ref,
                index: splitAt === "copy" ? undefined : Number(splitAt),
              });
              setSplitting(false);
              setSplitAt("copy");
            }}
          >
            {t("splitApply")}
          </Button>
        </div>
      )}
    </div>
  );
}
