import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { projects, tasks, units, users } from "@/db/schema";

/**
 * The plan's live projects in order, each with its lead leader and its live tasks in order — for
 * the themes page and the plan editor (计划编排), with the positions and versions a move or an
 * archive must send. Two queries.
 */
export async function getPlanOutline(planId: number) {
  const db = getDb();
  const leadLeader = alias(users, "lead_leader");
  const owner = alias(users, "owner");
  const livePlanProjects = and(eq(projects.planId, planId), isNull(projects.archivedAt));

  const projectRows = db
    .select({
      id: projects.id,
      position: projects.position,
      title: projects.title,
      leadLeaderName: leadLeader.displayName,
      version: projects.version,
    })
    .from(projects)
    .leftJoin(leadLeader, eq(leadLeader.id, projects.leadLeaderId))
    .where(livePlanProjects)
    .orderBy(asc(projects.position), asc(projects.id))
    .all();

  const taskRows = db
    .select({
      id: tasks.id,
      projectId: tasks.projectId,
      position: tasks.position,
      title: tasks.title,
      ownerName: owner.displayName,
      leadUnitName: units.name,
      dueDate: tasks.dueDate,
      status: tasks.status,
      version: tasks.version,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(owner, eq(owner.id, tasks.ownerId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(and(livePlanProjects, isNull(tasks.archivedAt)))
    .orderBy(asc(tasks.position), asc(tasks.id))
    .all();

  return projectRows.map((project) => ({
    ...project,
    tasks: taskRows.filter((task) => task.projectId === project.id),
  }));
}

export type PlanOutlineProject = Awaited<ReturnType<typeof getPlanOutline>>[number];
export type PlanOutlineTask = PlanOutlineProject["tasks"][number];
