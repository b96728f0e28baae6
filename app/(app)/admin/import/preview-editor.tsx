"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useReducer, useState } from "react";
import type { PlanImportResult } from "@/lib/imports/commit-plan";
import { draftErrors, draftToBody, errorsByKey, type Draft } from "@/lib/imports/draft";
import type { PreviewWarning } from "@/lib/imports/preview";
import { ApiError } from "@/app/_queries/api-client";
import { useCommitPlanImport } from "@/app/_queries/imports";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { useHydrated } from "@/app/_components/use-hydrated";
import { BulkOwner } from "./bulk-owner";
import { draftReducer, type DraftAction } from "./draft-reducer";
import { EditorContext, type EditorContextValue } from "./editor-context";
import type { ImportOptions } from "./options";
import { PlanFields } from "./plan-fields";
import { ThemeCard } from "./theme-card";

/**
 * Step 2: the importer's proposal as an editable plan — year and title on top, a card per theme
 * with its tasks and their indicators — and step 3, 提交导入. A refusal puts each message beside
 * its field (the API names fields by path; `errorsByKey` maps them onto the draft).
 */
export function PreviewEditor({
  initialDraft,
  warnings,
  options,
  onBack,
  onDone,
}: {
  initialDraft: Draft;
  warnings: PreviewWarning[];
  options: ImportOptions;
  onBack: () => void;
  onDone: (result: PlanImportResult, year: string) => void;
}) {
  const t = useTranslations("planImport");
  const hydrated = useHydrated();
  const [draft, dispatch] = useReducer(draftReducer, initialDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const commit = useCommitPlanImport();

  const act = useCallback((action: DraftAction, clears: string[] = []) => {
    dispatch(action);
    if (clears.length > 0) {
      setErrors((current) => {
        if (!clears.some((key) => key in current)) return current;
        const next = { ...current };
        for (const key of clears) delete next[key];
        return next;
      });
    }
  }, []);

  const context = useMemo<EditorContextValue>(
    () => ({
      act,
      errors,
      options,
      period: { startDate: draft.plan.startDate, endDate: draft.plan.endDate },
    }),
    [act, errors, options, draft.plan.startDate, draft.plan.endDate],
  );

  const taskCount = draft.projects.reduce((sum, p) => sum + p.tasks.length, 0);
  const unassigned = draft.projects.reduce(
    (sum, p) => sum + p.tasks.filter((task) => task.ownerId === null).length,
    0,
  );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const local = draftErrors(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setFormError(t("fixErrors", { count: Object.keys(local).length }));
      return;
    }
    if (draft.projects.length === 0) {
      setFormError(t("nothingToImport"));
      return;
    }
    try {
      const result = await commit.mutateAsync(draftToBody(draft));
      onDone(result, draft.plan.year);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const mapped = errorsByKey(draft, error.fields);
        const { _: whole, ...fields } = mapped;
        setErrors(fields);
        const count = Object.keys(fields).length;
        setFormError(
          [count > 0 ? t("fixErrors", { count }) : null, whole].filter(Boolean).join(" "),
        );
      } else if (error instanceof ApiError && error.status < 500) {
        setFormError(error.message);
      } else {
        setFormError(t("failed"));
      }
    }
  };

  return (
    <EditorContext.Provider value={context}>
      <form
        onSubmit={submit}
        noValidate
        aria-label={t("editTitle")}
        className="flex flex-col gap-6"
        data-testid="import-editor"
      >
        <div className="flex flex-col gap-1">
          <h2 className="text-lg font-semibold">{t("editTitle")}</h2>
          <p className="text-sm text-muted-foreground" data-testid="import-summary">
            {t("summary", { projects: draft.projects.length, tasks: taskCount, unassigned })}
          </p>
        </div>

        <PlanFields plan={draft.plan} />

        {warnings.length > 0 && (
          <Alert data-testid="import-warnings">
            <p className="font-medium">{t("warningsTitle")}</p>
            <ul className="mt-1 list-disc pl-5">
              {warnings.map((warning, i) => (
                <li key={i}>{t(`warnings.${warning.key}`, warning.values)}</li>
              ))}
            </ul>
          </Alert>
        )}

        <BulkOwner />

        {draft.projects.map((project, index) => (
          <ThemeCard key={project.key} project={project} index={index} />
        ))}

        {formError && (
          <Alert variant="destructive" role="alert" data-testid="import-error">
            {formError}
          </Alert>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="submit"
            disabled={!hydrated || commit.isPending || commit.isSuccess}
            data-testid="import-commit"
          >
            {commit.isPending ? t("committing") : t("commit")}
          </Button>
          <Button type="button" variant="outline" onClick={onBack} disabled={commit.isPending}>
            {t("back")}
          </Button>
        </div>
      </form>
    </EditorContext.Provider>
  );
}
