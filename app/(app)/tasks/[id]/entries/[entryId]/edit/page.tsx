import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { idParam } from "@/lib/validation";
import { Alert } from "@/app/_components/ui/alert";
import { EntryForm } from "../../../entry-form";
import { entryFormData } from "../../../entry-form-data";
import { EntryEvidence } from "../../../entry-evidence";
import { taskOr404 } from "../../../task-or-404";

/**
 * 修改填报: the author's edit of an entry that is still open (not approved, month not published).
 * A returned entry shows why it was returned, and saving it resubmits it for review.
 */
export default async function EditEntryPage({
  params,
}: {
  params: Promise<{ id: string; entryId: string }>;
}) {
  const user = await requirePageUser();
  const task = await taskOr404(params);
  const entryId = idParam.safeParse((await params).entryId);
  if (!entryId.success) notFound();
  const [form, t, tTimeline] = await Promise.all([
    entryFormData(task, user),
    getTranslations("entryForm"),
    getTranslations("timeline"),
  ]);
  const entry = form.entries.find((e) => e.id === entryId.data);
  if (!entry) notFound();
  if (!can(user, "entry:amend", entry)) forbidden();
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <Link href={`/tasks/${task.id}`} className="text-sm text-primary hover:underline">
        ← {t("backToTask")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{task.title}</p>
      </header>
      {!entry.lock && entry.reviewStatus === "returned" && (
        <Alert variant="destructive" role="note" data-testid="returned-reason">
          <p className="font-medium">{t("returnedTitle")}</p>
          {entry.reviewReason && (
            <p className="mt-1 whitespace-pre-line break-words">
              {tTimeline("returnReason")}
              {entry.reviewReason}
            </p>
          )}
          <p className="mt-1 text-xs">{t("returnedHint")}</p>
        </Alert>
      )}
      {entry.lock ? (
        <Alert>{t(`locked.${entry.lock}`)}</Alert>
      ) : (
        <>
          <EntryForm key={entry.version} task={task} {...form} entry={entry} />
          <EntryEvidence taskId={task.id} entry={entry} />
        </>
      )}
    </div>
  );
}
