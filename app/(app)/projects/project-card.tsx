import { useTranslations } from "next-intl";
import type { PlanOutlineProject } from "@/lib/projects/plan-outline";
import { StatusBadge } from "@/app/_components/status-badge";
import { Badge } from "@/app/_components/ui/badge";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/app/_components/ui/card";

/**
 * One theme: title, lead leader, task count and its tasks. A table on a PC; on a phone each row is
 * a flex box (title and status on the first line, unit, owner and date under it).
 */
export function ProjectCard({ project }: { project: PlanOutlineProject }) {
  const t = useTranslations("home");
  const headingId = `project-${project.id}`;
  return (
    <Card role="region" aria-labelledby={headingId} data-testid="project">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={headingId}>{project.title}</CardTitle>
          <Badge variant="secondary" data-testid="task-count">
            {t("taskCount", { count: project.tasks.length })}
          </Badge>
        </div>
        <CardDescription>
          {project.leadLeaderName && t("leadLeader", { name: project.leadLeaderName })}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {project.tasks.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noTasks")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="hidden text-left text-muted-foreground sm:table-header-group">
                <tr className="border-b">
                  <th scope="col" className="w-12 py-2 pr-2 font-medium">
                    {t("columns.position")}
                  </th>
                  <th scope="col" className="py-2 pr-2 font-medium">
                    {t("columns.title")}
                  </th>
                  <th scope="col" className="py-2 pr-2 font-medium">
                    {t("columns.leadUnit")}
                  </th>
                  <th scope="col" className="py-2 pr-2 font-medium">
                    {t("columns.owner")}
                  </th>
                  <th scope="col" className="py-2 pr-2 font-medium">
                    {t("columns.dueDate")}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t("columns.status")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {project.tasks.map((task, index) => (
                  <tr
                    key={task.id}
                    className="flex flex-wrap gap-x-3 border-b py-2 last:border-0 sm:table-row"
                    data-testid="task-row"
                  >
                    <td className="w-6 shrink-0 text-muted-foreground sm:w-12 sm:py-2 sm:pr-2">
                      {index + 1}
                    </td>
                    <td className="order-1 min-w-0 basis-[calc(100%-7rem)] font-medium sm:py-2 sm:pr-2 sm:font-normal">
                      {task.title}
                    </td>
                    <td className="order-3 ml-9 text-muted-foreground sm:ml-0 sm:py-2 sm:pr-2 sm:text-foreground">
                      {task.leadUnitName}
                    </td>
                    <td className="order-3 text-muted-foreground sm:py-2 sm:pr-2 sm:text-foreground">
                      {task.ownerName}
                    </td>
                    <td className="order-3 tabular-nums text-muted-foreground sm:py-2 sm:pr-2 sm:text-foreground">
                      {task.dueDate}
                    </td>
                    <td className="order-2 ml-auto sm:ml-0 sm:py-2">
                      <StatusBadge status={task.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
