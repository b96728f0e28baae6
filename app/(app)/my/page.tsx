import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listReturnedEntriesFor } from "@/lib/entries/returned";
import { listOpenInstructionsFor } from "@/lib/instructions/queries";
import { getCurrentPlan } from "@/lib/plans/queries";
import { listMyTasks, MY_TASK_GROUPS } from "@/lib/tasks/my-tasks";
import { Alert } from "@/app/_components/ui/alert";
import { Inbox } from "./inbox";
import { MyTaskRow } from "./my-task-row";

/** 我的任务: a cadre's home page, the tasks that need them first. */
export default async function MyTasksPage() {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const t = await getTranslations("myTasks");
  const tt = await getTranslations("tasks");
  if (!(await getCurrentPlan())) return <Alert>{(await getTranslations("home"))("noPlan")}</Alert>;
  const [{ asOf, total, groups }, instructions, returned] = await Promise.all([
    listMyTasks(user),
    listOpenInstructionsFor(user),
    listReturnedEntriesFor(user),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {t("subtitle", { name: user.name, unit: user.unitName })} · {tt("asOf", { date: asOf })}
          </p>
        </div>
        <Link href="/tasks?mine=1" className="text-sm text-primary hover:underline">
          {t("allTasks")}
        </Link>
      </div>

      <Inbox instructions={instructions} returned={returned} />

      {total === 0 && <Alert>{t("empty")}</Alert>}
      {MY_TASK_GROUPS.filter((group) => groups[group].length > 0).map((group) => (
        <section key={group} aria-labelledby={`group-${group}`} data-testid={`my-group-${group}`}>
          <h2 id={`group-${group}`} className="mb-2 flex items-center gap-2 text-lg font-semibold">
            {t(`groups.${group}`)}
            <span className="text-sm font-normal text-muted-foreground">
              {groups[group].length}
            </span>
          </h2>
          <ul className="flex flex-col divide-y rounded-lg border bg-card">
            {groups[group].map((task) => (
              <MyTaskRow key={task.id} task={task} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
