import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { listPlanOverview } from "@/lib/plans/overview";
import { CreatePlanForm } from "./create-plan-form";
import { PlanList } from "./plan-list";

export async function generateMetadata() {
  const t = await getTranslations("adminPlans");
  return { title: t("title") };
}

/**
 * 年度计划管理 (admins only; others get the 403 page): every plan with its period and counts, a
 * form for a new year's plan, and on each plan 复制为下一年 and 设为当前计划, each asked first.
 */
export default async function AdminPlansPage() {
  await requirePagePermission("admin:manage");
  const [t, tHome] = await Promise.all([
    getTranslations("adminPlans"),
    getTranslations("adminHome"),
  ]);
  const plans = await listPlanOverview();
  const nextYear =
    plans.length > 0 ? Math.max(...plans.map((p) => p.year)) + 1 : new Date().getFullYear();

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin" className="text-sm text-primary underline-offset-4 hover:underline">
          {tHome("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <CreatePlanForm defaultYear={Math.min(nextYear, 2999)} />
      <PlanList plans={plans} />
    </div>
  );
}
