import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicators, projects, taskCoUnits, tasks } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { indicatorSnapshot } from "@/lib/indicators/snapshot";
import { computeTaskFigures } from "@/lib/tasks/figures";
import { taskSnapshot } from "@/lib/tasks/snapshot";
import type { PlanCopyInput } from "./create-schema";
import { insertPlan, planTitleFor } from "./create-plan";
import { paceRulesOf } from "./as-of";
import { resolvePlan, type Plan } from "./queries";

/**
 * A calendar date moved by whole years; 29 February becomes 28 February in a year without one.
 */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface IndicatorShape {
  baseline: number;
  target: number;
  direction: "increase" | "decrease";
  decimals: number;
}

/**
 * Next year's baseline and target of an indicator: the baseline is last year's final value (the
 * old baseline when it was never read). The target stays when it still lies ahead of the new
 * baseline; an indicator that reached or passed it gets last year's step again from where it
 * ended (a decreasing one not below zero unless it already is), to be reviewed: `retargeted`.
 */
export function carryIndicator(
  indicator: IndicatorShape,
  final: number | null,
): { baseline: number; target: number; retargeted: boolean } {
  const baseline = final ?? indicator.baseline;
  const increase = indicator.direction === "increase";
  const ahead = increase ? indicator.target > baseline : indicator.target < baseline;
  if (ahead) return { baseline, target: indicator.target, retargeted: false };
  const step = Math.abs(indicator.target - indicator.baseline);
  let target = increase ? baseline + step : baseline - step;
  if (!increase && baseline > 0 && target < 0) target = 0;
  return { baseline, target: Number(target.toFixed(indicator.decimals)), retargeted: true };
}

export interface PlanCopy {
  /** What was copied: live projects, tasks and indicators. */
  copied: { projects: number; tasks: number; indicators: number };
  /** Copied indicators that had reached their target, given a new one (see `carryIndicator`). */
  retargeted: { id: number; taskId: number; name: string; baseline: number; target: number }[];
}

/** Writes the copy of `source`'s live structure into the new plan `planId`, with audit rows. */
function copyStructure(
  tx: Tx,
  actor: Actor,
  source: Plan,
  planId: number,
  years: number,
): PlanCopy {
  const result: PlanCopy = { copied: { projects: 0, tasks: 0, indicators: 0 }, retargeted: [] };
  const sourceProjects = tx
    .select()
    .from(projects)
    .where(and(eq(projects.planId, source.id), isNull(projects.archivedAt)))
    .orderBy(asc(projects.position), asc(projects.id))
    .all();
  const sourceTasks = sourceProjects.length
    ? tx
        .select()
        .from(tasks)
        .where(
          and(
            inArray(
              tasks.projectId,
              sourceProjects.map((p) => p.id),
            ),
            isNull(tasks.archivedAt),
          ),
        )
        .orderBy(asc(tasks.position), asc(tasks.id))
        .all()
    : [];
  const taskIds = sourceTasks.map((t) => t.id);
  const coUnits = taskIds.length
    ? tx.select().from(taskCoUnits).where(inArray(taskCoUnits.taskId, taskIds)).all()
    : [];
  const sourceIndicators = taskIds.length
    ? tx
        .select()
        .from(indicators)
        .where(and(inArray(indicators.taskId, taskIds), isNull(indicators.archivedAt)))
        .orderBy(asc(indicators.position), asc(indicators.id))
        .all()
    : [];
  // Last year's final values: each indicator's latest counting reading up to the plan's end.
  const finals = new Map<number, number | null>();
  for (const figures of computeTaskFigures(
    sourceTasks,
    source.endDate,
    paceRulesOf(source),
  ).values()) {
    for (const indicator of figures.indicators) finals.set(indicator.id, indicator.current);
  }

  sourceProjects.forEach((project, p) => {
    const { id: projectId } = tx
      .insert(projects)
      .values({
        planId,
        position: p + 1,
        title: project.title,
        description: project.description,
        leadLeaderId: project.leadLeaderId,
      })
      .returning({ id: projects.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "project",
      entityId: projectId,
      after: {
        title: project.title,
        description: project.description,
        leadLeaderId: project.leadLeaderId,
        position: p + 1,
        archived: false,
      },
    });
    result.copied.projects++;

    sourceTasks
      .filter((task) => task.projectId === project.id)
      .forEach((task, t) => {
        const { id: taskId } = tx
          .insert(tasks)
          .values({
            projectId,
            position: t + 1,
            title: task.title,
            description: task.description,
            ownerId: task.ownerId,
            leadUnitId: task.leadUnitId,
            startDate: shiftYears(task.startDate, years),
            dueDate: shiftYears(task.dueDate, years),
            weight: task.weight,
          })
          .returning({ id: tasks.id })
          .get();
        for (const { unitId } of coUnits.filter((c) => c.taskId === task.id)) {
          tx.insert(taskCoUnits).values({ taskId, unitId }).run();
        }
        recordAudit(tx, {
          actorId: actor.id,
          action: "create",
          entityType: "task",
          entityId: taskId,
          after: taskSnapshot(tx, taskId)!.fields,
        });
        result.copied.tasks++;

        sourceIndicators
          .filter((indicator) => indicator.taskId === task.id)
          .forEach((indicator, i) => {
            const carried = carryIndicator(indicator, finals.get(indicator.id) ?? null);
            const { id } = tx
              .insert(indicators)
              .values({
                taskId,
                position: i + 1,
                name: indicator.name,
                measureUnit: indicator.measureUnit,
                baseline: carried.baseline,
                target: carried.target,
                direction: indicator.direction,
                decimals: indicator.decimals,
                weight: indicator.weight,
              })
              .returning({ id: indicators.id })
              .get();
            recordAudit(tx, {
              actorId: actor.id,
              action: "create",
              entityType: "indicator",
              entityId: id,
              after: { taskId, ...indicatorSnapshot(tx, id)!.fields },
            });
            result.copied.indicators++;
            if (carried.retargeted) {
              result.retargeted.push({
                id,
                taskId,
                name: indicator.name,
                baseline: carried.baseline,
                target: carried.target,
              });
            }
          });
      });
  });
  return result;
}

/**
 * Copies a plan's structure into a new year (admins): its live projects, tasks (owners, units,
 * weights; dates moved by the difference in years; not started) and indicators (baselines from
 * last year's final values), in one transaction with an audit row for each thing written.
 * Readings, entries, instructions and urges stay behind, and so does anything archived. Owners and
 * lead leaders are kept as they are, deactivated or not. The new plan is not made current.
 */
export async function copyPlan(actor: Actor, sourceId: number, input: PlanCopyInput) {
  authorize(actor, "admin:manage");
  const source = await resolvePlan(sourceId);
  const years = input.year - source.year;
  const { id, copy } = getDb().transaction((tx) => {
    const id = insertPlan(
      tx,
      actor,
      {
        year: input.year,
        title: input.title ?? planTitleFor(input.year, source),
        startDate: shiftYears(source.startDate, years),
        endDate: shiftYears(source.endDate, years),
        timeZone: source.timeZone,
        reportingDay: source.reportingDay,
        greenMaxGap: source.greenMaxGap,
        yellowMaxGap: source.yellowMaxGap,
      },
      { copiedFromPlanId: source.id },
    );
    return { id, copy: copyStructure(tx, actor, source, id, years) };
  });
  return { ...(await resolvePlan(id)), ...copy };
}
