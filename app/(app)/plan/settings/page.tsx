import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { findPlan } from "@/lib/plans/queries";
import { idParam } from "@/lib/validation";
import { Alert } from "@/app/_components/ui/alert";
import { PlanSettingsForm } from "./plan-settings-form";

export async function generateMetadata() {
  const t = await getTranslations("planSettings");
  return { title: t("title") };
}

/**
 * 计划设置: the title, period and time zone, the monthly reporting day and the light thresholds of a plan (the current one unless
 * `?planId=` names another). Leaders and admins only: anyone else gets the 403 page.
 */
export default async function PlanSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("plan:edit");
  const t = await getTranslations("planSettings");
  const { planId: rawPlanId } = await searchParams;
  const parsed = idParam.safeParse(Array.isArray(rawPlanId) ? rawPlanId[0] : rawPlanId);
  const planId = parsed.success ? parsed.data : undefined;
  const plan = await findPlan(planId);
  if (!plan) {
    if (planId !== undefined) notFound();
    return <Alert>{(await getTranslations("home"))("noPlan")}</Alert>;
  }

  return (
    <div className="flex max-w-xl flex-col gap-6">
      <div>
        <Link
          href={`/dashboard?planId=${plan.id}`}
          className="text-sm text-primary underline-offset-4 hover:underline"
        >
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{plan.title}</p>
      </div>
      <PlanSettingsForm
        plan={{
          id: plan.id,
          version: plan.version,
          title: plan.title,
          startDate: plan.startDate,
          endDate: plan.endDate,
          timeZone: plan.timeZone,
          reportingDay: plan.reportingDay,
          greenMaxGap: plan.greenMaxGap,
          yellowMaxGap: plan.yellowMaxGap,
        }}
      />
    </div>
  );
}
