"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HistoryItem } from "@/lib/audit/history";
import type { Indicator } from "@/lib/indicators/queries";
import type { IndicatorCreateInput, IndicatorPatchInput } from "@/lib/indicators/schemas";
import { apiFetch, conflictInfo } from "./api-client";
import { taskKeys } from "./tasks";

export const indicatorKeys = {
  all: ["indicators"] as const,
  details: () => [...indicatorKeys.all, "detail"] as const,
  detail: (id: number) => [...indicatorKeys.details(), id] as const,
  history: (id: number) => [...indicatorKeys.all, "history", id] as const,
};

export type IndicatorRemoval = { id: number; outcome: "archived" | "deleted" };

export function useIndicator(id: number, initialData?: Indicator) {
  return useQuery({
    queryKey: indicatorKeys.detail(id),
    queryFn: () => apiFetch<Indicator>(`/api/v1/indicators/${id}`),
    initialData,
  });
}

export function useIndicatorHistory(id: number) {
  return useQuery({
    queryKey: indicatorKeys.history(id),
    queryFn: () => apiFetch<{ items: HistoryItem[] }>(`/api/v1/indicators/${id}/history`),
  });
}

/** After any indicator change the task's figures (and the list's progress) are stale. */
function useRefreshTask(taskId: number) {
  const queryClient = useQueryClient();
  return (indicatorId?: number) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
      indicatorId === undefined
        ? undefined
        : queryClient.invalidateQueries({ queryKey: indicatorKeys.history(indicatorId) }),
    ]);
}

/** Adds an indicator to a task (leaders and admins). */
export function useCreateIndicator(taskId: number) {
  const queryClient = useQueryClient();
  const refreshTask = useRefreshTask(taskId);
  return useMutation({
    mutationFn: (input: IndicatorCreateInput) =>
      apiFetch<Indicator>(`/api/v1/tasks/${taskId}/indicators`, { method: "POST", body: input }),
    onSuccess: (indicator) => {
      queryClient.setQueryData(indicatorKeys.detail(indicator.id), indicator);
      return refreshTask();
    },
  });
}

export type IndicatorPatch = IndicatorPatchInput & { id: number };

/**
 * Edits one of a task's indicators: `{ id, version, …changes }`. On a 409 the cache takes the
 * server's current indicator, and `conflict` says who changed it and when.
 */
export function useUpdateIndicator(taskId: number) {
  const queryClient = useQueryClient();
  const refreshTask = useRefreshTask(taskId);
  const mutation = useMutation({
    mutationFn: ({ id, ...patch }: IndicatorPatch) =>
      apiFetch<Indicator>(`/api/v1/indicators/${id}`, { method: "PATCH", body: patch }),
    onSuccess: (indicator) =>
      queryClient.setQueryData(indicatorKeys.detail(indicator.id), indicator),
    onError: (error, { id }) => {
      const conflict = conflictInfo(error);
      if (conflict?.current) queryClient.setQueryData(indicatorKeys.detail(id), conflict.current);
    },
    onSettled: (_data, _error, { id }) => refreshTask(id),
  });
  return { ...mutation, conflict: conflictInfo(mutation.error) };
}

/** Removes an indicator: archived when it has readings, else deleted. A stale version gets 409. */
export function useRemoveIndicator(taskId: number) {
  const queryClient = useQueryClient();
  const refreshTask = useRefreshTask(taskId);
  const mutation = useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      apiFetch<IndicatorRemoval>(`/api/v1/indicators/${id}?version=${version}`, {
        method: "DELETE",
      }),
    onSuccess: ({ id, outcome }) => {
      if (outcome === "deleted") queryClient.removeQueries({ queryKey: indicatorKeys.detail(id) });
    },
    onSettled: (_data, _error, { id }) => refreshTask(id),
  });
  return { ...mutation, conflict: conflictInfo(mutation.error) };
}
