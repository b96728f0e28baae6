import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LightCounts } from "@/lib/dashboard/queries";
import { LIGHTS } from "@/lib/progress";
import { cn } from "@/app/_components/ui/cn";
import { taskListHref } from "./links";

const TILE = {
  green: "border-l-light-green",
  yellow: "border-l-light-yellow",
  red: "border-l-light-red",
  blue: "border-l-light-blue",
} as const;

const DOT = {
  green: "bg-light-green",
  yellow: "bg-light-yellow",
  red: "bg-light-red",
  blue: "bg-light-blue",
} as const;

/** 亮灯 counts of the plan, each a link to the task list of that light. */
export function LightTiles({
  lights,
  scope,
}: {
  lights: LightCounts;
  scope: { asOf: string; planId?: number };
}) {
  const t = useTranslations("dashboard.lights");
  const tLight = useTranslations("light");
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("label")}>
      {LIGHTS.map((light) => (
        <li key={light}>
          <Link
            href={taskListHref(scope, { light })}
            aria-label={t("linkLabel", { light: tLight(light), count: lights[light] })}
            className={cn(
              "flex flex-col gap-1 rounded-lg border border-l-4 bg-card p-3 shadow-sm hover:bg-accent",
              TILE[light],
            )}
          >
            <span className="flex items-center gap-1.5 text-sm text-muted-foreground">
              <span aria-hidden className={cn("size-2.5 rounded-full", DOT[light])} />
              {tLight(light)}
            </span>
            <span className="text-2xl font-bold tabular-nums">
              <span data-testid={`light-count-${light}`}>{lights[light]}</span>
              <span className="ml-1 text-sm font-normal text-muted-foreground">{t("unit")}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
