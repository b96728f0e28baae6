/**
 * The task list filtered as a dashboard figure is counted, on the same as-of date (and plan, when
 * one was chosen), so the list's total is the figure.
 */
export function taskListHref(
  scope: { asOf: string; planId?: number },
  filter: Record<string, string | number>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) params.set(key, String(value));
  params.set("asOf", scope.asOf);
  if (scope.planId !== undefined) params.set("planId", String(scope.planId));
  return `/tasks?${params}`;
}

/** The filter behind each dashboard list (the task list's own parameters). */
export const LIST_FILTERS = {
  red: { light: "red" },
  overdue: { overdue: 1 },
  dueSoon: { dueWithin: 30 },
  notReported: { notReported: 1 },
} as const;

export type ListKey = keyof typeof LIST_FILTERS;
