import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { indicatorReadings, indicators } from "@/db/schema";
import { lastChange } from "@/lib/audit/history";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { conflict, notFound, validationFailed } from "@/lib/errors";
import { reorder } from "@/lib/plans/ordering";
import { getIndicator } from "./queries";
import { indicatorIssues, type IndicatorPatchInput } from "./schemas";
import { indicatorSnapshot } from "./snapshot";

async function staleIndicator(id: number) {
  const [current, change] = await Promise.all([getIndicator(id), lastChange("indicator", id)]);
  return conflict({ current, changedBy: change?.actor ?? null, changedAt: change?.at ?? null });
}

/** Edits an indicator (leaders and admins); a stale `version` gets 409 with the current one. */
export async function updateIndicator(actor: Actor, id: number, input: IndicatorPatchInput) {
  authorize(actor, "plan:edit");
  const stale = getDb().transaction((tx) => {
    const snapshot = indicatorSnapshot(tx, id);
    if (!snapshot) throw notFound();
    if (snapshot.version !== input.version) return true;
    const next = {
      ...snapshot.fields,
      ...Object.fromEntries(
        Object.entries(input).filter(([key, value]) => key !== "version" && value !== undefined),
      ),
    };
    const issues = indicatorIssues(next);
    if (issues.length > 0) {
      throw validationFailed(Object.fromEntries(issues.map((i) => [i.field, i.message])));
    }
    // A move puts it among the task's live indicators and renumbers them 1..n.
    const moves =
      input.position !== undefined && !snapshot.archived
        ? reorder(
            tx
              .select({ id: indicators.id, position: indicators.position })
              .from(indicators)
              .where(and(eq(indicators.taskId, snapshot.taskId), isNull(indicators.archivedAt)))
              .orderBy(asc(indicators.position), asc(indicators.id))
              .all()
              .filter((sibling) => sibling.id !== id),
            { id, to: input.position },
          )
        : [];
    next.position = moves.find((m) => m.id === id)?.position ?? snapshot.fields.position;
    const diff = changedFields(snapshot.fields, next);
    if (!diff) return false;
    const updated = tx
      .update(indicators)
      .set({
        name: next.name,
        measureUnit: next.unit,
        baseline: next.baseline,
        target: next.target,
        direction: next.direction,
        decimals: next.decimals,
        weight: next.weight,
        position: next.position,
        version: snapshot.version + 1,
      })
      .where(eq(indicators.id, id))
      .run();
    if (updated.changes !== 1) return true;
    for (const move of moves) {
      if (move.id === id) continue;
      tx.update(indicators)
        .set({ position: move.position })
        .where(eq(indicators.id, move.id))
        .run();
    }
    recordAudit(tx, {
      actorId: actor.id,
      action: "update",
      entityType: "indicator",
      entityId: id,
      ...diff,
    });
    return false;
  });
  if (stale) throw await staleIndicator(id);
  return getIndicator(id);
}

/**
 * Removes an indicator (leaders and admins). One with readings is archived, so the history that
 * cites it stays whole; one without is deleted.
 */
export async function removeIndicator(actor: Actor, id: number, version: number) {
  authorize(actor, "plan:edit");
  const outcome = getDb().transaction((tx) => {
    const snapshot = indicatorSnapshot(tx, id);
    if (!snapshot) throw notFound();
    if (snapshot.version !== version) return "stale" as const;
    // Already archived: keep the day it was archived, and write nothing.
    if (snapshot.archived) return "archived" as const;
    const reading = tx
      .select({ id: indicatorReadings.id })
      .from(indicatorReadings)
      .where(eq(indicatorReadings.indicatorId, id))
      .limit(1)
      .get();
    const before = { taskId: snapshot.taskId, ...snapshot.fields, archived: snapshot.archived };
    if (reading) {
      tx.update(indicators)
        .set({ archivedAt: new Date(), version: version + 1 })
        .where(eq(indicators.id, id))
        .run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "archive",
        entityType: "indicator",
        entityId: id,
        before,
        after: { ...before, archived: true },
      });
      return "archived" as const;
    }
    tx.delete(indicators).where(eq(indicators.id, id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "delete",
      entityType: "indicator",
      entityId: id,
      before,
    });
    return "deleted" as const;
  });
  if (outcome === "stale") throw await staleIndicator(id);
  return { id, outcome };
}
