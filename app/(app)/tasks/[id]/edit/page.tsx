import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { resolvePlan } from "@/lib/plans/queries";
import { taskOr404 } from "../task-or-404";
import { taskFormOptions } from "../../task-form-options";
import { TaskForm } from "../../task-form";

/** 编辑任务 (leaders and admins). */
export default async function EditTaskPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("plan:edit");
  const task = await taskOr404(params);
  const t = await getTranslations("taskForm");
  const options = await taskFormOptions(await resolvePlan(task.planId), task);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
      <TaskForm options={options} task={task} />
    </div>
  );
}
