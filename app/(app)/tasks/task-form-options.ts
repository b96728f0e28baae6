import "server-only";
import { resolvePlan } from "@/lib/plans/queries";
import { listProjects } from "@/lib/projects/queries";
import { listUnits } from "@/lib/units/queries";
import { listActiveUsers } from "@/lib/users/queries";

/** The choices a task form offers: the plan's projects, live units and active people. */
export async function taskFormOptions(planId?: number) {
  const plan = await resolvePlan(planId);
  const [projects, units, people] = await Promise.all([
    listProjects(plan.id),
    listUnits(),
    listActiveUsers(),
  ]);
  return {
    plan: { id: plan.id, startDate: plan.startDate, endDate: plan.endDate },
    projects: projects.map((p) => ({ id: p.id, name: p.title })),
    units: units.map((u) => ({ id: u.id, name: u.name })),
    people: people.map((p) => ({ id: p.id, name: p.name, unitId: p.unitId, unitName: p.unitName })),
  };
}

export type TaskFormOptions = Awaited<ReturnType<typeof taskFormOptions>>;
