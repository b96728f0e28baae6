import type { TaskStatus } from "@/db/schema/tasks";

/** Task statuses, as the rest of the app sees them (the database defines the list). */
export { TASK_STATUSES, type TaskStatus } from "@/db/schema/tasks";

/**
 * The status changes allowed: not_started → in_progress → completed, blocked (with a reason) from
 * any open status and back, in_progress back to not_started to undo a slip, and completed back to
 * in_progress — reopening, which the policy leaves to leaders. The UI offers exactly these.
 */
export const STATUS_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  not_started: ["in_progress", "blocked", "completed"],
  in_progress: ["blocked", "completed", "not_started"],
  blocked: ["in_progress", "completed"],
  completed: ["in_progress"],
};

export const canChangeStatus = (from: TaskStatus, to: TaskStatus) =>
  from === to || STATUS_TRANSITIONS[from].includes(to);
