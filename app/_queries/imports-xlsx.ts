"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TasksImportResult } from "@/lib/imports/tasks-xlsx/import-tasks";
import { apiFetch } from "./api-client";
import { oversightKeys } from "./oversight";
import { planKeys } from "./plans";
import { projectKeys } from "./projects";
import { taskKeys } from "./tasks";

/** Query keys of the Excel import: the plans it may import into. */
export const importsXlsxKeys = {
  all: ["imports-xlsx"] as const,
  plans: () => [...importsXlsxKeys.all, "plans"] as const,
};

/** The empty template (任务导入模板.xlsx), a download for admins. */
export const TASKS_XLSX_TEMPLATE_URL = "/api/v1/imports/tasks-xlsx/template";

/** A plan's live tasks in the template (导出 Excel). */
export const planExportUrl = (planId: number) => `/api/v1/plans/${planId}/export.xlsx`;

export interface XlsxPlanOption {
  id: number;
  year: number;
  title: string;
  startDate: string;
  endDate: string;
}

/** Every plan, newest first: where an import may go. */
export function useXlsxImportPlans() {
  return useQuery({
    queryKey: importsXlsxKeys.plans(),
    queryFn: async () => (await apiFetch<{ items: XlsxPlanOption[] }>("/api/v1/plans")).items,
  });
}

/** 导入: a filled-in template into a plan — all its rows, or none (a 400 lists the bad cells). */
export function useImportTasksXlsx() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, file }: { planId: number; file: File }) => {
      const form = new FormData();
      form.append("planId", String(planId));
      form.append("file", file);
      return apiFetch<TasksImportResult>("/api/v1/imports/tasks-xlsx", {
        method: "POST",
        body: form,
      });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
        queryClient.invalidateQueries({ queryKey: planKeys.all }),
        queryClient.invalidateQueries({ queryKey: oversightKeys.dashboards }),
      ]),
  });
}
