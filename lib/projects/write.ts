import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { projects } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { lastChange } from "@/lib/audit/history";
import { changedFields, recordAudit, type AuditEntry } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { conflict, notFound } from "@/lib/errors";
import { reorder } from "@/lib/plans/ordering";
import { resolvePlan } from "@/lib/plans/queries";
import { ReferenceCheck } from "@/lib/plans/references";
import { getProject } from "./queries";
import type { ProjectCreateInput, ProjectPatchInput } from "./schemas";

function projectFields(tx: Tx, id: number) {
  const row = tx.select().from(projects).where(eq(projects.id, id)).get();
  if (!row) return undefined;
  return {
    planId: row.planId,
    version: row.version,
    fields: {
      title: row.title,
      description: row.description,
      leadLeaderId: row.leadLeaderId,
      position: row.position,
      archived: row.archivedAt !== null,
    },
  };
}

/** The position changes that put a project at a position among the plan's live projects. */
function projectMoves(tx: Tx, planId: number, moving: { id: number; to: number } | null) {
  const siblings = tx
    .select({ id: projects.id, position: projects.position })
    .from(projects)
    .where(and(eq(projects.planId, planId), isNull(projects.archivedAt)))
    .orderBy(asc(projects.position), asc(projects.id))
    .all()
    .filter((project) => project.id !== moving?.id);
  return reorder(siblings, moving);
}

function applyProjectMoves(tx: Tx, moves: { id: number; position: number }[]) {
  for (const move of moves) {
    tx.update(projects).set({ position: move.position }).where(eq(projects.id, move.id)).run();
  }
}

/** Puts a project at a position among the plan's live projects (or just closes gaps). */
function placeProject(tx: Tx, planId: number, moving: { id: number; to: number } | null) {
  const moves = projectMoves(tx, planId, moving);
  applyProjectMoves(tx, moves);
  return moves.find((m) => m.id === moving?.id)?.position;
}

/** Creates a project (工作板块) at the end of a plan (the current one by default). */
export async function createProject(actor: Actor, input: ProjectCreateInput) {
  authorize(actor, "plan:edit");
  const plan = await resolvePlan(input.planId);
  const id = getDb().transaction((tx) => {
    new ReferenceCheck(tx).leader("leadLeaderId", input.leadLeaderId).done();
    const { id } = tx
      .insert(projects)
      .values({
        planId: plan.id,
        position: Number.MAX_SAFE_INTEGER,
        title: input.title,
        description: input.description,
        leadLeaderId: input.leadLeaderId,
      })
      .returning({ id: projects.id })
      .get();
    placeProject(tx, plan.id, null);
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "project",
      entityId: id,
      after: projectFields(tx, id)!.fields,
    });
    return id;
  });
  return getProject(id);
}

/** Edits, moves, archives or restores a project; a stale `version` gets 409 with the current one. */
export async function updateProject(actor: Actor, id: number, input: ProjectPatchInput) {
  authorize(actor, "plan:edit");
  const stale = getDb().transaction((tx) => {
    const current = projectFields(tx, id);
    if (!current) throw notFound();
    if (current.version !== input.version) return true;
    if (input.leadLeaderId !== undefined && input.leadLeaderId !== current.fields.leadLeaderId) {
      new ReferenceCheck(tx).leader("leadLeaderId", input.leadLeaderId).done();
    }
    const next = {
      title: input.title ?? current.fields.title,
      description: input.description ?? current.fields.description,
      leadLeaderId:
        input.leadLeaderId === undefined ? current.fields.leadLeaderId : input.leadLeaderId,
      position: current.fields.position,
      archived: input.archived ?? current.fields.archived,
    };
    // Where the project lands, worked out before anything is written: a move to where it
    // already is changes nothing.
    const moves =
      !next.archived && (input.position !== undefined || current.fields.archived)
        ? projectMoves(tx, current.planId, {
            id,
            to: input.position ?? Number.MAX_SAFE_INTEGER,
          })
        : [];
    next.position = moves.find((m) => m.id === id)?.position ?? current.fields.position;
    if (!changedFields(current.fields, next)) return false;

    tx.update(projects)
      .set({
        title: next.title,
        description: next.description,
        leadLeaderId: next.leadLeaderId,
        archivedAt:
          next.archived === current.fields.archived ? undefined : next.archived ? new Date() : null,
        version: current.version + 1,
      })
      .where(eq(projects.id, id))
      .run();
    applyProjectMoves(tx, moves);
    if (next.archived && !current.fields.archived) placeProject(tx, current.planId, null);
    const diff = changedFields(current.fields, next);
    if (diff) {
      const action: AuditEntry["action"] =
        "archived" in diff.after
          ? next.archived
            ? "archive"
            : "restore"
          : Object.keys(diff.after).join() === "position"
            ? "move"
            : "update";
      recordAudit(tx, { actorId: actor.id, action, entityType: "project", entityId: id, ...diff });
    }
    return false;
  });
  if (stale) {
    const [current, change] = await Promise.all([getProject(id), lastChange("project", id)]);
    throw conflict({ current, changedBy: change?.actor ?? null, changedAt: change?.at ?? null });
  }
  return getProject(id);
}
