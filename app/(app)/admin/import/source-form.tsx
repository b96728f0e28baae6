"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { PlanTextPreview } from "@/lib/imports/preview";
import { ApiError } from "@/app/_queries/api-client";
import { usePreviewPlanText } from "@/app/_queries/imports";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { useHydrated } from "@/app/_components/use-hydrated";

/** Step 1: paste the work plan, or choose its .txt or .docx, then 预览. */
export function SourceForm({
  text,
  onTextChange,
  onPreview,
}: {
  text: string;
  onTextChange: (text: string) => void;
  onPreview: (preview: PlanTextPreview) => void;
}) {
  const t = useTranslations("planImport");
  const preview = usePreviewPlanText();
  const hydrated = useHydrated();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ text?: string; file?: string; form?: string }>({});

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (!file && text.trim() === "") {
      setErrors({ text: t("needText") });
      return;
    }
    try {
      const result = await preview.mutateAsync(file ? { file } : { text });
      if (result.projects.length === 0) {
        setErrors({ form: t("noThemes") });
        return;
      }
      onPreview(result);
    } catch (error) {
      if (error instanceof ApiError) {
        const field = file ? "file" : "text";
        const message =
          error.fields.file ?? error.fields.text ?? error.fields._ ?? error.message ?? t("failed");
        setErrors({ [field]: message });
      } else {
        setErrors({ form: t("failed") });
      }
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("sourceTitle")}
      className="flex flex-col gap-4"
      data-testid="import-source"
    >
      <h2 className="text-lg font-semibold">{t("sourceTitle")}</h2>
      {errors.form && (
        <Alert variant="destructive" role="alert">
          {errors.form}
        </Alert>
      )}
      <FormField id="import-text" label={t("text")} hint={t("textHint")} error={errors.text}>
        <Textarea
          {...fieldA11y("import-text", errors.text, true)}
          rows={12}
          value={text}
          disabled={file !== null}
          onChange={(event) => onTextChange(event.target.value)}
          className="min-h-48"
        />
      </FormField>
      <FormField id="import-file" label={t("file")} hint={t("fileHint")} error={errors.file}>
        <Input
          {...fieldA11y("import-file", errors.file, true)}
          ref={fileInput}
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </FormField>
      {file && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("fileChosen", { name: file.name })}</span>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setFile(null);
              if (fileInput.current) fileInput.current.value = "";
            }}
          >
            {t("clearFile")}
          </Button>
        </div>
      )}
      <div>
        <Button
          type="submit"
          disabled={!hydrated || preview.isPending}
          data-testid="import-preview"
        >
          {preview.isPending ? t("previewing") : t("preview")}
        </Button>
      </div>
    </form>
  );
}
