"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Dashboard } from "@/lib/dashboard/queries";
import type { TaskEntry } from "@/lib/entries/queries";
import type { InstructionItem } from "@/lib/instructions/queries";
import type { NotificationItem } from "@/lib/notifications/queries";
import type { ReviewItem } from "@/lib/reviews/queries";
import type { UrgeItem } from "@/lib/urges/urges";
import { apiFetch } from "./api-client";
import { entryKeys } from "./entries";
import { taskKeys } from "./tasks";

/** Query keys of the leaders' side: dashboard, reviews, instructions, urges and the bell. */
export const oversightKeys = {
  dashboard: (planId: number | undefined, asOf: string | undefined) =>
    ["dashboard", planId ?? null, asOf ?? null] as const,
  dashboards: ["dashboard"] as const,
  reviews: (status: string, scope: string | undefined) =>
    ["reviews", status, scope ?? "default"] as const,
  allReviews: ["reviews"] as const,
  taskInstructions: (taskId: number) => ["instructions", "task", taskId] as const,
  instructionBox: (box: "received" | "sent") => ["instructions", box] as const,
  allInstructions: ["instructions"] as const,
  taskUrges: (taskId: number) => ["urges", "task", taskId] as const,
  allUrges: ["urges"] as const,
  notifications: ["notifications"] as const,
};

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};

/** 领导驾驶舱, starting from the server's render. */
export function useDashboard(
  planId: number | undefined,
  asOf: string | undefined,
  initialData?: Dashboard,
) {
  return useQuery({
    queryKey: oversightKeys.dashboard(planId, asOf),
    queryFn: () => apiFetch<Dashboard>(`/api/v1/dashboard${query({ planId, asOf })}`),
    initialData,
  });
}

export type ReviewList = {
  planId: number;
  status: string;
  scope: "mine" | "all";
  items: ReviewItem[];
  more: boolean;
};

/** 待审核: the review queue. */
export function useReviews(status: string, scope: string | undefined, initialData?: ReviewList) {
  return useQuery({
    queryKey: oversightKeys.reviews(status, scope),
    queryFn: () => apiFetch<ReviewList>(`/api/v1/reviews${query({ status, scope })}`),
    initialData,
  });
}

/** A review changes the queue, the task's timeline and figures, and the dashboard. */
function useRefreshAfterReview() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: oversightKeys.allReviews }),
      queryClient.invalidateQueries({ queryKey: entryKeys.all }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: oversightKeys.dashboards }),
    ]);
}

export function useReviewEntry() {
  const refresh = useRefreshAfterReview();
  return useMutation({
    mutationFn: (input: {
      id: number;
      version?: number;
      decision: "approve" | "return";
      reason?: string;
    }) => {
      const { id, ...body } = input;
      return apiFetch<TaskEntry>(`/api/v1/entries/${id}/review`, { method: "POST", body });
    },
    onSettled: refresh,
  });
}

/** Bulk approval, each entry at the version the leader saw: one changed since is a 409, none approved. */
export function useApproveEntries() {
  const refresh = useRefreshAfterReview();
  return useMutation({
    mutationFn: (items: { id: number; version: number }[]) =>
      apiFetch<{ approved: number }>(`/api/v1/reviews/approve`, {
        method: "POST",
        body: { items },
      }),
    onSettled: refresh,
  });
}

/** 领导批示 on a task, starting from the server's render. */
export function useTaskInstructions(taskId: number, initialData?: InstructionItem[]) {
  return useQuery({
    queryKey: oversightKeys.taskInstructions(taskId),
    queryFn: () =>
      apiFetch<{ items: InstructionItem[] }>(`/api/v1/tasks/${taskId}/instructions`).then(
        (r) => r.items,
      ),
    initialData,
  });
}

/** Instructions waiting for the caller's answer, or those the caller wrote. */
export function useInstructionBox(box: "received" | "sent", initialData?: InstructionItem[]) {
  return useQuery({
    queryKey: oversightKeys.instructionBox(box),
    queryFn: () =>
      apiFetch<{ items: InstructionItem[] }>(`/api/v1/instructions${query({ box })}`).then(
        (r) => r.items,
      ),
    initialData,
  });
}

function useRefreshInstructions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: oversightKeys.allInstructions }),
      queryClient.invalidateQueries({ queryKey: oversightKeys.notifications }),
    ]);
}

export function useCreateInstruction(taskId: number) {
  const refresh = useRefreshInstructions();
  return useMutation({
    mutationFn: (text: string) =>
      apiFetch<InstructionItem>(`/api/v1/tasks/${taskId}/instructions`, {
        method: "POST",
        body: { text },
      }),
    onSettled: refresh,
  });
}

/** 签收, with the answer (办理情况) now or later. */
export function useAnswerInstruction() {
  const refresh = useRefreshInstructions();
  return useMutation({
    mutationFn: ({ id, reply }: { id: number; reply?: string }) =>
      apiFetch<InstructionItem>(`/api/v1/instructions/${id}/ack`, {
        method: "POST",
        body: reply ? { reply } : {},
      }),
    onSettled: refresh,
  });
}

/** A task's urges, starting from the server's render. */
export function useTaskUrges(taskId: number, initialData?: UrgeItem[]) {
  return useQuery({
    queryKey: oversightKeys.taskUrges(taskId),
    queryFn: () =>
      apiFetch<{ items: UrgeItem[] }>(`/api/v1/tasks/${taskId}/urges`).then((r) => r.items),
    initialData,
  });
}

/** 催办: the task's count and the dashboard's lists show it at once. */
export function useUrgeTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, message }: { taskId: number; message?: string }) =>
      apiFetch<{ id: number; taskId: number; message: string; count: number }>(
        `/api/v1/tasks/${taskId}/urges`,
        { method: "POST", body: message ? { message } : {} },
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: oversightKeys.allUrges }),
        queryClient.invalidateQueries({ queryKey: oversightKeys.dashboards }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      ]),
  });
}

export type NotificationList = { unread: number; items: NotificationItem[] };

/**
 * The bell and the 通知 page: polled every minute, and again when the window regains focus (the
 * app's default leaves that off, so it is turned on here). The page passes its server render.
 */
export function useNotifications(initialData?: NotificationList) {
  return useQuery({
    queryKey: oversightKeys.notifications,
    queryFn: () => apiFetch<NotificationList>(`/api/v1/notifications`),
    initialData,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: number[] } | { all: true }) =>
      apiFetch<{ unread: number }>(`/api/v1/notifications/read`, { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: oversightKeys.notifications }),
  });
}
