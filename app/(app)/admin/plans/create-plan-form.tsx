"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { planYearValue } from "@/lib/plans/create-schema";
import { optionalText } from "@/lib/validation";
import { applyApiErrors } from "@/app/_queries/api-client";
import { useCreatePlan } from "@/app/_queries/plans";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { useHydrated } from "@/app/_components/use-hydrated";

/** The API's year; the title and dates may stay empty (the server derives them). */
const formSchema = z
  .object({
    year: planYearValue,
    title: optionalText(100),
    startDate: z.string(),
    endDate: z.string(),
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, {
    path: ["endDate"],
    error: "validation.periodOrder",
  });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const FIELDS = ["year", "title", "startDate", "endDate"] as const;

const toBody = (values: FormOutput) => ({
  year: values.year,
  ...(values.title ? { title: values.title } : {}),
  ...(values.startDate ? { startDate: values.startDate } : {}),
  ...(values.endDate ? { endDate: values.endDate } : {}),
});

/** 新建年度计划: a year (required), and a title and period when the defaults will not do. */
export function CreatePlanForm({ defaultYear }: { defaultYear: number }) {
  const t = useTranslations("adminPlans");
  const hydrated = useHydrated();
  const router = useRouter();
  const create = useCreatePlan();
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const defaults: FormInput = { year: defaultYear, title: "", startDate: "", endDate: "" };
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: defaults,
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setStatus("");
    try {
      const plan = await create.mutateAsync(toBody(values));
      setStatus(t("created", { title: plan.title }));
      form.reset({ ...defaults, year: Math.min(plan.year + 1, 2999) });
      router.refresh();
    } catch (error) {
      setFormError(
        applyApiErrors(
          error,
          (name) => (FIELDS as readonly string[]).includes(name),
          (name, message) => form.setError(name as Path<FormInput>, { message }),
          t("failed"),
        ),
      );
    }
  });

  const field = (name: (typeof FIELDS)[number], hint = false) => ({
    ...fieldA11y(`new-plan-${name}`, errors[name]?.message, hint),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("createTitle")}</CardTitle>
        <CardDescription>{t("createHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          onSubmit={onSubmit}
          noValidate
          aria-label={t("createTitle")}
          data-testid="create-plan-form"
          className="flex flex-col gap-4"
        >
          {formError && (
            <Alert variant="destructive" role="alert">
              {formError}
            </Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="new-plan-year" label={t("year")} error={errors.year?.message}>
              <Input
                type="number"
                inputMode="numeric"
                min={2000}
                max={2999}
                step={1}
                className="w-32"
                {...field("year")}
                {...register("year", { valueAsNumber: true })}
              />
            </FormField>
            <FormField
              id="new-plan-title"
              label={t("planTitle")}
              hint={t("planTitleHint")}
              error={errors.title?.message}
            >
              <Input
                maxLength={100}
                autoComplete="off"
                {...field("title", true)}
                {...register("title")}
              />
            </FormField>
            <FormField
              id="new-plan-startDate"
              label={t("startDate")}
              error={errors.startDate?.message}
            >
              <Input
                type="date"
                className="w-44"
                {...field("startDate")}
                {...register("startDate")}
              />
            </FormField>
            <FormField id="new-plan-endDate" label={t("endDate")} error={errors.endDate?.message}>
              <Input type="date" className="w-44" {...field("endDate")} {...register("endDate")} />
            </FormField>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={!hydrated || isSubmitting}>
              {isSubmitting ? t("creating") : t("create")}
            </Button>
            <p role="status" className="text-sm font-medium" data-testid="create-plan-status">
              {status}
            </p>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
