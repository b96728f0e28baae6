"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { HistoryItem } from "@/lib/audit/history";

export type { HistoryItem };

type Values = Record<string, unknown> | null;

/** The fields a change touched, in the order the record names them (after, then before-only). */
function changedKeys(before: Values, after: Values): string[] {
  return [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === "" ||
  (Array.isArray(value) && value.length === 0);

/**
 * Every recorded change to one thing (a project, task, indicator or entry), newest first: who, when,
 * what, and each field's value before → after. Field names come from `history.fields.*`, falling
 * back to the raw name; ids of people, units and projects show their names.
 */
export function HistoryList({ items }: { items: HistoryItem[] }) {
  const t = useTranslations("history");
  const tAll = useTranslations();
  const format = useFormatter();

  const fieldLabel = (field: string) =>
    t.has(`fields.${field}`) ? t(`fields.${field}` as "fields.title") : field;
  const actionLabel = (action: string) =>
    t.has(`actions.${action}`) ? t(`actions.${action}` as "actions.update") : action;

  const valueText = (field: string, value: unknown, labels: Record<string, string>): string => {
    if (isEmpty(value)) return t("empty_value");
    if (Array.isArray(value)) return value.map((v) => valueText(field, v, labels)).join("、");
    if (typeof value === "object" && value !== null) {
      // An entry's reading, named by its indicator, or one of its evidence files.
      const { indicatorId, value: reading, fileName } = value as Record<string, unknown>;
      if (typeof indicatorId === "number") {
        return `${labels[`${field}:${indicatorId}`] ?? indicatorId}：${String(reading)}`;
      }
      if (typeof fileName === "string") return fileName;
    }
    // Ids of people, units and projects, named by the server.
    const label = labels[`${field}:${String(value)}`];
    if (label !== undefined) return label;
    if (typeof value === "boolean") return tAll(value ? "common.yes" : "common.no");
    if (typeof value === "string") {
      // A few closed sets read better in words than as codes.
      if (field === "status" && tAll.has(`status.${value}`))
        return tAll(`status.${value}` as "status.blocked");
      if (field === "direction" && tAll.has(`task.direction.${value}`)) {
        return tAll(`task.direction.${value}` as "task.direction.increase");
      }
      return value;
    }
    if (typeof value === "number") return String(value);
    return JSON.stringify(value);
  };

  if (items.length === 0) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="history-empty">
        {t("empty")}
      </p>
    );
  }

  return (
    <ol className="flex flex-col gap-3" data-testid="history-list">
      {items.map((item) => {
        const keys = changedKeys(item.before, item.after);
        return (
          <li key={item.id} className="rounded-md border p-3 text-sm" data-testid="history-item">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{item.actor?.name || t("system")}</span>
              <span>{actionLabel(item.action)}</span>
              <time dateTime={item.at} className="text-xs text-muted-foreground tabular-nums">
                {format.dateTime(new Date(item.at), { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </p>
            {keys.length > 0 && (
              <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[max-content_1fr]">
                {keys.map((key) => {
                  const hasBefore = item.before !== null && key in item.before;
                  const hasAfter = item.after !== null && key in item.after;
                  return (
                    <div key={key} className="contents" data-testid="history-change">
                      <dt className="text-muted-foreground">{fieldLabel(key)}</dt>
                      <dd className="min-w-0 break-words">
                        {hasBefore && (
                          <span className="text-muted-foreground">
                            <span className="sr-only">{t("before")}: </span>
                            {valueText(key, item.before![key], item.labels)}
                          </span>
                        )}
                        {hasBefore && hasAfter && <span aria-hidden> → </span>}
                        {hasAfter && (
                          <span>
                            <span className="sr-only">{t("after")}: </span>
                            {valueText(key, item.after![key], item.labels)}
                          </span>
                        )}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
