import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";

/**
 * The plan and the as-of date, as a plain GET form: the choice lands in the URL (bookmarkable,
 * and it works before any JavaScript loads).
 */
export function AsOfForm({
  plans,
  planId,
  asOf,
  startDate,
  endDate,
}: {
  plans: { id: number; title: string }[];
  planId: number;
  asOf: string;
  /** The chosen plan's period: the date picker offers only these days. */
  startDate: string;
  endDate: string;
}) {
  const t = useTranslations("dashboard.picker");
  return (
    <form
      method="get"
      action="/dashboard"
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3"
      data-testid="as-of-form"
    >
      <label className="flex min-w-0 basis-full flex-col gap-1 text-xs text-muted-foreground sm:basis-auto">
        {t("plan")}
        <NativeSelect name="planId" defaultValue={planId} className="text-foreground sm:w-64">
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.title}
            </option>
          ))}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        {t("asOf")}
        <Input
          type="date"
          name="asOf"
          defaultValue={asOf}
          min={startDate}
          max={endDate}
          required
          className="text-foreground"
        />
      </label>
      <Button type="submit">{t("submit")}</Button>
      <Link href="/dashboard" className="text-sm text-primary underline-offset-4 hover:underline">
        {t("reset")}
      </Link>
    </form>
  );
}
