"use client";

import { useTranslations } from "next-intl";
import type { DraftIndicator, DraftTask } from "@/lib/imports/draft";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useEditor } from "./editor-context";

/**
 * A task's proposed indicators (指标): name, direction (增加/减少), baseline, target and unit
 * editable, each removable. A decreasing indicator needs a baseline above its target.
 */
export function IndicatorRows({ projectKey, task }: { projectKey: string; task: DraftTask }) {
  const t = useTranslations("planImport");
  const { act, errors } = useEditor();
  const ref = { project: projectKey, task: task.key };
  const err = (indicator: DraftIndicator, field: string) => errors[`${indicator.key}.${field}`];
  const taskError = errors[`${task.key}.indicators`];

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">{t("indicators")}</legend>
      {task.indicators.length === 0 && (
        <p className="text-xs text-muted-foreground">{t("noIndicators")}</p>
      )}
      {task.indicators.map((indicator) => {
        const id = (field: string) => `${indicator.key}-${field}`;
        const change = (field: "name" | "target" | "unit" | "baseline", value: string) =>
          act({ type: "indicator", ...ref, indicator: indicator.key, patch: { [field]: value } }, [
            `${indicator.key}.${field}`,
            ...(field === "target" || field === "baseline"
              ? [
                  `${indicator.key}.target`,
                  `${indicator.key}.baseline`,
                  `${indicator.key}.decimals`,
                ]
              : []),
          ]);
        const changeDirection = (direction: "increase" | "decrease") =>
          act({ type: "indicator", ...ref, indicator: indicator.key, patch: { direction } }, [
            `${indicator.key}.direction`,
            `${indicator.key}.target`,
            `${indicator.key}.baseline`,
          ]);
        return (
          <div
            key={indicator.key}
            className="grid grid-cols-2 items-start gap-2 rounded-md bg-muted/40 p-2 sm:grid-cols-4 xl:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
            data-testid="import-indicator"
          >
            <div className="col-span-2 xl:col-span-1">
              <FormField id={id("name")} label={t("indicatorName")} error={err(indicator, "name")}>
                <Input
                  {...fieldA11y(id("name"), err(indicator, "name"))}
                  maxLength={100}
                  value={indicator.name}
                  onChange={(e) => change("name", e.target.value)}
                />
              </FormField>
            </div>
            <FormField
              id={id("direction")}
              label={t("indicatorDirection")}
              error={err(indicator, "direction")}
            >
              <NativeSelect
                {...fieldA11y(id("direction"), err(indicator, "direction"))}
                value={indicator.direction}
                data-testid="indicator-direction"
                onChange={(e) =>
                  changeDirection(e.target.value === "decrease" ? "decrease" : "increase")
                }
              >
                <option value="increase">{t("directionIncrease")}</option>
                <option value="decrease">{t("directionDecrease")}</option>
              </NativeSelect>
            </FormField>
            <FormField
              id={id("baseline")}
              label={t("indicatorBaseline")}
              error={err(indicator, "baseline")}
            >
              <Input
                {...fieldA11y(id("baseline"), err(indicator, "baseline"))}
                inputMode="decimal"
                value={indicator.baseline}
                data-testid="indicator-baseline"
                onChange={(e) => change("baseline", e.target.value)}
              />
            </FormField>
            <FormField
              id={id("target")}
              label={t("indicatorTarget")}
              error={err(indicator, "target") ?? err(indicator, "decimals")}
            >
              <Input
                {...fieldA11y(id("target"), err(indicator, "target"))}
                inputMode="decimal"
                value={indicator.target}
                onChange={(e) => change("target", e.target.value)}
              />
            </FormField>
            <FormField id={id("unit")} label={t("indicatorUnit")} error={err(indicator, "unit")}>
              <Input
                {...fieldA11y(id("unit"), err(indicator, "unit"))}
                maxLength={20}
                value={indicator.unit}
                onChange={(e) => change("unit", e.target.value)}
              />
            </FormField>
            <div className="col-span-2 flex items-end sm:h-full xl:col-span-1">
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="text-destructive"
                aria-label={t("dropIndicatorNamed", { name: indicator.name || "—" })}
                onClick={() => act({ type: "dropIndicator", ...ref, indicator: indicator.key })}
              >
                {t("dropIndicator")}
              </Button>
            </div>
            {indicator.source && (
              <p className="col-span-2 text-xs text-muted-foreground sm:col-span-4 xl:col-span-6">
                {t("indicatorSource", { text: indicator.source })}
              </p>
            )}
          </div>
        );
      })}
      {taskError && <p className="text-sm text-destructive">{taskError}</p>}
      <div>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => act({ type: "addIndicator", ...ref })}
        >
          {t("addIndicator")}
        </Button>
      </div>
    </fieldset>
  );
}
