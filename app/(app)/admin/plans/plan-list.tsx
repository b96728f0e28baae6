"use client";

import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { planYearValue } from "@/lib/plans/create-schema";
import type { PlanOverview } from "@/lib/plans/overview";
import { applyApiErrors } from "@/app/_queries/api-client";
import { useCopyPlan, useSetCurrentPlan } from "@/app/_queries/plans";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { useHydrated } from "@/app/_components/use-hydrated";

const copySchema = z.object({ year: planYearValue });
type CopyInput = z.input<typeof copySchema>;
type CopyOutput = z.output<typeof copySchema>;

type Report = (message: ReactNode) => void;

/** One plan: its period and counts, links to its themes and settings, copy and make current. */
function PlanRow({ plan, report }: { plan: PlanOverview; report: Report }) {
  const t = useTranslations("adminPlans");
  const hydrated = useHydrated();
  const router = useRouter();
  const copy = useCopyPlan();
  const setCurrent = useSetCurrentPlan();
  const [error, setError] = useState<string | null>(null);
  const yearId = `copy-year-${plan.id}`;
  const form = useForm<CopyInput, unknown, CopyOutput>({
    resolver: zodResolver(copySchema),
    defaultValues: { year: Math.min(plan.year + 1, 2999) },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const year = useWatch({ control: form.control, name: "year" });

  const onCopy = form.handleSubmit(async ({ year }) => {
    setError(null);
    report(null);
    try {
      const result = await copy.mutateAsync({ planId: plan.id, year });
      report(
        <span className="flex flex-wrap gap-x-1">
          <span>
            {t("copied", {
              title: result.title,
              projects: result.copied.projects,
              tasks: result.copied.tasks,
              indicators: result.copied.indicators,
            })}
          </span>
          {result.retargeted.length > 0 && (
            <span>{t("retargeted", { count: result.retargeted.length })}</span>
          )}
          <Link
            href={`/projects?planId=${result.id}`}
            className="text-primary underline-offset-4 hover:underline"
          >
            {t("viewProjects")}
          </Link>
        </span>,
      );
      form.reset({ year: Math.min(year + 1, 2999) });
      router.refresh();
    } catch (caught) {
      setError(
        applyApiErrors(
          caught,
          (name) => name === "year",
          (_, message) => form.setError("year", { message }),
          t("failed"),
        ),
      );
    }
  });

  const onSetCurrent = async () => {
    setError(null);
    report(null);
    try {
      const next = await setCurrent.mutateAsync(plan.id);
      report(t("switched", { title: next.title }));
      router.refresh();
    } catch (caught) {
      setError(
        applyApiErrors(
          caught,
          () => false,
          () => {},
          t("failed"),
        ),
      );
    }
  };

  const busy = !hydrated || isSubmitting || setCurrent.isPending;

  return (
    <li>
      <Card data-testid="plan-row" data-year={plan.year}>
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <CardTitle className="min-w-0 break-words">{plan.title}</CardTitle>
            {plan.isCurrent && <Badge variant="info">{t("current")}</Badge>}
          </div>
          <p className="text-sm text-muted-foreground">
            {t("year")} {plan.year} · {t("period", { start: plan.startDate, end: plan.endDate })}
          </p>
          <p className="text-sm text-muted-foreground" data-testid="plan-counts">
            {t("counts", { projects: plan.projectCount, tasks: plan.taskCount })}
          </p>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {error && (
            <Alert variant="destructive" role="alert">
              {error}
            </Alert>
          )}
          <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            <Link
              href={`/projects?planId=${plan.id}`}
              className="text-primary underline-offset-4 hover:underline"
            >
              {t("viewProjects")}
            </Link>
            <Link
              href={`/plan/settings?planId=${plan.id}`}
              className="text-primary underline-offset-4 hover:underline"
            >
              {t("settings")}
            </Link>
          </div>
          <form
            onSubmit={(event) => event.preventDefault()}
            noValidate
            aria-label={t("copyLabel", { title: plan.title })}
            className="flex flex-wrap items-end gap-3"
          >
            <FormField id={yearId} label={t("copyYear")} error={errors.year?.message}>
              <Input
                type="number"
                inputMode="numeric"
                min={2000}
                max={2999}
                step={1}
                className="w-32"
                {...fieldA11y(yearId, errors.year?.message)}
                {...register("year", { valueAsNumber: true })}
              />
            </FormField>
            <ConfirmButton
              question={t("copyQuestion", {
                title: plan.title,
                year: Number.isFinite(year) ? year : "—",
              })}
              confirmLabel={t("copyConfirm")}
              label={t("copyLabel", { title: plan.title })}
              onConfirm={() => void onCopy()}
              disabled={busy}
              size="default"
            >
              {isSubmitting ? t("copying") : t("copy")}
            </ConfirmButton>
          </form>
          {!plan.isCurrent && (
            <div>
              <ConfirmButton
                question={t("setCurrentQuestion", { title: plan.title })}
                confirmLabel={t("setCurrentConfirm")}
                label={t("setCurrentLabel", { title: plan.title })}
                onConfirm={() => void onSetCurrent()}
                disabled={busy}
              >
                {setCurrent.isPending ? t("switching") : t("setCurrent")}
              </ConfirmButton>
            </div>
          )}
        </CardContent>
      </Card>
    </li>
  );
}

/** 全部计划, newest year first, with the outcome of the last action said above the list. */
export function PlanList({ plans }: { plans: PlanOverview[] }) {
  const t = useTranslations("adminPlans");
  const [message, setMessage] = useState<ReactNode>(null);
  return (
    <section aria-labelledby="plans-heading" className="flex flex-col gap-4">
      <h2 id="plans-heading" className="text-lg font-semibold">
        {t("listTitle")}
      </h2>
      <p role="status" className="text-sm font-medium" data-testid="plans-status">
        {message}
      </p>
      {plans.length === 0 ? (
        <Alert>{t("empty")}</Alert>
      ) : (
        <ul className="flex flex-col gap-4">
          {plans.map((plan) => (
            <PlanRow key={plan.id} plan={plan} report={setMessage} />
          ))}
        </ul>
      )}
    </section>
  );
}
