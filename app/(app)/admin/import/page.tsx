import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { calendarDateIn } from "@/lib/dates/calendar";
import { planTitleFor } from "@/lib/plans/create-plan";
import { getCurrentPlan } from "@/lib/plans/queries";
import { listUnits } from "@/lib/units/queries";
import { listActiveUsers, mayLeadProjects } from "@/lib/users/queries";
import { ImportWizard } from "./import-wizard";
import { TasksXlsxImport } from "./tasks-xlsx-import";

export async function generateMetadata() {
  const t = await getTranslations("planImport");
  return { title: t("title") };
}

/**
 * 导入工作计划: paste a work plan or upload a .txt/.docx, edit what the importer proposes, and
 * commit it as a new year's plan (admins only; others get the 403 page).
 */
export default async function PlanImportPage() {
  await requirePagePermission("admin:manage");
  const [t, tHome, people, units, current] = await Promise.all([
    getTranslations("planImport"),
    getTranslations("adminHome"),
    listActiveUsers(),
    listUnits(),
    getCurrentPlan(),
  ]);
  const timeZone = current?.timeZone ?? "Asia/Shanghai";
  const year = Number(calendarDateIn(timeZone).slice(0, 4)) + 1;
  // "白杨街道2023年工作计划" → "白杨街道2024年工作计划", as a new plan is named.
  const title = planTitleFor(year, current ?? undefined);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin" className="text-sm text-primary underline-offset-4 hover:underline">
          {tHome("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
      </div>
      <ImportWizard
        defaults={{ year, title }}
        options={{
          people: people.map((p) => ({
            id: p.id,
            name: p.name,
            unitId: p.unitId,
            unitName: p.unitName,
          })),
          leaders: people
            .filter((p) => mayLeadProjects(p.role))
            .map((p) => ({ id: p.id, name: p.title ? `${p.name}（${p.title}）` : p.name })),
          units: units.map((u) => ({ id: u.id, name: u.name })),
        }}
      />
      <TasksXlsxImport defaultPlanId={current?.id} />
    </div>
  );
}
