import { getTranslations } from "next-intl/server";
import { can, authorize } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { notFound } from "next/navigation";
import { findPlan } from "@/lib/plans/queries";
import { Alert } from "@/app/_components/ui/alert";
import { listProjects } from "@/lib/projects/queries";
import { listTasks } from "@/lib/tasks/queries";
import { readTaskListParams } from "@/lib/tasks/list-params";
import { listUnits } from "@/lib/units/queries";
import { listActiveUsers } from "@/lib/users/queries";
import { TaskTable } from "./task-table";

/** 全部任务: the plan's tasks, filtered by the URL, rendered on the server first. */
export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  authorize(user, "plan:read");
  const t = await getTranslations("tasks");
  const { query, search } = readTaskListParams(await searchParams);
  const plan = await findPlan(query.planId);
  if (!plan) {
    if (query.planId !== undefined) notFound();
    return <Alert>{(await getTranslations("home"))("noPlan")}</Alert>;
  }
  const [initialData, projects, units, people] = await Promise.all([
    listTasks(user, query),
    listProjects(plan.id),
    listUnits(),
    listActiveUsers(),
  ]);

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <TaskTable
        initialSearch={search}
        initialData={initialData}
        canCreate={can(user, "plan:edit")}
        options={{
          projects: projects.map((p) => ({ id: p.id, name: p.title })),
          units: units.map((u) => ({ id: u.id, name: u.name })),
          owners: people.map((p) => ({ id: p.id, name: `${p.name}（${p.unitName}）` })),
        }}
      />
    </div>
  );
}
