import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { plans, projects, tasks } from "@/db/schema";

/**
 * Every plan for the admins' list (newest year first) with its live themes and tasks counted
 * (neither archived, nor a task of an archived theme).
 */
export async function listPlanOverview() {
  const db = getDb();
  const projectCounts = db
    .select({ planId: projects.planId, n: count() })
    .from(projects)
    .where(isNull(projects.archivedAt))
    .groupBy(projects.planId)
    .all();
  const taskCounts = db
    .select({ planId: projects.planId, n: count() })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(isNull(projects.archivedAt), isNull(tasks.archivedAt)))
    .groupBy(projects.planId)
    .all();
  const projectsOf = new Map(projectCounts.map((r) => [r.planId, r.n]));
  const tasksOf = new Map(taskCounts.map((r) => [r.planId, r.n]));
  return db
    .select({
      id: plans.id,
      year: plans.year,
      title: plans.title,
      startDate: plans.startDate,
      endDate: plans.endDate,
      isCurrent: plans.isCurrent,
    })
    .from(plans)
    .orderBy(desc(plans.year), desc(plans.id))
    .all()
    .map((plan) => ({
      ...plan,
      projectCount: projectsOf.get(plan.id) ?? 0,
      taskCount: tasksOf.get(plan.id) ?? 0,
    }));
}
export type PlanOverview = Awaited<ReturnType<typeof listPlanOverview>>[number];
