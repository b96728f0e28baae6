import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { getCurrentPlan } from "@/lib/plans/queries";
import { getPlanOutline } from "@/lib/projects/plan-outline";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { ExportPlanButton } from "./export-plan-button";
import { PlanEditor } from "./plan-editor";

export async function generateMetadata() {
  const t = await getTranslations("plan");
  return { title: t("title") };
}

/**
 * 计划编排: the current plan's projects and their tasks in order, to reorder, edit and archive.
 * Leaders and admins only: anyone else gets the 403 page (app/forbidden.tsx), as the API refuses them.
 */
export default async function PlanPage() {
  await requirePagePermission("plan:edit");
  const t = await getTranslations("plan");
  const plan = await getCurrentPlan();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {plan ? `${plan.title} · ${t("subtitle")}` : t("subtitle")}
          </p>
        </div>
        {plan && (
          <div className="flex flex-wrap gap-2">
            <ExportPlanButton planId={plan.id} />
            <Button asChild>
              <Link href="/projects/new">{t("newProject")}</Link>
            </Button>
          </div>
        )}
      </div>
      {plan ? (
        <PlanEditor projects={await getPlanOutline(plan.id)} />
      ) : (
        <Alert>{t("noPlan")}</Alert>
      )}
    </div>
  );
}
