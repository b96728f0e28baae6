"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { RowError, TasksImportResult } from "@/lib/imports/tasks-xlsx/import-tasks";
import { ApiError } from "@/app/_queries/api-client";
import {
  TASKS_XLSX_TEMPLATE_URL,
  useImportTasksXlsx,
  useXlsxImportPlans,
} from "@/app/_queries/imports-xlsx";
import { FormField, fieldA11y } from "@/app/_components/form-field";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useHydrated } from "@/app/_components/use-hydrated";

type Outcome =
  | { kind: "imported"; result: TasksImportResult }
  | { kind: "refused"; summary: string | null; rows: RowError[] }
  | null;

/**
 * 从 Excel 导入任务: download the template, choose a plan and a filled-in .xlsx, import. The
 * result is what was created, or every bad cell (row, column, cell, reason) with nothing written.
 */
export function TasksXlsxImport({ defaultPlanId }: { defaultPlanId?: number }) {
  const t = useTranslations("xlsxImport");
  const hydrated = useHydrated();
  const plans = useXlsxImportPlans();
  const importTasks = useImportTasksXlsx();
  const fileInput = useRef<HTMLInputElement>(null);
  const [planId, setPlanId] = useState<number | null>(defaultPlanId ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ planId?: string; file?: string; form?: string }>({});
  const [outcome, setOutcome] = useState<Outcome>(null);

  const chosenPlan = planId ?? plans.data?.[0]?.id ?? null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setOutcome(null);
    if (!file) {
      setErrors({ file: t("fileIssues.noFile") });
      return;
    }
    if (chosenPlan === null) {
      setErrors({ planId: t("noPlans") });
      return;
    }
    try {
      const result = await importTasks.mutateAsync({ planId: chosenPlan, file });
      setOutcome({ kind: "imported", result });
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setErrors({ form: t("failed") });
        return;
      }
      const rows = Array.isArray(error.details.rows) ? (error.details.rows as RowError[]) : [];
      if (rows.length > 0) {
        setOutcome({ kind: "refused", summary: error.fields.file ?? null, rows });
        return;
      }
      setErrors({
        planId: error.fields.planId,
        file: error.fields.file ?? (error.fields.planId ? undefined : error.message),
      });
    }
  };

  return (
    <Card data-testid="tasks-xlsx-import">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div>
          <Button asChild variant="outline">
            <a href={TASKS_XLSX_TEMPLATE_URL} download data-testid="tasks-xlsx-template">
              <Download aria-hidden className="size-4" />
              {t("downloadTemplate")}
            </a>
          </Button>
        </div>
        <form onSubmit={submit} noValidate aria-label={t("title")} className="flex flex-col gap-4">
          {errors.form && (
            <Alert variant="destructive" role="alert">
              {errors.form}
            </Alert>
          )}
          <FormField id="xlsx-plan" label={t("plan")} error={errors.planId}>
            <NativeSelect
              {...fieldA11y("xlsx-plan", errors.planId)}
              value={chosenPlan ?? ""}
              disabled={!plans.data || plans.data.length === 0}
              onChange={(event) => setPlanId(Number(event.target.value))}
            >
              {(plans.data ?? []).map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="xlsx-file" label={t("file")} error={errors.file}>
            <Input
              {...fieldA11y("xlsx-file", errors.file)}
              ref={fileInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setOutcome(null);
              }}
            />
          </FormField>
          <div>
            <Button type="submit" disabled={!hydrated || importTasks.isPending}>
              {importTasks.isPending ? t("submitting") : t("submit")}
            </Button>
          </div>
        </form>

        {outcome?.kind === "imported" && (
          <Alert role="status" data-testid="tasks-xlsx-imported">
            {t("imported", { ...outcome.result })}
          </Alert>
        )}
        {outcome?.kind === "refused" && (
          <div className="flex flex-col gap-3" data-testid="tasks-xlsx-refused">
            <Alert variant="destructive" role="alert">
              {t("refused", { count: outcome.rows.length })}
              {outcome.summary && <span className="sr-only"> {outcome.summary}</span>}
            </Alert>
            <div className="max-w-full overflow-x-auto rounded-md border">
              <table className="w-full text-sm">
                <caption className="sr-only">{t("rowsCaption")}</caption>
                <thead className="bg-muted/50 text-left">
                  <tr>
                    <th scope="col" className="w-12 px-3 py-2 font-medium whitespace-nowrap">
                      {t("row")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                      {t("cell")} · {t("column")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("reason")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.rows.map((row, i) => (
                    <tr key={`${row.cell}-${i}`} className="border-t align-top">
                      <td className="px-3 py-2 tabular-nums">{row.row}</td>
                      <td className="px-3 py-2">
                        <span className="font-mono">{row.cell}</span>
                        <span className="block text-xs text-muted-foreground">{row.column}</span>
                      </td>
                      <td className="px-3 py-2">{row.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
