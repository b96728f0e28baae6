"use client";

import { useMutation } from "@tanstack/react-query";
import type { changeOwnPassword } from "@/lib/users/change-password";
import type { PasswordChangeInput } from "@/lib/users/schemas";
import { apiFetch } from "./api-client";

/** Query keys of the signed-in user's own account. */
export const accountKeys = {
  me: ["me"] as const,
};

export type PasswordChanged = Awaited<ReturnType<typeof changeOwnPassword>>;

/** Sets the caller's own password (the one call open while a one-time password must be changed). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChangeInput) =>
      apiFetch<PasswordChanged>("/api/v1/me/password", { method: "POST", body: input }),
  });
}
