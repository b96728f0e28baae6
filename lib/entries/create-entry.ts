import "server-only";
import { getDb } from "@/db/client";
import { indicatorReadings, progressEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { insertAttachments, prepareFiles, storeFilesWith } from "@/lib/attachments/prepare";
import { authorize, type Actor } from "@/lib/auth/policy";
import { AppError, notFound, validationFailed, type FieldErrors } from "@/lib/errors";
import { planToday } from "@/lib/plans/as-of";
import { resolvePlan } from "@/lib/plans/queries";
import { changeStatusInTx } from "@/lib/tasks/change-status";
import { taskPlanId } from "@/lib/tasks/queries";
import { taskSnapshot } from "@/lib/tasks/snapshot";
import type { Reader } from "@/db/transaction";
import { canChangeStatus } from "@/lib/tasks/status";
import { assertEntryDateOpen, entryContentErrors } from "./checks";
import { staleTaskConflict } from "./conflicts";
import { getEntry } from "./queries";
import type { EntryCreateInput } from "./schemas";
import { entrySnapshot } from "./snapshot";

// A status change made with an entry takes its reason from the entry: the problems say why a task
// is blocked, and the note says how a task short of a target was completed.
const STATUS_FIELD_OF: Record<string, string> = {
  blockedReason: "problems",
  completionNote: "note",
};

/**
 * 填报进展: records a dated entry on a task with its readings, evidence files and an optional
 * status change, all in one transaction. A refused entry leaves nothing behind: no row, no
 * reading, no file.
 */
export async function createEntry(
  actor: Actor,
  taskId: number,
  input: EntryCreateInput,
  files: File[] = [],
) {
  const plan = await resolvePlan(await taskPlanId(taskId));
  const today = planToday(plan);
  /** The task, if the actor may report on it, and what is wrong with the entry for it. */
  const check = (tx: Reader) => {
    const task = taskSnapshot(tx, taskId);
    if (!task) throw notFound();
    authorize(actor, "task:report", task.fields);
    assertEntryDateOpen(tx, task, plan, today, input.date);
    const errors: FieldErrors = {};
    if (task.fields.archived) errors._ = "validation.taskArchived";
    Object.assign(
      errors,
      entryContentErrors(tx, { id: taskId, planId: task.planId }, plan, today, input),
    );
    const statusChange = input.status !== undefined && input.status !== task.fields.status;
    if (statusChange && !canChangeStatus(task.fields.status, input.status!)) {
      errors.status = "validation.statusTransition";
    }
    if (statusChange && input.status === "blocked" && !input.problems) {
      errors.problems = "validation.blockedNeedsProblems";
    }
    return { statusChange, errors };
  };

  // With files, first a stranger is refused and the entry checked, before any file is read; file
  // and field problems are reported together. Without, the check in the transaction is the same.
  const { errors } = files.length > 0 ? check(getDb()) : { errors: {} };
  const prepared = await prepareFiles(files).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "validation_failed") {
      throw validationFailed({ ...errors, ...error.fields });
    }
    throw error;
  });
  if (Object.keys(errors).length > 0) throw validationFailed(errors);

  const id = await storeFilesWith(prepared, () =>
    getDb().transaction((tx) => {
      // Again inside the transaction: the task may have changed while the files were read.
      const { statusChange, errors } = check(tx);
      if (Object.keys(errors).length > 0) throw validationFailed(errors);

      const entry = tx
        .insert(progressEntries)
        .values({
          taskId,
          authorId: actor.id,
          entryDate: input.date,
          percent: input.percent ?? null,
          note: input.note,
          problems: input.problems,
          nextSteps: input.nextSteps,
        })
        .returning({ id: progressEntries.id })
        .get();
      for (const reading of input.readings) {
        tx.insert(indicatorReadings)
          .values({ entryId: entry.id, ...reading })
          .run();
      }
      insertAttachments(tx, entry.id, actor.id, prepared);

      if (statusChange) {
        const result = changeStatusInTx(
          tx,
          actor,
          taskId,
          { status: input.status!, blockedReason: input.problems, completionNote: input.note },
          { plan, on: input.date, expectedVersion: input.taskVersion },
        );
        if (result.stale) throw new AppError("conflict");
        const statusErrors = Object.entries(result.errors);
        if (statusErrors.length > 0) {
          throw validationFailed(
            Object.fromEntries(statusErrors.map(([f, m]) => [STATUS_FIELD_OF[f] ?? f, m])),
          );
        }
      }
      recordAudit(tx, {
        actorId: actor.id,
        action: "create",
        entityType: "entry",
        entityId: entry.id,
        after: entrySnapshot(tx, entry.id)!.fields,
      });
      return entry.id;
    }),
  ).catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === "conflict" && !error.details) {
      throw await staleTaskConflict(taskId);
    }
    throw error;
  });
  return getEntry(id, actor);
}
