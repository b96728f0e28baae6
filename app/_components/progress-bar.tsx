import { useTranslations } from "next-intl";
import { formatPercent } from "@/lib/format";
import { cn } from "./ui/cn";

/**
 * Progress as a bar with its percentage; an optional tick marks time progress (序时进度), so the
 * gap between the two is visible at a glance.
 */
export function ProgressBar({
  value,
  time,
  label,
  className,
}: {
  value: number;
  time?: number;
  label?: string;
  className?: string;
}) {
  const t = useTranslations("tasks");
  const percent = formatPercent(value);
  return (
    <div className={cn("flex min-w-28 items-center gap-2", className)}>
      <div
        role="progressbar"
        aria-label={label ?? t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(value * 100)}
        aria-valuetext={
          time === undefined
            ? percent
            : t("progressWithTime", { progress: percent, time: formatPercent(time) })
        }
        className="relative h-2 flex-1 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary" style={{ width: `${value * 100}%` }} />
        {time !== undefined && (
          <div
            aria-hidden
            className="absolute inset-y-0 w-0.5 bg-foreground/60"
            style={{ left: `calc(${time * 100}% - 1px)` }}
          />
        )}
      </div>
      <span className="w-11 text-right text-xs tabular-nums">{percent}</span>
    </div>
  );
}
