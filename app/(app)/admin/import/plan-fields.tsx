"use client";

import { useTranslations } from "next-intl";
import type { DraftPlan } from "@/lib/imports/draft";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Input } from "@/app/_components/ui/input";
import { useEditor } from "./editor-context";

/** The new plan's year, title and period (tasks on the default period follow a change). */
export function PlanFields({ plan }: { plan: DraftPlan }) {
  const t = useTranslations("planImport");
  const { act, errors } = useEditor();
  const err = (field: string) => errors[`plan.${field}`];
  return (
    <fieldset className="grid gap-4 rounded-lg border p-4 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium">{t("planLegend")}</legend>
      <FormField id="plan-year" label={t("year")} hint={t("yearHint")} error={err("year")}>
        <Input
          {...fieldA11y("plan-year", err("year"), true)}
          inputMode="numeric"
          maxLength={4}
          className="w-28"
          value={plan.year}
          onChange={(e) => act({ type: "planYear", year: e.target.value }, ["plan.year"])}
        />
      </FormField>
      <FormField id="plan-title" label={t("planTitle")} error={err("title")}>
        <Input
          {...fieldA11y("plan-title", err("title"))}
          maxLength={100}
          value={plan.title}
          onChange={(e) => act({ type: "planTitle", title: e.target.value }, ["plan.title"])}
        />
      </FormField>
      <FormField id="plan-start" label={t("planStart")} error={err("startDate")}>
        <Input
          {...fieldA11y("plan-start", err("startDate"))}
          type="date"
          value={plan.startDate}
          onChange={(e) =>
            act({ type: "planPeriod", startDate: e.target.value, endDate: plan.endDate }, [
              "plan.startDate",
            ])
          }
        />
      </FormField>
      <FormField id="plan-end" label={t("planEnd")} error={err("endDate")}>
        <Input
          {...fieldA11y("plan-end", err("endDate"))}
          type="date"
          value={plan.endDate}
          onChange={(e) =>
            act({ type: "planPeriod", startDate: plan.startDate, endDate: e.target.value }, [
              "plan.endDate",
            ])
          }
        />
      </FormField>
    </fieldset>
  );
}
