"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PlanImportResult } from "@/lib/imports/commit-plan";
import type { PlanTextPreview } from "@/lib/imports/preview";
import type { PlanImportBody } from "@/lib/imports/schemas";
import { apiFetch } from "./api-client";
import { planKeys } from "./plans";

export const importKeys = {
  all: ["imports"] as const,
  planText: () => [...importKeys.all, "plan-text"] as const,
};

/** What a preview reads: pasted text, or a .txt/.docx file (sent as multipart). */
export type PlanTextSource = { text: string } | { file: File };

/** 预览: the importer's proposal for a work plan's text or file. Writes nothing. */
export function usePreviewPlanText() {
  return useMutation({
    mutationKey: [...importKeys.planText(), "preview"],
    mutationFn: (source: PlanTextSource) => {
      let body: FormData | { text: string };
      if ("file" in source) {
        body = new FormData();
        body.append("file", source.file);
      } else {
        body = { text: source.text };
      }
      return apiFetch<PlanTextPreview>("/api/v1/imports/plan-text/preview", {
        method: "POST",
        body,
      });
    },
  });
}

/** 提交导入: the edited preview as a new plan (all of it, or none). */
export function useCommitPlanImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...importKeys.planText(), "commit"],
    mutationFn: (body: PlanImportBody) =>
      apiFetch<PlanImportResult>("/api/v1/imports/plan-text/commit", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
