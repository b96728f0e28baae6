"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Indicator } from "@/lib/indicators/queries";
import type { IndicatorCreateInput, IndicatorPatchInput } from "@/lib/indicators/schemas";
import { apiFetch, conflictInfo } from "./api-client";
import { taskKeys } from "./tasks";

export type IndicatorRemoval = { id: number; outcome: "archived" | "deleted" };

/**
 * Indicators are read as part of their task (GET /api/v1/tasks/:id), so after any change the
 * task's figures and the list's progress are what go stale.
 */
function useRefreshTask(taskId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
    ]);
}

/** Adds an indicator to a task (leaders and admins). */
export function useCreateIndicator(taskId: number) {
  const refreshTask = useRefreshTask(taskId);
  return useMutation({
    mutationFn: (input: IndicatorCreateInput) =>
      apiFetch<Indicator>(`/api/v1/tasks/${taskId}/indicators`, { method: "POST", body: input }),
    onSuccess: () => refreshTask(),
  });
}

export type IndicatorPatch = IndicatorPatchInput & { id: number };

/**
 * Edits one of a task's indicators: `{ id, version, …changes }`. On a 409 `conflict` says who
 * changed it and when, and the task is read again with the current indicator.
 */
export function useUpdateIndicator(taskId: number) {
  const refreshTask = useRefreshTask(taskId);
  const mutation = useMutation({
    mutationFn: ({ id, ...patch }: IndicatorPatch) =>
      apiFetch<Indicator>(`/api/v1/indicators/${id}`, { method: "PATCH", body: patch }),
    onSettled: () => refreshTask(),
  });
  return { ...mutation, conflict: conflictInfo(mutation.error) };
}

/** Removes an indicator: archived when it has readings, else deleted. A stale version gets 409. */
export function useRemoveIndicator(taskId: number) {
  const refreshTask = useRefreshTask(taskId);
  const mutation = useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      apiFetch<IndicatorRemoval>(`/api/v1/indicators/${id}?version=${version}`, {
        method: "DELETE",
      }),
    onSettled: () => refreshTask(),
  });
  return { ...mutation, conflict: conflictInfo(mutation.error) };
}
