"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useHydrated } from "@/app/_components/use-hydrated";
import { reportHref, type ReportUrlParams } from "./report-url";

type Option = { id: number; name: string };

/**
 * Month, project and unit: each change is a new URL, rendered afresh on the server (so a filtered
 * report can be bookmarked and its exports follow it).
 */
export function ReportFilters({
  params,
  month,
  months,
  projects,
  units,
}: {
  /** The URL's parameters that held. */
  params: ReportUrlParams;
  /** The month shown (the default one when the URL names none). */
  month: string;
  /** The plan's report months, newest first. */
  months: string[];
  projects: Option[];
  units: Option[];
}) {
  const t = useTranslations("reports.filters");
  const router = useRouter();
  const hydrated = useHydrated();
  const id = useId();
  const [navigating, startNavigation] = useTransition();

  const change = (changes: Partial<Record<keyof ReportUrlParams, string>>) => {
    const next: Record<string, string | number | undefined> = { ...params, month };
    for (const [key, value] of Object.entries(changes)) next[key] = value || undefined;
    startNavigation(() => router.push(reportHref("/reports", next as ReportUrlParams)));
  };

  const monthText = (value: string) => {
    const [year, padded] = value.split("-") as [string, string];
    return t("monthOption", { year, month: Number(padded), padded });
  };

  const select = (
    name: "month" | "projectId" | "unitId",
    label: string,
    value: string,
    options: { value: string; label: string }[],
  ) => (
    <div className="flex min-w-0 flex-col gap-1 text-xs text-muted-foreground">
      {/* A label of its own (not wrapping the select), so the select is named by it alone. */}
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {/* Uncontrolled, so the choice shows at once; a new server render (a new value) resets it. */}
      <NativeSelect
        key={value}
        id={`${id}-${name}`}
        name={name}
        defaultValue={value}
        onChange={(event) => change({ [name]: event.target.value })}
        className="text-foreground"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );

  return (
    <form
      aria-label={t("label")}
      aria-busy={navigating || undefined}
      className="rounded-lg border bg-card p-3 print:hidden"
      onSubmit={(event) => event.preventDefault()}
      data-testid="report-filters"
    >
      <fieldset disabled={!hydrated} className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {select(
          "month",
          t("month"),
          month,
          months.map((m) => ({ value: m, label: monthText(m) })),
        )}
        {select("projectId", t("project"), String(params.projectId ?? ""), [
          { value: "", label: t("allProjects") },
          ...projects.map((p) => ({ value: String(p.id), label: p.name })),
        ])}
        {select("unitId", t("unit"), String(params.unitId ?? ""), [
          { value: "", label: t("allUnits") },
          ...units.map((u) => ({ value: String(u.id), label: u.name })),
        ])}
      </fieldset>
    </form>
  );
}
