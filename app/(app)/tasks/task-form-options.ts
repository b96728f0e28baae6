import "server-only";
import type { Plan } from "@/lib/plans/queries";
import { listProjects } from "@/lib/projects/queries";
import type { TaskDetail } from "@/lib/tasks/queries";
import { listUnits } from "@/lib/units/queries";
import { listActiveUsers } from "@/lib/users/queries";

/**
 * The choices a task form offers: the plan's projects, live units and active people — plus, when
 * editing, the task's own units and owner even if since archived or deactivated (flagged), so
 * the form shows what the task holds and can take it off.
 */
export async function taskFormOptions(plan: Plan, task?: TaskDetail) {
  const [projects, units, people] = await Promise.all([
    listProjects(plan.id),
    listUnits(),
    listActiveUsers(),
  ]);
  const unitOptions = units.map((u) => ({ id: u.id, name: u.name, inactive: false }));
  const peopleOptions = people.map((p) => ({
    id: p.id,
    name: p.name,
    unitId: p.unitId,
    unitName: p.unitName,
    inactive: false,
  }));
  if (task) {
    for (const unit of [{ id: task.leadUnitId, name: task.leadUnitName }, ...task.coUnits]) {
      if (!unitOptions.some((u) => u.id === unit.id)) unitOptions.push({ ...unit, inactive: true });
    }
    if (!peopleOptions.some((p) => p.id === task.ownerId)) {
      peopleOptions.push({
        id: task.ownerId,
        name: task.ownerName,
        unitId: task.leadUnitId,
        unitName: task.leadUnitName,
        inactive: true,
      });
    }
  }
  return {
    plan: { id: plan.id, startDate: plan.startDate, endDate: plan.endDate },
    projects: projects.map((p) => ({ id: p.id, name: p.title })),
    units: unitOptions,
    people: peopleOptions,
  };
}

export type TaskFormOptions = Awaited<ReturnType<typeof taskFormOptions>>;
