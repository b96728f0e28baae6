import "server-only";
import { lastChange } from "@/lib/audit/history";
import { conflict } from "@/lib/errors";
import { getTask } from "@/lib/tasks/queries";
import { getEntry } from "./queries";

/** 409 for a status change on a task someone changed since the reporter saw it. */
export async function staleTaskConflict(taskId: number) {
  const [current, change] = await Promise.all([getTask(taskId), lastChange("task", taskId)]);
  return conflict({ current, changedBy: change?.actor ?? null, changedAt: change?.at ?? null });
}

/** 409 for a write to an entry based on an old version of it. */
export async function staleEntryConflict(entryId: number) {
  const [current, change] = await Promise.all([getEntry(entryId), lastChange("entry", entryId)]);
  return conflict({ current, changedBy: change?.actor ?? null, changedAt: change?.at ?? null });
}
