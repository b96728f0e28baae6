"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AdminUnit, UnitArchiveWarnings } from "@/lib/units/admin";
import type { UnitCreateInput, UnitPatchInput } from "@/lib/units/schemas";
import type { AdminUser, TaskNeedingOwner } from "@/lib/users/admin";
import type { UserPatchInput } from "@/lib/users/schemas";
import { apiFetch } from "./api-client";
import { taskKeys } from "./tasks";

/** Filters of the people list, as the API takes them (all optional). */
export interface UserFilters {
  q?: string;
  unitId?: number;
  role?: string;
  active?: boolean;
}

/** Query keys of the admin pages: people and units. */
export const adminKeys = {
  units: ["admin", "units"] as const,
  allUsers: ["admin", "users"] as const,
  users: (filters: UserFilters) => [...adminKeys.allUsers, "list", filters] as const,
  needsOwner: ["admin", "users", "needs-owner"] as const,
};

const query = (params: Record<string, string | number | boolean | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};

// ---------------------------------------------------------------------------------------------
// Units

export type UnitList = { items: AdminUnit[] };

/** Every unit, archived ones too (the page hides them unless asked), from the server's render. */
export function useAdminUnits(initialData?: UnitList) {
  return useQuery({
    queryKey: adminKeys.units,
    queryFn: () => apiFetch<UnitList>("/api/v1/units?includeArchived=true"),
    initialData,
  });
}

/** A unit changes the people list's unit names and the task lists' unit filters. */
function useRefreshAfterUnitChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.units }),
      queryClient.invalidateQueries({ queryKey: adminKeys.allUsers }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
    ]);
}

export function useCreateUnit() {
  const refresh = useRefreshAfterUnitChange();
  return useMutation({
    mutationFn: (input: UnitCreateInput) =>
      apiFetch<AdminUnit>("/api/v1/units", { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export type UpdatedUnit = AdminUnit & { warnings: UnitArchiveWarnings | null };

/** Renames, retypes, archives or restores a unit: `{ id, …changes }`. */
export function useUpdateUnit() {
  const refresh = useRefreshAfterUnitChange();
  return useMutation({
    mutationFn: ({ id, ...patch }: UnitPatchInput & { id: number }) =>
      apiFetch<UpdatedUnit>(`/api/v1/units/${id}`, { method: "PATCH", body: patch }),
    onSettled: refresh,
  });
}

// ---------------------------------------------------------------------------------------------
// People

export type UserList = { items: AdminUser[] };
export type NeedsOwnerList = { items: TaskNeedingOwner[] };

/** The people list for a set of filters; the previous list stays while the next one loads. */
export function useAdminUsers(filters: UserFilters, initialData?: UserList) {
  return useQuery({
    queryKey: adminKeys.users(filters),
    queryFn: () => apiFetch<UserList>(`/api/v1/users${query({ ...filters })}`),
    initialData,
    placeholderData: keepPreviousData,
  });
}

/** 需要更换责任人: open tasks of the current plan whose owner is deactivated. */
export function useTasksNeedingOwner(initialData?: NeedsOwnerList) {
  return useQuery({
    queryKey: adminKeys.needsOwner,
    queryFn: () => apiFetch<NeedsOwnerList>("/api/v1/users/needs-owner"),
    initialData,
  });
}

/** What the create form sends; `title` may be left out. */
export interface UserCreateBody {
  username: string;
  displayName: string;
  title?: string | null;
  unitId: number;
  role: string;
}

/** People change the unit counts, the owner choices and the needs-a-new-owner list. */
function useRefreshAfterUserChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.allUsers }),
      queryClient.invalidateQueries({ queryKey: adminKeys.units }),
    ]);
}

/** Creates a person; the answer carries their one-time password, to be shown once. */
export function useCreateUser() {
  const refresh = useRefreshAfterUserChange();
  return useMutation({
    mutationFn: (input: UserCreateBody) =>
      apiFetch<{ id: number; temporaryPassword: string }>("/api/v1/users", {
        method: "POST",
        body: input,
      }),
    onSuccess: refresh,
  });
}

export type UserPatchBody = Omit<UserPatchInput, "title"> & { title?: string | null };

/** Edits, deactivates or reactivates a person: `{ id, …changes }`. */
export function useUpdateUser() {
  const refresh = useRefreshAfterUserChange();
  return useMutation({
    mutationFn: ({ id, ...patch }: UserPatchBody & { id: number }) =>
      apiFetch<AdminUser>(`/api/v1/users/${id}`, { method: "PATCH", body: patch }),
    onSettled: refresh,
  });
}

/** Gives a person a new one-time password, to be shown once. */
export function useResetPassword() {
  const refresh = useRefreshAfterUserChange();
  return useMutation({
    mutationFn: (id: number) =>
      apiFetch<{ temporaryPassword: string }>(`/api/v1/users/${id}/reset-password`, {
        method: "POST",
      }),
    onSuccess: refresh,
  });
}

/** Unlocks an account locked by wrong passwords. */
export function useUnlockUser() {
  const refresh = useRefreshAfterUserChange();
  return useMutation({
    mutationFn: (id: number) =>
      apiFetch<AdminUser>(`/api/v1/users/${id}/unlock`, { method: "POST" }),
    onSuccess: refresh,
  });
}
