"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HistoryItem } from "@/lib/audit/history";
import type { TaskDetail, TaskItem } from "@/lib/tasks/queries";
import type { TaskCreateInput, TaskPatchInput } from "@/lib/tasks/schemas";
import { apiFetch, conflictInfo } from "./api-client";

export type TaskList = { items: TaskItem[]; total: number; asOf: string; planId: number };

export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (search: string) => [...taskKeys.lists(), search] as const,
  details: () => [...taskKeys.all, "detail"] as const,
  detail: (id: number) => [...taskKeys.details(), id] as const,
  history: (id: number) => [...taskKeys.all, "history", id] as const,
};

/** The task list for a query string (the page's URL search), starting from the server's render. */
export function useTaskList(search: string, initialData?: TaskList) {
  return useQuery({
    queryKey: taskKeys.list(search),
    queryFn: () => apiFetch<TaskList>(`/api/v1/tasks?${search}`),
    initialData,
    placeholderData: (previous) => previous,
  });
}

export function useTask(id: number, initialData?: TaskDetail) {
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: () => apiFetch<TaskDetail>(`/api/v1/tasks/${id}`),
    initialData,
  });
}

export function useTaskHistory(id: number) {
  return useQuery({
    queryKey: taskKeys.history(id),
    queryFn: () => apiFetch<{ items: HistoryItem[] }>(`/api/v1/tasks/${id}/history`),
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskCreateInput) =>
      apiFetch<TaskDetail>("/api/v1/tasks", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
  });
}

/**
 * Changes a task. The detail shows the change at once and rolls back if the server refuses; on a
 * 409 the cache takes the server's current task, so what is shown is never a stale guess.
 */
export function useUpdateTask(id: number) {
  const queryClient = useQueryClient();
  const key = taskKeys.detail(id);
  return useMutation({
    mutationFn: (patch: TaskPatchInput) =>
      apiFetch<TaskDetail>(`/api/v1/tasks/${id}`, { method: "PATCH", body: patch }),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<TaskDetail>(key);
      if (previous) {
        const { version: _ignored, ...changes } = patch;
        void _ignored;
        queryClient.setQueryData<TaskDetail>(key, { ...previous, ...changes } as TaskDetail);
      }
      return { previous };
    },
    onError: (error, _patch, context) => {
      const conflict = conflictInfo(error);
      if (conflict?.current) queryClient.setQueryData(key, conflict.current);
      else if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (task) => queryClient.setQueryData(key, task),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: taskKeys.history(id) }),
      ]),
  });
}
