"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminUser } from "@/lib/users/admin";
import { adminKeys } from "@/app/_queries/admin";
import { apiFetch } from "@/app/_queries/api-client";

/** Unlocks an account locked by wrong passwords (POST /api/v1/users/:id/unlock). */
export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiFetch<AdminUser>(`/api/v1/users/${id}/unlock`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.allUsers }),
  });
}
