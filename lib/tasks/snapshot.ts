import "server-only";
import { eq } from "drizzle-orm";
import { projects, taskCoUnits, tasks } from "@/db/schema";
import type { Reader } from "@/db/transaction";

/** A task as the audit log records it: the fields a person can change. */
export function taskSnapshot(tx: Reader, id: number) {
  const row = tx
    .select({
      planId: projects.planId,
      projectId: tasks.projectId,
      position: tasks.position,
      title: tasks.title,
      description: tasks.description,
      ownerId: tasks.ownerId,
      leadUnitId: tasks.leadUnitId,
      startDate: tasks.startDate,
      dueDate: tasks.dueDate,
      status: tasks.status,
      blockedReason: tasks.blockedReason,
      completionNote: tasks.completionNote,
      completedOn: tasks.completedOn,
      weight: tasks.weight,
      version: tasks.version,
      archivedAt: tasks.archivedAt,
      projectArchivedAt: projects.archivedAt,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(eq(tasks.id, id))
    .get();
  if (!row) return undefined;
  const coUnitIds = tx
    .select({ unitId: taskCoUnits.unitId })
    .from(taskCoUnits)
    .where(eq(taskCoUnits.taskId, id))
    .all()
    .map((r) => r.unitId)
    .sort((a, b) => a - b);
  const { planId, version, archivedAt, projectArchivedAt, ...fields } = row;
  return {
    planId,
    version,
    /** Nobody works on it any more: it, or its theme, is archived. */
    retired: archivedAt !== null || projectArchivedAt !== null,
    fields: { ...fields, coUnitIds, archived: archivedAt !== null },
  };
}

export type TaskSnapshot = NonNullable<ReturnType<typeof taskSnapshot>>;
export type TaskFields = TaskSnapshot["fields"];
