import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { findPlan } from "@/lib/plans/queries";
import { idParam } from "@/lib/validation";
import { getPlanOutline } from "@/lib/projects/plan-outline";
import { Alert } from "@/app/_components/ui/alert";
import { ProjectCard } from "./project-card";

/** A plan's themes (工作板块), each with its tasks: the current plan, or `?planId=`. */
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const t = await getTranslations("home");
  const raw = (await searchParams).planId;
  const planId = idParam.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (raw !== undefined && !planId.success) notFound();
  const plan = await findPlan(planId.success ? planId.data : undefined);
  if (!plan) {
    if (raw !== undefined) notFound();
    return <Alert>{t("noPlan")}</Alert>;
  }

  const projects = await getPlanOutline(plan.id);
  const taskTotal = projects.reduce((sum, p) => sum + p.tasks.length, 0);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{plan.title}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {t("period", { start: plan.startDate, end: plan.endDate })}
          {" · "}
          {t("summary", { projects: projects.length, tasks: taskTotal })}
        </p>
      </div>
      {projects.map((project) => (
        <ProjectCard key={project.id} project={project} />
      ))}
    </div>
  );
}
