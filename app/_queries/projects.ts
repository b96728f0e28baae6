"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HistoryItem } from "@/lib/audit/history";
import type { Project } from "@/lib/projects/queries";
import type { ProjectCreateInput, ProjectPatchInput } from "@/lib/projects/schemas";
import { apiFetch, conflictInfo } from "./api-client";

export type ProjectSummary = { id: number; position: number; title: string; taskCount: number };

export const projectKeys = {
  all: ["projects"] as const,
  lists: () => [...projectKeys.all, "list"] as const,
  list: (planId?: number) => [...projectKeys.lists(), planId ?? "current"] as const,
  details: () => [...projectKeys.all, "detail"] as const,
  detail: (id: number) => [...projectKeys.details(), id] as const,
  history: (id: number) => [...projectKeys.all, "history", id] as const,
};

/** The projects of a plan (the current one by default) with their task counts. */
export function useProjects(planId?: number) {
  return useQuery({
    queryKey: projectKeys.list(planId),
    queryFn: () =>
      apiFetch<{ items: ProjectSummary[] }>(
        planId === undefined ? "/api/v1/projects" : `/api/v1/projects?planId=${planId}`,
      ),
  });
}

export function useProject(id: number, initialData?: Project) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => apiFetch<Project>(`/api/v1/projects/${id}`),
    initialData,
  });
}

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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectCreateBody) =>
      apiFetch<Project>("/api/v1/projects", { method: "POST", body: input }),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    },
  });
}

export type ProjectPatch = ProjectPatchInput & { id: number };

/**
 * Edits, moves, archives or restores a project: `{ id, version, …changes }`. On a 409 the cache
 * takes the server's current project, and `conflict` says who changed it and when.
 */
export function useUpdateProject() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ id, ...patch }: ProjectPatch) =>
      apiFetch<Project>(`/api/v1/projects/${id}`, { method: "PATCH", body: patch }),
    onSuccess: (project) => queryClient.setQueryData(projectKeys.detail(project.id), project),
    onError: (error, { id }) => {
      const conflict = conflictInfo(error);
      if (conflict?.current) queryClient.setQueryData(projectKeys.detail(id), conflict.current);
    },
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: projectKeys.history(id) }),
      ]),
  });
  return { ...mutation, conflict: conflictInfo(mutation.error) };
}
