"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DashboardUnit } from "@/lib/dashboard/queries";
import { formatPercent } from "@/lib/format";
import { ProgressBar } from "@/app/_components/progress-bar";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { rankUnits, type RankBy, type RankOrder } from "@/lib/dashboard/ranking";

/** A pair of toggle buttons (aria-pressed) for one choice. */
function Toggle<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border p-0.5">
      {options.map((option) => (
        <Button
          key={option.value}
          type="button"
          size="sm"
          variant={value === option.value ? "secondary" : "ghost"}
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Button>
      ))}
    </div>
  );
}

/**
 * 单位排名: units by the progress of the tasks they lead, or by their share of monthly reports
 * made on time, best or worst first.
 */
export function UnitRanking({ units }: { units: DashboardUnit[] }) {
  const t = useTranslations("dashboard.ranking");
  const [by, setBy] = useState<RankBy>("progress");
  const [order, setOrder] = useState<RankOrder>("worst");
  const ranked = rankUnits(units, by, order);
  const caption = t("caption", { by: t(`by.${by}`), order: t(`order.${order}`) });

  return (
    <Card role="region" aria-labelledby="unit-ranking-title" data-testid="unit-ranking">
      <CardHeader>
        <CardTitle id="unit-ranking-title">{t("title")}</CardTitle>
        <div className="flex flex-wrap gap-2">
          <Toggle
            label={t("byLabel")}
            value={by}
            onChange={setBy}
            options={[
              { value: "progress", label: t("by.progress") },
              { value: "onTime", label: t("by.onTime") },
            ]}
          />
          <Toggle
            label={t("orderLabel")}
            value={order}
            onChange={setOrder}
            options={[
              { value: "worst", label: t("order.worst") },
              { value: "best", label: t("order.best") },
            ]}
          />
        </div>
      </CardHeader>
      <CardContent>
        {units.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only" aria-live="polite">
              {caption}
            </caption>
            <thead className="text-left text-muted-foreground">
              <tr className="border-b">
                <th scope="col" className="w-8 py-2 pr-2 font-medium whitespace-nowrap">
                  {t("rank")}
                </th>
                <th scope="col" className="py-2 pr-2 font-medium">
                  {t("unit")}
                </th>
                <th scope="col" className="py-2 pr-2 font-medium">
                  {t("progress")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {t("onTime")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((unit, index) => (
                <tr
                  key={unit.id}
                  className="border-b last:border-0"
                  data-testid="unit-row"
                  data-unit-id={unit.id}
                >
                  <td className="py-2 pr-2 tabular-nums text-muted-foreground">{index + 1}</td>
                  <th scope="row" className="py-2 pr-2 text-left font-medium">
                    {unit.name}
                    <span className="block text-xs font-normal text-muted-foreground">
                      {t("taskCount", { count: unit.taskCount })}
                    </span>
                  </th>
                  <td className="py-2 pr-2">
                    <ProgressBar
                      value={unit.progress}
                      time={unit.timeProgress}
                      label={t("progressLabel", { unit: unit.name })}
                      className="min-w-20"
                    />
                  </td>
                  <td className="py-2 text-right tabular-nums" data-testid="on-time">
                    {unit.onTime.share === null ? t("none") : formatPercent(unit.onTime.share)}
                    <span className="block text-xs text-muted-foreground">
                      {t("ratio", {
                        reported: unit.onTime.reported,
                        expected: unit.onTime.expected,
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
