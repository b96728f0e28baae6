import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { projects, tasks, users } from "@/db/schema";
import { notFound, validationFailed } from "@/lib/errors";
import { resolvePlan } from "@/lib/plans/queries";

const liveProjects = (planId: number) =>
  and(eq(projects.planId, planId), isNull(projects.archivedAt));

/** The plan's projects in order, each with the number of its (not archived) tasks. */
export async function listProjects(planId: number) {
  return getDb()
    .select({
      id: projects.id,
      position: projects.position,
      title: projects.title,
      taskCount: count(tasks.id),
    })
    .from(projects)
    .leftJoin(tasks, and(eq(tasks.projectId, projects.id), isNull(tasks.archivedAt)))
    .where(liveProjects(planId))
    .groupBy(projects.id)
    .orderBy(asc(projects.position), asc(projects.id))
    .all();
}

/** The projects of a plan (the current plan when no id is given); 404 for an unknown plan. */
export async function listPlanProjects(planId?: number) {
  const plan = await resolvePlan(planId);
  return listProjects(plan.id);
}

/** The plan a project belongs to; a 400 on `field` when there is no such project. */
export async function projectPlanId(projectId: number, field: string): Promise<number> {
  const row = getDb()
    .select({ planId: projects.planId })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get();
  if (!row) throw validationFailed({ [field]: "validation.unknownProject" });
  return row.planId;
}

/** One project with its lead leader (archived ones too), or 404. */
export async function getProject(id: number) {
  const leadLeader = alias(users, "lead_leader");
  const row = getDb()
    .select({
      id: projects.id,
      planId: projects.planId,
      position: projects.position,
      title: projects.title,
      description: projects.description,
      leadLeaderId: projects.leadLeaderId,
      leadLeaderName: leadLeader.displayName,
      archivedAt: projects.archivedAt,
      version: projects.version,
    })
    .from(projects)
    .leftJoin(leadLeader, eq(leadLeader.id, projects.leadLeaderId))
    .where(eq(projects.id, id))
    .get();
  if (!row) throw notFound();
  const { archivedAt, ...project } = row;
  return { ...project, archived: archivedAt !== null };
}

export type Project = Awaited<ReturnType<typeof getProject>>;
