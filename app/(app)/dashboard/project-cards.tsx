import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DashboardProject } from "@/lib/dashboard/queries";
import { LIGHTS } from "@/lib/progress";
import { ProgressBar } from "@/app/_components/progress-bar";
import { cn } from "@/app/_components/ui/cn";
import { Card, CardContent, CardDescription, CardHeader } from "@/app/_components/ui/card";
import { taskListHref } from "./links";

const DOT = {
  green: "bg-light-green",
  yellow: "bg-light-yellow",
  red: "bg-light-red",
  blue: "bg-light-blue",
} as const;

/** One card per theme (工作板块): progress against time, its lights and its unreported tasks. */
export function ProjectCards({
  projects,
  scope,
}: {
  projects: DashboardProject[];
  scope: { asOf: string; planId?: number };
}) {
  const t = useTranslations("dashboard.projects");
  const tLight = useTranslations("light");
  return (
    <section aria-labelledby="projects-title" className="flex flex-col gap-3">
      <h2 id="projects-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {projects.map((project) => {
          const href = (filter: Record<string, string | number>) =>
            taskListHref(scope, { ...filter, projectId: project.id });
          return (
            <Card
              key={project.id}
              role="region"
              aria-labelledby={`dashboard-project-${project.id}`}
              data-testid="dashboard-project"
              data-project-id={project.id}
            >
              <CardHeader className="pb-3 sm:pb-3">
                <h3 id={`dashboard-project-${project.id}`} className="font-semibold leading-tight">
                  {project.title}
                </h3>
                <CardDescription>
                  {project.leadLeaderName && t("leadLeader", { name: project.leadLeaderName })}
                  {project.leadLeaderName && " · "}
                  {t("taskCount", { count: project.taskCount })}
                </CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-3">
                <ProgressBar
                  value={project.progress}
                  time={project.timeProgress}
                  label={t("progressLabel", { title: project.title })}
                />
                <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {LIGHTS.map((light) => (
                    <li key={light}>
                      <Link
                        href={href({ light })}
                        data-testid={`project-light-${light}`}
                        aria-label={t("lightLabel", {
                          title: project.title,
                          light: tLight(light),
                          count: project.lights[light],
                        })}
                        className="inline-flex items-center gap-1.5 hover:underline"
                      >
                        <span aria-hidden className={cn("size-2.5 rounded-full", DOT[light])} />
                        <span className="text-muted-foreground">{tLight(light)}</span>
                        <span className="font-semibold tabular-nums" data-testid="count">
                          {project.lights[light]}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
                <p className="flex flex-wrap gap-x-4 text-sm">
                  <Link
                    href={href({ notReported: 1 })}
                    data-testid="project-not-reported"
                    aria-label={t("notReportedLabel", {
                      title: project.title,
                      count: project.notReported,
                    })}
                    className={cn(
                      "hover:underline",
                      project.notReported > 0 ? "text-light-red" : "text-muted-foreground",
                    )}
                  >
                    {t("notReported", { count: project.notReported })}
                  </Link>
                  <Link
                    href={href({ overdue: 1 })}
                    data-testid="project-overdue"
                    aria-label={t("overdueLabel", { title: project.title, count: project.overdue })}
                    className={cn(
                      "hover:underline",
                      project.overdue > 0 ? "text-light-red" : "text-muted-foreground",
                    )}
                  >
                    {t("overdue", { count: project.overdue })}
                  </Link>
                </p>
              </CardContent>
            </Card>
          );
        })}
      </div>
    </section>
  );
}
