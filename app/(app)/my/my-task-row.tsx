import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MyTask } from "@/lib/tasks/my-tasks";
import { LightBadge } from "@/app/_components/light-badge";
import { ProgressBar } from "@/app/_components/progress-bar";
import { StatusBadge } from "@/app/_components/status-badge";
import { Button } from "@/app/_components/ui/button";

/** One of my tasks: what it is, where it stands, and when it is due or was last reported. */
export function MyTaskRow({ task }: { task: MyTask }) {
  const t = useTranslations("myTasks");
  return (
    <li
      className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:gap-4"
      data-testid="my-task"
    >
      <div className="min-w-0 flex-1">
        <Link href={`/tasks/${task.id}`} className="font-medium hover:text-primary hover:underline">
          {task.title}
        </Link>
        <p className="mt-0.5 truncate text-xs text-muted-foreground">
          {task.projectTitle} · {task.leadUnitName} · {task.ownerName}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <StatusBadge status={task.status} />
        <LightBadge light={task.light} />
        <ProgressBar value={task.progress} time={task.timeProgress} className="w-40" />
        <span className="text-xs text-muted-foreground tabular-nums">
          {task.light === "blue"
            ? task.dueDate
            : task.overdue
              ? t("overdueBy", { days: -task.daysToDue })
              : t("dueIn", { days: task.daysToDue })}
          {" · "}
          {task.lastEntryDate ? t("lastEntry", { date: task.lastEntryDate }) : t("noEntry")}
        </span>
        <Button asChild size="sm" variant="outline">
          <Link href={`/tasks/${task.id}/report`} aria-label={t("reportOn", { title: task.title })}>
            {t("report")}
          </Link>
        </Button>
      </div>
    </li>
  );
}
