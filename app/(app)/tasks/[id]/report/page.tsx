import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/session";
import { Alert } from "@/app/_components/ui/alert";
import { EntryForm } from "../entry-form";
import { entryFormData } from "../entry-form-data";
import { taskOr404 } from "../task-or-404";

/** 填报进展: a page of its own, so it fits a phone and a link from "my tasks" opens it directly. */
export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const task = await taskOr404(params);
  const user = await requirePagePermission("task:report", task);
  const [form, t] = await Promise.all([entryFormData(task, user), getTranslations("entryForm")]);
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <Link href={`/tasks/${task.id}`} className="text-sm text-primary hover:underline">
        ← {t("backToTask")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{task.title}</p>
      </header>
      {task.archived ? <Alert>{t("archived")}</Alert> : <EntryForm task={task} {...form} />}
    </div>
  );
}
