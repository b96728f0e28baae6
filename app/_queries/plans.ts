"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Plan } from "@/lib/plans/queries";
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
