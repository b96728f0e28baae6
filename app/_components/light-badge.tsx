import { useTranslations } from "next-intl";
import type { Light } from "@/lib/progress";
import { cn } from "./ui/cn";

const DOT = {
  green: "bg-light-green",
  yellow: "bg-light-yellow",
  red: "bg-light-red",
  blue: "bg-light-blue",
} as const satisfies Record<Light, string>;

/** 亮灯: a coloured dot with its name, so the colour is never the only signal. */
export function LightBadge({ light, className }: { light: Light; className?: string }) {
  const t = useTranslations("light");
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm", className)} data-light={light}>
      <span aria-hidden className={cn("size-2.5 shrink-0 rounded-full", DOT[light])} />
      {t(light)}
    </span>
  );
}
