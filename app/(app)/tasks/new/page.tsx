import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { findPlan } from "@/lib/plans/queries";
import { idParam } from "@/lib/validation";
import { Alert } from "@/app/_components/ui/alert";
import { taskFormOptions } from "../task-form-options";
import { TaskForm } from "../task-form";

/** 新建任务 (leaders and admins), optionally inside a given project. */
export default async function NewTaskPage({
  searchParams,
}: {
  searchParams: Promise<{ projectId?: string }>;
}) {
  await requirePagePermission("plan:edit");
  const t = await getTranslations("taskForm");
  const plan = await findPlan();
  if (!plan) return <Alert>{(await getTranslations("home"))("noPlan")}</Alert>;
  const options = await taskFormOptions(plan);
  const projectId = idParam.safeParse((await searchParams).projectId);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("createTitle")}</h1>
      <TaskForm
        options={options}
        initial={{
          projectId:
            projectId.success && options.projects.some((p) => p.id === projectId.data)
              ? projectId.data
              : undefined,
          startDate: options.plan.startDate,
          dueDate: options.plan.endDate,
        }}
      />
    </div>
  );
}
