import { useTranslations } from "next-intl";
import type { UnitType } from "@/db/schema/units";
import { Badge } from "@/app/_components/ui/badge";

const VARIANT = { department: "info", community: "success", other: "secondary" } as const;

/** 科室 / 社区 / 其他, each in its own colour. */
export function UnitTypeBadge({ type }: { type: UnitType }) {
  const t = useTranslations("unitTypes");
  return (
    <Badge variant={VARIANT[type]} data-testid="unit-type">
      {t(type)}
    </Badge>
  );
}
