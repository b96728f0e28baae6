"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { Plan } from "@/lib/plans/queries";
import { planSettingsSchema } from "@/lib/plans/settings-schema";
import { applyApiErrors, conflictInfo } from "@/app/_queries/api-client";
import { useUpdatePlanSettings } from "@/app/_queries/plans";
import { ConflictAlert } from "@/app/_components/conflict-alert";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { HydratedFieldset } from "@/app/_components/hydrated-fieldset";
import { useHydrated } from "@/app/_components/use-hydrated";

// The API's schema without the version (kept apart: it is not a field), plus the order of the
// two gaps and of the two dates, which the server checks too, so the form says it before a round
// trip. (Whether a shorter period leaves a task outside it only the server knows.)
const fieldsSchema = planSettingsSchema.omit({ version: true }).required();
const formSchema = fieldsSchema
  .refine((v) => v.greenMaxGap <= v.yellowMaxGap, {
    path: ["greenMaxGap"],
    error: "validation.thresholdOrder",
  })
  .refine((v) => v.startDate <= v.endDate, {
    path: ["endDate"],
    error: "validation.periodOrder",
  });
type Input = z.input<typeof formSchema>;
type Output = z.output<typeof formSchema>;
type Settings = Pick<
  Plan,
  | "id"
  | "version"
  | "title"
  | "startDate"
  | "endDate"
  | "timeZone"
  | "reportingDay"
  | "greenMaxGap"
  | "yellowMaxGap"
>;

const valuesOf = (plan: Settings): Input => ({
  title: plan.title,
  startDate: plan.startDate,
  endDate: plan.endDate,
  timeZone: plan.timeZone,
  reportingDay: plan.reportingDay,
  greenMaxGap: plan.greenMaxGap,
  yellowMaxGap: plan.yellowMaxGap,
});

/**
 * 计划名称, 计划周期, 时区, 填报截止日 and 亮灯阈值, checked with the API's schema; a stale save
 * shows who changed them.
 */
export function PlanSettingsForm({ plan }: { plan: Settings }) {
  const t = useTranslations("planSettings");
  const update = useUpdatePlanSettings(plan.id);
  const [version, setVersion] = useState(plan.version);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(formSchema),
    defaultValues: valuesOf(plan),
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const next = await update.mutateAsync({ version, ...values });
      setVersion(next.version);
      form.reset(valuesOf(next));
      setSaved(true);
      // The page's heading shows the plan's title.
      router.refresh();
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => name in fieldsSchema.shape,
          (name, message) => form.setError(name as Path<Input>, { message }),
          t("failed"),
        ),
      );
    }
  });

  const reloadLatest = () => {
    const current = conflictInfo(update.error)?.current as Settings | undefined;
    if (current) {
      form.reset(valuesOf(current));
      setVersion(current.version);
    }
    update.reset();
  };

  const textField = (name: keyof Input, hint = false) => ({
    ...fieldA11y(name, errors[name]?.message, hint),
    ...register(name),
  });

  const numberField = (name: keyof Input, hint = true) => ({
    ...fieldA11y(name, errors[name]?.message, hint),
    ...register(name, { valueAsNumber: true }),
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("title")}
      className="flex flex-col gap-4"
      data-testid="plan-settings-form"
      onChange={() => setSaved(false)}
    >
      <HydratedFieldset>
        <ConflictAlert error={update.error} onReload={reloadLatest} />
        {formError && <Alert variant="destructive">{formError}</Alert>}

        <FormField id="title" label={t("planTitle")} error={errors.title?.message}>
          <Input {...textField("title")} />
        </FormField>

        <fieldset
          className="flex flex-col gap-4 rounded-lg border p-4"
          aria-describedby="period-hint"
        >
          <legend className="px-1 text-sm font-medium">{t("period")}</legend>
          <p id="period-hint" className="text-sm text-muted-foreground">
            {t("periodHint")}
          </p>
          <div className="flex flex-wrap gap-4">
            <FormField id="startDate" label={t("startDate")} error={errors.startDate?.message}>
              <Input type="date" className="w-44" {...textField("startDate")} />
            </FormField>
            <FormField id="endDate" label={t("endDate")} error={errors.endDate?.message}>
              <Input type="date" className="w-44" {...textField("endDate")} />
            </FormField>
          </div>
        </fieldset>

        <FormField
          id="timeZone"
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          error={errors.timeZone?.message}
        >
          <Input
            className="w-56"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            {...textField("timeZone", true)}
          />
        </FormField>

        <FormField
          id="reportingDay"
          label={t("reportingDay")}
          hint={t("reportingDayHint")}
          error={errors.reportingDay?.message}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={28}
            step={1}
            className="w-28"
            {...numberField("reportingDay")}
          />
        </FormField>

        <fieldset className="flex flex-col gap-4 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">{t("lights")}</legend>
          <p className="text-sm text-muted-foreground">{t("lightsHint")}</p>
          <FormField
            id="greenMaxGap"
            label={t("greenMaxGap")}
            hint={t("greenMaxGapHint")}
            error={errors.greenMaxGap?.message}
          >
            <Input
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              className="w-28"
              {...numberField("greenMaxGap")}
            />
          </FormField>
          <FormField
            id="yellowMaxGap"
            label={t("yellowMaxGap")}
            hint={t("yellowMaxGapHint")}
            error={errors.yellowMaxGap?.message}
          >
            <Input
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              className="w-28"
              {...numberField("yellowMaxGap")}
            />
          </FormField>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!hydrated || isSubmitting}>
            {isSubmitting ? t("saving") : t("save")}
          </Button>
          <p role="status" className="text-sm font-medium" data-testid="settings-saved">
            {saved ? t("saved") : ""}
          </p>
        </div>
      </HydratedFieldset>
    </form>
  );
}
