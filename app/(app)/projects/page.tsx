import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { getCurrentPlan } from "@/lib/plans/queries";
import { getPlanOutline } from "@/lib/projects/plan-outline";
import { Alert } from "@/app/_components/ui/alert";
import { ProjectCard } from "./project-card";

/** The first page: the current plan's themes (工作板块), each with its tasks. */
export default async function HomePage() {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const t = await getTranslations("home");
  const plan = await getCurrentPlan();
  if (!plan) return <Alert>{t("noPlan")}</Alert>;

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
