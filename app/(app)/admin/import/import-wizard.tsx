"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PlanImportResult } from "@/lib/imports/commit-plan";
import { draftFromProposal, type Draft } from "@/lib/imports/draft";
import type { PreviewWarning } from "@/lib/imports/preview";
import { Alert } from "@/app/_components/ui/alert";
import type { ImportOptions } from "./options";
import { PreviewEditor } from "./preview-editor";
import { SourceForm } from "./source-form";

type Step =
  | { step: "source" }
  | { step: "edit"; draft: Draft; warnings: PreviewWarning[] }
  | { step: "done"; result: PlanImportResult; year: string };

/** The three steps: the text (or file), the editable preview, and what was imported. */
export function ImportWizard({
  defaults,
  options,
}: {
  defaults: { year: number; title: string };
  options: ImportOptions;
}) {
  const t = useTranslations("planImport");
  const [state, setState] = useState<Step>({ step: "source" });
  // The text stays when the admin goes back from the preview to change it.
  const [text, setText] = useState("");

  if (state.step === "done") {
    const { result } = state;
    return (
      <div className="flex flex-col gap-4">
        <Alert role="status" data-testid="import-done">
          <p className="font-medium">
            {t("done", {
              year: state.year,
              projects: result.projects,
              tasks: result.tasks,
              indicators: result.indicators,
            })}
          </p>
          <p className="mt-2">
            <Link
              href={`/projects?planId=${result.planId}`}
              className="text-primary underline-offset-4 hover:underline"
              data-testid="import-open-plan"
            >
              {t("openPlan")}
            </Link>
          </p>
        </Alert>
        <p className="text-sm text-muted-foreground">{t("notCurrent")}</p>
        <div>
          <button
            type="button"
            className="text-sm text-primary underline-offset-4 hover:underline"
            onClick={() => {
              setText("");
              setState({ step: "source" });
            }}
          >
            {t("again")}
          </button>
        </div>
      </div>
    );
  }

  if (state.step === "edit") {
    return (
      <PreviewEditor
        initialDraft={state.draft}
        warnings={state.warnings}
        options={options}
        onBack={() => setState({ step: "source" })}
        onDone={(result, year) => setState({ step: "done", result, year })}
      />
    );
  }

  return (
    <SourceForm
      text={text}
      onTextChange={setText}
      onPreview={(preview) =>
        setState({
          step: "edit",
          draft: draftFromProposal(preview, defaults.year, defaults.title),
          warnings: preview.warnings,
        })
      }
    />
  );
}
