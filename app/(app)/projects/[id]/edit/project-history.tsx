"use client";

import type { HistoryItem } from "@/lib/audit/history";
import { useProjectHistory } from "@/app/_queries/projects";
import { HistoryList } from "@/app/_components/history-list";

/** The project's changes, refetched after each save (the form's mutation invalidates them). */
export function ProjectHistory({
  projectId,
  initialItems,
}: {
  projectId: number;
  initialItems: HistoryItem[];
}) {
  const { data } = useProjectHistory(projectId, { items: initialItems });
  return <HistoryList items={data?.items ?? initialItems} />;
}
