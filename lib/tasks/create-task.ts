import "server-only";
import { getDb } from "@/db/client";
import { taskCoUnits, tasks } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { insertIndicator } from "@/lib/indicators/create-indicator";
import { projectPlanId } from "@/lib/projects/queries";
import { ReferenceCheck } from "@/lib/plans/references";
import { getTask } from "./queries";
import type { TaskCreateInput } from "./schemas";
import { taskSnapshot } from "./snapshot";
import { placeTask } from "./update-task";

/** Creates a task at the end of its project, with its co-units and indicators, in one transaction. */
export async function createTask(actor: Actor, input: TaskCreateInput) {
  authorize(actor, "plan:edit");
  const planId = await projectPlanId(input.projectId, "projectId");

  const id = getDb().transaction((tx) => {
    new ReferenceCheck(tx)
      .project("projectId", input.projectId, planId)
      .owner("ownerId", input.ownerId)
      .units("leadUnitId", [input.leadUnitId])
      .units("coUnitIds", input.coUnitIds)
      .done();

    const { id } = tx
      .insert(tasks)
      .values({
        projectId: input.projectId,
        position: Number.MAX_SAFE_INTEGER,
        title: input.title,
        description: input.description,
        ownerId: input.ownerId,
        leadUnitId: input.leadUnitId,
        startDate: input.startDate,
        dueDate: input.dueDate,
        weight: input.weight,
      })
      .returning({ id: tasks.id })
      .get();
    placeTask(tx, input.projectId, null);
    for (const unitId of input.coUnitIds) {
      if (unitId !== input.leadUnitId) tx.insert(taskCoUnits).values({ taskId: id, unitId }).run();
    }
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "task",
      entityId: id,
      after: taskSnapshot(tx, id)!.fields,
    });
    input.indicators.forEach((indicator, i) =>
      insertIndicator(tx, actor, id, indicator, `indicators.${i}.`),
    );
    return id;
  });
  return getTask(id);
}
