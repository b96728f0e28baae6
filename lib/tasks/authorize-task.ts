import "server-only";
import { getDb } from "@/db/client";
import { authorize, can, type Actor, type TaskScope } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";
import { taskSnapshot } from "./snapshot";

/** Who works on a task, or 404 (tasks are no secret: every signed-in user reads the plan). */
function taskScope(taskId: number): TaskScope {
  const task = taskSnapshot(getDb(), taskId);
  if (!task) throw notFound();
  return task.fields;
}

/**
 * For handlers, before they read a body: only the task's people, leaders and admins report on it
 * (403 for anyone else, whatever they sent). The write checks again inside its transaction.
 */
export function authorizeTaskReport(actor: Actor, taskId: number): void {
  authorize(actor, "task:report", taskScope(taskId));
}

/**
 * For handlers, before they read a body: someone who may neither edit the plan nor report on this
 * task can change nothing of it (403). What they may change is decided by the fields they send.
 */
export function authorizeTaskChange(actor: Actor, taskId: number): void {
  if (can(actor, "plan:edit")) return;
  authorize(actor, "task:report", taskScope(taskId));
}
