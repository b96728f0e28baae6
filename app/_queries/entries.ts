"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HistoryItem } from "@/lib/audit/history";
import type { TaskEntry } from "@/lib/entries/queries";
import type { EntryCreateInput, EntryPatchInput } from "@/lib/entries/schemas";
import { apiFetch } from "./api-client";
import { taskKeys } from "./tasks";

export const entryKeys = {
  all: ["entries"] as const,
  task: (taskId: number) => [...entryKeys.all, "task", taskId] as const,
  history: (entryId: number) => [...entryKeys.all, "history", entryId] as const,
};

/** A task's timeline, starting from the server's render. */
export function useTaskEntries(taskId: number, initialData?: TaskEntry[]) {
  return useQuery({
    queryKey: entryKeys.task(taskId),
    queryFn: () =>
      apiFetch<{ items: TaskEntry[] }>(`/api/v1/tasks/${taskId}/entries`).then((r) => r.items),
    initialData,
  });
}

/** An entry's recorded versions, loaded when asked for. */
export function useEntryHistory(entryId: number, enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.history(entryId),
    queryFn: () => apiFetch<{ items: HistoryItem[] }>(`/api/v1/entries/${entryId}/history`),
    enabled,
  });
}

/** After any change to a task's entries, its figures, lists and history change too. */
function useRefreshTask(taskId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: entryKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) }),
    ]);
}

/** 填报进展: the entry and its evidence files go in one request, so both land or neither. */
export function useCreateEntry(taskId: number) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: ({ input, files }: { input: EntryCreateInput; files: File[] }) => {
      const body = new FormData();
      body.set("data", JSON.stringify(input));
      for (const file of files) body.append("files", file);
      return apiFetch<TaskEntry>(`/api/v1/tasks/${taskId}/entries`, { method: "POST", body });
    },
    onSuccess: refresh,
  });
}

export function useUpdateEntry(taskId: number, entryId: number) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: (patch: EntryPatchInput) =>
      apiFetch<TaskEntry>(`/api/v1/entries/${entryId}`, { method: "PATCH", body: patch }),
    onSettled: refresh,
  });
}

/** 撤回: the entry stays in the timeline, marked, and stops counting. */
export function useWithdrawEntry(taskId: number) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: (entry: { id: number; version: number }) =>
      apiFetch<TaskEntry>(`/api/v1/entries/${entry.id}?version=${entry.version}`, {
        method: "DELETE",
      }),
    onSettled: refresh,
  });
}

export function useAddAttachments(taskId: number, entryId: number) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: (files: File[]) => {
      const body = new FormData();
      for (const file of files) body.append("files", file);
      return apiFetch<TaskEntry>(`/api/v1/entries/${entryId}/attachments`, {
        method: "POST",
        body,
      });
    },
    onSettled: refresh,
  });
}

export function useRemoveAttachment(taskId: number) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: (attachmentId: number) =>
      apiFetch<TaskEntry>(`/api/v1/attachments/${attachmentId}`, { method: "DELETE" }),
    onSettled: refresh,
  });
}
