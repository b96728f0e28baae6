"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HistoryItem } from "@/lib/audit/history";
import type { Project } from "@/lib/projects/queries";
import type { ProjectCreateInput, ProjectPatchInput } from "@/lib/projects/schemas";
import { apiFetch, conflictInfo } from "./api-client";

// Projects are read on the server (the plan editor refreshes its page); the client caches only
// their history.
export const projectKeys = {
  all: ["projects"] as const,
  history: (id?: number) =>
    [...projectKeys.all, "history", ...(id === undefined ? [] : [id])] as const,
};

/** Every change to a project, newest first (starting from the server's render when given). */
export function useProjectHistory(id: number, initialData?: { items: HistoryItem[] }) {
  return useQuery({
    queryKey: projectKeys.history(id),
    queryFn: () => apiFetch<{ items: HistoryItem[] }>(`/api/v1/projects/${id}/history`),
    initialData,
  });
}

/** The fields a project form may send when creating (the plan defaults to the current one). */
export type ProjectCreateBody = Omit<ProjectCreateInput, "planId"> & { planId?: number };

export function useCreateProject() {
  return useMutation({
    mutationFn: (input: ProjectCreateBody) =>
      apiFetch<Project>("/api/v1/projects", { method: "POST", body: input }),
  });
}

export type ProjectPatch = ProjectPatchInput & { id: number };

/**
 * Edits, moves, archives or restores a project: `{ id, version, …changes }`. On a 409 `conflict`
 * says who changed it and when.
 */
export function useUpdateProject() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ id, ...patch }: ProjectPatch) =>
      apiFetch<Project>(`/api/v1/projects/${id}`, { method: "PATCH", body: patch }),
    onSettled: (_data, _error, { id }) =>
      queryClient.invalidateQueries({ queryKey: projectKeys.history(id) }),
  });
  return { ...mutation, conflict: conflictInfo(mutation.error) };
}
