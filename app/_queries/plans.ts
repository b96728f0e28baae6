"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Plan } from "@/lib/plans/queries";
import type { PlanCopyInput, PlanCreateInput } from "@/lib/plans/create-schema";
import type { PlanSettingsInput } from "@/lib/plans/settings-schema";
import { apiFetch } from "./api-client";
import { oversightKeys } from "./oversight";
import { taskKeys } from "./tasks";

export const planKeys = {
  all: ["plans"] as const,
  detail: (id: number) => [...planKeys.all, id] as const,
};

/**
 * Plan settings (填报截止日, 亮灯阈值): new thresholds relight every task, so the dashboard and
 * the task lists are fetched again.
 */
export function useUpdatePlanSettings(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanSettingsInput) =>
      apiFetch<Plan>(`/api/v1/plans/${planId}`, { method: "PATCH", body: input }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.all }),
        queryClient.invalidateQueries({ queryKey: oversightKeys.dashboards }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      ]),
  });
}

/** The new plan and what was copied into it (`POST /api/v1/plans/:id/copy`). */
export type PlanCopyResult = Plan & {
  copied: { projects: number; tasks: number; indicators: number };
  retargeted: { id: number; taskId: number; name: string; baseline: number; target: number }[];
};

/** 新建年度计划 (admins): an empty plan for a year; it does not become current. */
export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanCreateInput) =>
      apiFetch<Plan>("/api/v1/plans", { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/** 复制为下一年 (admins): a plan's structure copied into a new year's plan. */
export function useCopyPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, ...input }: PlanCopyInput & { planId: number }) =>
      apiFetch<PlanCopyResult>(`/api/v1/plans/${planId}/copy`, { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/**
 * 设为当前计划 (admins): every page that shows "the plan" by default now shows another one, so
 * everything cached is fetched again.
 */
export function useSetCurrentPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: number) =>
      apiFetch<Plan>(`/api/v1/plans/${planId}/current`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries(),
  });
}
