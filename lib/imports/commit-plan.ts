import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { plans, projects, tasks, units, users } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { validationFailed, type FieldErrors } from "@/lib/errors";
import { insertIndicator } from "@/lib/indicators/create-indicator";
import { currentPlanRow, insertPlan, planTitleFor } from "@/lib/plans/create-plan";
import { taskSnapshot } from "@/lib/tasks/snapshot";
import { mayLeadProjects } from "@/lib/users/queries";
import { importPeriod, type PlanImportInput } from "./schemas";

/**
 * Every reason the import cannot be written, keyed by the path of the field at fault
 * (`plan.year`, `projects.2.tasks.0.ownerId`): a year that has a plan, owners who are not
 * active, units that are archived or unknown, lead leaders who are not leaders.
 */
function importProblems(tx: Tx, input: PlanImportInput): FieldErrors {
  const fields: FieldErrors = {};
  const taken = tx
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.year, input.plan.year))
    .get();
  if (taken) fields["plan.year"] = "validation.planYearTaken";

  const userIds = new Set<number>();
  const unitIds = new Set<number>();
  for (const project of input.projects) {
    if (project.leadLeaderId !== null) userIds.add(project.leadLeaderId);
    for (const task of project.tasks) {
      userIds.add(task.ownerId);
      unitIds.add(task.leadUnitId);
    }
  }
  const people = new Map(
    userIds.size === 0
      ? []
      : tx
          .select({ id: users.id, role: users.role, active: users.active })
          .from(users)
          .where(inArray(users.id, [...userIds]))
          .all()
          .map((user) => [user.id, user]),
  );
  const liveUnits = new Set(
    unitIds.size === 0
      ? []
      : tx
          .select({ id: units.id, archivedAt: units.archivedAt })
          .from(units)
          .where(inArray(units.id, [...unitIds]))
          .all()
          .filter((unit) => unit.archivedAt === null)
          .map((unit) => unit.id),
  );

  input.projects.forEach((project, i) => {
    if (project.leadLeaderId !== null) {
      const leader = people.get(project.leadLeaderId);
      if (!leader?.active || !mayLeadProjects(leader.role)) {
        fields[`projects.${i}.leadLeaderId`] = "validation.notALeader";
      }
    }
    project.tasks.forEach((task, j) => {
      if (!people.get(task.ownerId)?.active) {
        fields[`projects.${i}.tasks.${j}.ownerId`] = "validation.unknownUser";
      }
      if (!liveUnits.has(task.leadUnitId)) {
        fields[`projects.${i}.tasks.${j}.leadUnitId`] = "validation.unknownUnit";
      }
    });
  });
  return fields;
}

/**
 * Writes an imported work plan as a NEW plan (never the current one) with all its themes, tasks
 * and indicators, each with its audit row, in one transaction. Everything is checked before the
 * first write; any problem refuses the whole import (400, every problem keyed by its path) and
 * nothing is written.
 */
export async function commitPlanImport(actor: Actor, input: PlanImportInput) {
  authorize(actor, "admin:manage");
  const period = importPeriod(input.plan);
  return getDb().transaction((tx) => {
    const problems = importProblems(tx, input);
    if (Object.keys(problems).length > 0) throw validationFailed(problems);

    // A new plan takes its settings (reporting day, thresholds, time zone) from the current one.
    const template = currentPlanRow(tx);
    const planId = insertPlan(
      tx,
      actor,
      {
        year: input.plan.year,
        title: input.plan.title || planTitleFor(input.plan.year, template),
        startDate: period.startDate,
        endDate: period.endDate,
        ...(template
          ? {
              timeZone: template.timeZone,
              reportingDay: template.reportingDay,
              greenMaxGap: template.greenMaxGap,
              yellowMaxGap: template.yellowMaxGap,
            }
          : {}),
      },
      { importedFrom: "plan-text" },
    );

    let taskCount = 0;
    let indicatorCount = 0;
    input.projects.forEach((project, i) => {
      const projectRow = tx
        .insert(projects)
        .values({
          planId,
          position: i + 1,
          title: project.title,
          description: project.description,
          leadLeaderId: project.leadLeaderId,
        })
        .returning()
        .get();
      recordAudit(tx, {
        actorId: actor.id,
        action: "create",
        entityType: "project",
        entityId: projectRow.id,
        after: {
          title: projectRow.title,
          description: projectRow.description,
          leadLeaderId: projectRow.leadLeaderId,
          position: projectRow.position,
          archived: false,
        },
      });

      project.tasks.forEach((task, j) => {
        const { id: taskId } = tx
          .insert(tasks)
          .values({
            projectId: projectRow.id,
            position: j + 1,
            title: task.title,
            description: task.description,
            ownerId: task.ownerId,
            leadUnitId: task.leadUnitId,
            startDate: task.startDate,
            dueDate: task.dueDate,
            weight: task.weight,
          })
          .returning({ id: tasks.id })
          .get();
        recordAudit(tx, {
          actorId: actor.id,
          action: "create",
          entityType: "task",
          entityId: taskId,
          after: taskSnapshot(tx, taskId)!.fields,
        });
        taskCount += 1;
        task.indicators.forEach((indicator, k) => {
          insertIndicator(
            tx,
            actor,
            taskId,
            indicator,
            `projects.${i}.tasks.${j}.indicators.${k}.`,
          );
          indicatorCount += 1;
        });
      });
    });

    return {
      planId,
      projects: input.projects.length,
      tasks: taskCount,
      indicators: indicatorCount,
    };
  });
}

export type PlanImportResult = Awaited<ReturnType<typeof commitPlanImport>>;
