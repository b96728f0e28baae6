"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { X } from "lucide-react";
import { TASK_STATUSES } from "@/lib/tasks/status";
import { LIGHTS } from "@/lib/progress";
import type { TaskListQuery } from "@/lib/tasks/schemas";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useHydrated } from "@/app/_components/use-hydrated";

type Option = { id: number; name: string };
export type FilterOptions = { projects: Option[]; units: Option[]; owners: Option[] };

/** The list's filters; each one is a URL parameter, so a filtered list can be bookmarked. */
export function TaskFilters({
  params,
  query,
  onChange,
  options,
  canCreate,
}: {
  params: URLSearchParams;
  query: TaskListQuery;
  onChange: (changes: Record<string, string | undefined>) => void;
  options: FilterOptions;
  canCreate: boolean;
}) {
  const t = useTranslations("tasks.filters");
  const tStatus = useTranslations("status");
  const tLight = useTranslations("light");
  const tTasks = useTranslations("tasks");
  // The dashboard's count links set these two; they have no control of their own, only a chip.
  const tChips = useTranslations("dashboard.filterChips");
  const chips: { key: "notReported" | "dueWithin"; label: string }[] = [];
  if (query.notReported) chips.push({ key: "notReported", label: tChips("notReported") });
  if (query.dueWithin !== undefined)
    chips.push({ key: "dueWithin", label: tChips("dueWithin", { days: query.dueWithin }) });

  const hydrated = useHydrated();
  // The box answers every keystroke; the URL (and the query) follow after a pause in typing.
  const [q, setQ] = useState(params.get("q") ?? "");
  const pause = useRef<ReturnType<typeof setTimeout>>(undefined);
  const typeQuery = (value: string) => {
    setQ(value);
    clearTimeout(pause.current);
    pause.current = setTimeout(() => onChange({ q: value.trim() || undefined }), 300);
  };
  useEffect(() => () => clearTimeout(pause.current), []);

  const select = (key: string, label: string, choices: { value: string; label: string }[]) => (
    <label className="flex min-w-0 flex-col gap-1 text-xs text-muted-foreground">
      {label}
      <NativeSelect
        name={key}
        value={params.get(key) ?? ""}
        onChange={(e) => onChange({ [key]: e.target.value || undefined })}
        className="text-foreground"
      >
        <option value="">{t("all")}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
  const toOptions = (items: Option[]) => items.map((i) => ({ value: String(i.id), label: i.name }));
  const flag = (key: "mine" | "overdue", label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={key}
        className="size-4 accent-primary"
        checked={query[key] === true}
        onChange={(e) => onChange({ [key]: e.target.checked ? "1" : undefined })}
      />
      {label}
    </label>
  );

  return (
    <form
      role="search"
      aria-label={t("label")}
      className="flex flex-col gap-3 rounded-lg border bg-card p-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset disabled={!hydrated} className="contents">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
          <label className="col-span-2 flex flex-col gap-1 text-xs text-muted-foreground">
            {t("q")}
            <Input
              type="search"
              name="q"
              value={q}
              placeholder={t("qPlaceholder")}
              onChange={(e) => typeQuery(e.target.value)}
              className="text-foreground"
            />
          </label>
          {select("projectId", t("project"), toOptions(options.projects))}
          {select("unitId", t("unit"), toOptions(options.units))}
          {select("ownerId", t("owner"), toOptions(options.owners))}
          {select(
            "status",
            t("status"),
            TASK_STATUSES.map((s) => ({ value: s, label: tStatus(s) })),
          )}
          {select(
            "light",
            t("light"),
            LIGHTS.map((l) => ({ value: l, label: tLight(l) })),
          )}
          <label className="flex flex-col gap-1 text-xs text-muted-foreground">
            {t("asOf")}
            <Input
              type="date"
              name="asOf"
              value={params.get("asOf") ?? ""}
              onChange={(e) => onChange({ asOf: e.target.value || undefined })}
              className="text-foreground"
            />
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          {flag("mine", t("mine"))}
          {flag("overdue", t("overdue"))}
          {chips.map((chip) => (
            <span
              key={chip.key}
              className="inline-flex items-center gap-1 rounded-full border bg-secondary py-0.5 pr-1 pl-3 text-sm"
              data-testid={`filter-chip-${chip.key}`}
            >
              {chip.label}
              <button
                type="button"
                className="inline-flex size-6 items-center justify-center rounded-full hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                aria-label={tChips("clear", { filter: chip.label })}
                onClick={() => onChange({ [chip.key]: undefined })}
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </span>
          ))}
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              clearTimeout(pause.current);
              setQ("");
              onChange(Object.fromEntries([...params.keys()].map((key) => [key, undefined])));
            }}
          >
            {t("reset")}
          </Button>
          {canCreate && (
            <Button asChild size="sm" className="ml-auto">
              <Link href="/tasks/new">{tTasks("new")}</Link>
            </Button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
