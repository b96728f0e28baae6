import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getTask } from "@/lib/tasks/queries";
import { resolvePlan } from "@/lib/plans/queries";
import { idParam } from "@/lib/validation";
import { taskFormOptions } from "../../task-form-options";
import { TaskForm } from "../../task-form";

/** 编辑任务 (leaders and admins). */
export default async function EditTaskPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("plan:edit");
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const task = await getTask(id.data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const t = await getTranslations("taskForm");
  const options = await taskFormOptions(await resolvePlan(task.planId), task);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
      <TaskForm options={options} task={task} />
    </div>
  );
}
