"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReportFormat } from "@/lib/reports/schemas";
import type { MonthlyReport } from "@/lib/reports/types";
import { reportSearch, type ReportUrlParams } from "@/app/(app)/reports/report-url";
import { ApiError, apiFetch } from "./api-client";
import { entryKeys } from "./entries";
import { oversightKeys } from "./oversight";
import { taskKeys } from "./tasks";

/**
 * Query keys of the monthly reports (月报). The report is rendered on the server, so nothing is
 * cached under them today; publishing and reopening invalidate them all for any query to come.
 */
export const reportKeys = {
  all: ["reports"] as const,
};

/** The file name of a download: RFC 5987 `filename*=UTF-8''…` first, else a plain `filename="…"`. */
function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}

/** Hands a blob to the browser as a file download (an `<a download>` click on an object URL). */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started; give the browser a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches the report as a file; an error answer becomes an ApiError with the API's message. */
async function fetchReportFile(params: ReportUrlParams, format: Exclude<ReportFormat, "json">) {
  const response = await fetch(`/api/v1/reports/monthly${reportSearch(params, format)}`, {
    cache: "no-store",
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; fields?: Record<string, string> };
    } | null;
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? response.statusText,
      error?.fields,
    );
  }
  const blob = await response.blob();
  const fileName =
    dispositionFileName(response.headers.get("Content-Disposition")) ?? `report.${format}`;
  return { blob, fileName };
}

/** 导出 Excel / Word / CSV: fetches the file with the page's filters and saves it. */
export function useDownloadReport(format: Exclude<ReportFormat, "json">) {
  return useMutation({
    mutationFn: async (params: ReportUrlParams) => {
      const { blob, fileName } = await fetchReportFile(params, format);
      saveBlob(blob, fileName);
      return { fileName };
    },
  });
}

/**
 * Publishing or reopening a month changes its report, and which entries may change (the task
 * pages' timelines and forms); the page itself is rendered on the server (router.refresh).
 */
function useRefreshAfterPublishing() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reportKeys.all }),
      queryClient.invalidateQueries({ queryKey: entryKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: oversightKeys.dashboards }),
    ]);
}

/** 定稿: a leader publishes a month that is over, with the narrative as edited. */
export function usePublishReport() {
  const refresh = useRefreshAfterPublishing();
  return useMutation({
    mutationFn: (input: { planId: number; month: string; narrative?: string }) =>
      apiFetch<MonthlyReport>("/api/v1/reports/monthly/publish", { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

/** 重新打开: an admin reopens a published month, with a reason. */
export function useReopenReport() {
  const refresh = useRefreshAfterPublishing();
  return useMutation({
    mutationFn: (input: { planId: number; month: string; reason: string }) =>
      apiFetch<MonthlyReport>("/api/v1/reports/monthly/reopen", { method: "POST", body: input }),
    onSuccess: refresh,
  });
}
