"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { useTranslations } from "next-intl";
import { DIRECTIONS } from "@/db/schema/indicators";
import type { Indicator } from "@/lib/indicators/queries";
import { indicatorCreateSchema } from "@/lib/indicators/schemas";
import type { TaskDetail } from "@/lib/tasks/queries";
import { formatFigure } from "@/lib/format";
import { ApiError, applyApiErrors } from "@/app/_queries/api-client";
import {
  useCreateIndicator,
  useRemoveIndicator,
  useUpdateIndicator,
} from "@/app/_queries/indicators";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { ProgressBar } from "@/app/_components/progress-bar";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";

type IndicatorRow = TaskDetail["indicators"][number];

/** Text inputs → numbers (empty → absent, so the schema's defaults apply), checked by the API's schema. */
const toNumber = (text: string) => (text.trim() === "" ? undefined : Number(text.trim()));
const formSchema = z
  .object({
    name: z.string(),
    unit: z.string(),
    baseline: z.string(),
    target: z.string(),
    direction: z.enum(DIRECTIONS, { error: "validation.invalidChoice" }),
    decimals: z.string(),
    weight: z.string(),
  })
  .transform((values, ctx) => {
    const parsed = indicatorCreateSchema.safeParse({
      ...values,
      baseline: toNumber(values.baseline),
      target: toNumber(values.target),
      decimals: toNumber(values.decimals),
      weight: toNumber(values.weight),
    });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const [field] = issue.path;
      // An empty figure the schema has no default for (the target) is missing, not malformed.
      const text = typeof field === "string" ? values[field as keyof typeof values] : undefined;
      const empty = text !== undefined && text.trim() === "";
      const message = empty ? "validation.required" : issue.message;
      ctx.addIssue({ code: "custom", message, path: issue.path });
    }
    return z.NEVER;
  });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const FIELDS = ["name", "unit", "baseline", "target", "direction", "decimals", "weight"] as const;

type Editable = Pick<
  Indicator,
  "name" | "unit" | "baseline" | "target" | "direction" | "decimals" | "weight"
>;

const valuesOf = (indicator?: Editable): FormInput => ({
  name: indicator?.name ?? "",
  unit: indicator?.unit ?? "",
  baseline: String(indicator?.baseline ?? 0),
  target: indicator === undefined ? "" : String(indicator.target),
  direction: indicator?.direction ?? "increase",
  decimals: String(indicator?.decimals ?? 0),
  weight: String(indicator?.weight ?? 1),
});

/**
 * A task's indicators (指标): baseline, target, current value and progress, as a table on a PC and
 * as stacked cells on a phone. Leaders and admins (`canEdit`) add, edit and remove them here; the
 * task's query is invalidated after each change, so `indicators` arrives fresh from the parent.
 */
export function IndicatorsSection({
  taskId,
  indicators,
  canEdit,
}: {
  taskId: number;
  indicators: IndicatorRow[];
  canEdit: boolean;
}) {
  const t = useTranslations("task");
  const ti = useTranslations("indicators");
  const tf = useTranslations("taskForm");
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useRemoveIndicator(taskId);

  const removeIndicator = async (indicator: IndicatorRow) => {
    setNotice(null);
    try {
      const { outcome } = await remove.mutateAsync({
        id: indicator.id,
        version: indicator.version,
      });
      setNotice(outcome === "archived" ? ti("archived") : ti("deleted"));
      if (editing === indicator.id) setEditing(null);
    } catch {
      // remove.error is shown below
    }
  };

  const headingId = `indicators-${taskId}`;
  return (
    <Card role="region" aria-labelledby={headingId} data-testid="indicators">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle id={headingId}>{t("indicators")}</CardTitle>
        {canEdit && editing !== "new" && (
          <Button
            type="button"
            size="sm"
            onClick={() => {
              setNotice(null);
              setEditing("new");
            }}
          >
            {tf("addIndicator")}
          </Button>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <p role="status" className={notice ? "text-sm text-muted-foreground" : "sr-only"}>
          {notice}
        </p>
        {remove.conflict ? (
          <ConflictAlert error={remove.error} onReload={() => remove.reset()} />
        ) : (
          remove.error && (
            <Alert variant="destructive" role="alert">
              {remove.error instanceof ApiError && remove.error.status < 500
                ? remove.error.message
                : tf("failed")}
            </Alert>
          )
        )}
        {indicators.length === 0 ? (
          editing !== "new" && <p className="text-sm text-muted-foreground">{t("noIndicators")}</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="hidden text-left text-muted-foreground sm:table-header-group">
              <tr className="border-b">
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("indicatorColumns.name")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  {t("indicatorColumns.baseline")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  {t("indicatorColumns.target")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  {t("indicatorColumns.current")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {ti("columns.unit")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("indicatorColumns.progress")}
                </th>
                {canEdit && (
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">{ti("columns.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) =>
                editing === indicator.id ? (
                  <tr key={indicator.id} className="block border-b sm:table-row">
                    <td colSpan={canEdit ? 7 : 6} className="block py-3 sm:table-cell">
                      <IndicatorForm
                        taskId={taskId}
                        indicator={indicator}
                        onDone={() => {
                          setEditing(null);
                          setNotice(ti("saved"));
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <IndicatorTableRow
                    key={indicator.id}
                    indicator={indicator}
                    actions={
                      canEdit && (
                        <>
                          <Button
                            type="button"
                            size="sm"
                            variant="outline"
                            aria-label={ti("editNamed", { name: indicator.name })}
                            onClick={() => {
                              setNotice(null);
                              remove.reset();
                              setEditing(indicator.id);
                            }}
                          >
                            {ti("edit")}
                          </Button>
                          <ConfirmButton
                            question={ti("confirmRemove")}
                            confirmLabel={ti("confirmRemoveButton")}
                            label={ti("removeNamed", { name: indicator.name })}
                            disabled={remove.isPending}
                            variant="ghost"
                            onConfirm={() => void removeIndicator(indicator)}
                          >
                            {ti("remove")}
                          </ConfirmButton>
                        </>
                      )
                    }
                  />
                ),
              )}
            </tbody>
          </table>
        )}
        {canEdit && editing === "new" && (
          <div className="rounded-md border p-3 sm:p-4">
            <IndicatorForm
              taskId={taskId}
              onDone={() => {
                setEditing(null);
                setNotice(ti("added"));
              }}
              onCancel={() => setEditing(null)}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** One indicator: a table row on a PC; on a phone a small grid, each figure under its label. */
function IndicatorTableRow({
  indicator,
  actions,
}: {
  indicator: IndicatorRow;
  actions: React.ReactNode;
}) {
  const t = useTranslations("task");
  const ti = useTranslations("indicators");
  const figure = (value: number | null) =>
    value === null ? "—" : formatFigure(value, indicator.decimals);
  const mobileLabel = "text-xs text-muted-foreground sm:hidden";
  const number = "flex flex-col tabular-nums sm:table-cell sm:py-2 sm:pr-3 sm:text-right";
  return (
    <tr
      className="grid grid-cols-3 gap-x-3 gap-y-2 border-b py-3 last:border-0 sm:table-row sm:py-0"
      data-testid="indicator-row"
    >
      <th
        scope="row"
        className="col-span-2 min-w-0 break-words text-left font-medium sm:table-cell sm:py-2 sm:pr-3"
        data-testid="indicator-name"
      >
        {indicator.name}
        <span className="ml-1 text-xs font-normal text-muted-foreground">
          {t(`direction.${indicator.direction}`)}
        </span>
      </th>
      <td className={number}>
        <span className={mobileLabel}>{t("indicatorColumns.baseline")}</span>
        {figure(indicator.baseline)}
      </td>
      <td className={number}>
        <span className={mobileLabel}>{t("indicatorColumns.target")}</span>
        {figure(indicator.target)}
      </td>
      <td className={number} data-testid="indicator-current">
        <span className={mobileLabel}>{t("indicatorColumns.current")}</span>
        {figure(indicator.current)}
      </td>
      <td className="col-start-3 row-start-1 text-right text-muted-foreground sm:table-cell sm:py-2 sm:pr-3 sm:text-left sm:text-foreground">
        <span className={mobileLabel}>{ti("columns.unit")} </span>
        {indicator.unit}
      </td>
      <td className="col-span-3 sm:table-cell sm:py-2 sm:pr-3">
        <ProgressBar
          value={indicator.progress}
          label={`${indicator.name} ${t("indicatorColumns.progress")}`}
        />
      </td>
      {actions && (
        <td className="col-span-3 sm:table-cell sm:py-2">
          <div className="flex flex-wrap items-center gap-2 sm:justify-end">{actions}</div>
        </td>
      )}
    </tr>
  );
}

/**
 * Adds (no `indicator`) or edits an indicator: the API's own schema checks it first, so a target on
 * the wrong side of the baseline is named under the target field before anything is sent.
 */
function IndicatorForm({
  taskId,
  indicator,
  onDone,
  onCancel,
}: {
  taskId: number;
  indicator?: IndicatorRow;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("taskForm");
  const ti = useTranslations("indicators");
  const td = useTranslations("task.direction");
  const create = useCreateIndicator(taskId);
  const update = useUpdateIndicator(taskId);
  const [version, setVersion] = useState(indicator?.version);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: valuesOf(indicator),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (indicator) {
        await update.mutateAsync({
          id: indicator.id,
          version: version ?? indicator.version,
          ...values,
        });
      } else {
        await create.mutateAsync(values);
      }
      onDone();
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => (FIELDS as readonly string[]).includes(name),
          (name, message) => setError(name as (typeof FIELDS)[number], { message }),
          t("failed"),
        ),
      );
    }
  });

  const loadCurrent = () => {
    const current = update.conflict?.current as Indicator | undefined;
    if (current) {
      setVersion(current.version);
      reset(valuesOf(current));
    }
    update.reset();
  };

  const key = indicator ? String(indicator.id) : "new";
  const id = (field: string) => `indicator-${key}-${field}`;
  const field = (name: (typeof FIELDS)[number]) => ({
    ...fieldA11y(id(name), errors[name]?.message),
    ...register(name),
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={indicator ? ti("editTitle") : ti("addTitle")}
      className="flex flex-col gap-3"
      data-testid="indicator-form"
    >
      <p className="font-medium">{indicator ? ti("editTitle") : ti("addTitle")}</p>
      {indicator && <ConflictAlert error={update.error} onReload={loadCurrent} />}
      {formError && (
        <Alert variant="destructive" role="alert">
          {formError}
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <FormField id={id("name")} label={t("indicatorName")} error={errors.name?.message}>
            <Input {...field("name")} />
          </FormField>
        </div>
        <FormField id={id("unit")} label={t("indicatorUnit")} error={errors.unit?.message}>
          <Input {...field("unit")} />
        </FormField>
        <FormField id={id("direction")} label={t("direction")} error={errors.direction?.message}>
          <NativeSelect {...field("direction")}>
            {DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {td(direction)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id={id("baseline")} label={t("baseline")} error={errors.baseline?.message}>
          <Input inputMode="decimal" autoComplete="off" {...field("baseline")} />
        </FormField>
        <FormField id={id("target")} label={t("target")} error={errors.target?.message}>
          <Input inputMode="decimal" autoComplete="off" {...field("target")} />
        </FormField>
        <FormField
          id={id("decimals")}
          label={t("decimals")}
          error={errors.decimals?.message}
          hint={ti("decimalsHint")}
        >
          <Input inputMode="numeric" autoComplete="off" {...field("decimals")} />
        </FormField>
        <FormField
          id={id("weight")}
          label={t("indicatorWeight")}
          error={errors.weight?.message}
          hint={ti("weightHint")}
        >
          <Input inputMode="decimal" autoComplete="off" {...field("weight")} />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
