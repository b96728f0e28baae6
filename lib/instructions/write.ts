import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { instructions, tasks } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Actor } from "@/lib/auth/policy";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { taskSnapshot } from "@/lib/tasks/snapshot";
import { findInstruction } from "./queries";
import type { InstructionAckInput } from "./schemas";

/** 400 on an archived task: nobody works on it any more. */
const taskArchived = () => new AppError("validation_failed", { _: "validation.taskArchived" });

/** 领导批示: a leader writes an instruction on a task; its owner finds it in their bell. */
export async function createInstruction(actor: Actor, taskId: number, input: { text: string }) {
  authorize(actor, "task:instruct");
  const id = getDb().transaction((tx) => {
    const task = taskSnapshot(tx, taskId);
    if (!task) throw notFound();
    if (task.retired) throw taskArchived();
    const row = tx
      .insert(instructions)
      .values({ taskId, authorId: actor.id, text: input.text })
      .returning({ id: instructions.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "create",
      entityType: "instruction",
      entityId: row.id,
      after: { taskId, text: input.text },
    });
    notify(tx, {
      userId: task.fields.ownerId,
      kind: "instruction_received",
      taskId,
      refId: row.id,
      body: input.text,
    });
    return row.id;
  });
  return (await findInstruction(id, actor))!;
}

/**
 * 签收 and 办理情况: the task's owner acknowledges an instruction, with or without the answer; the
 * answer is given once (a second one is refused, so the first is never overwritten). A bare
 * acknowledgement of an acknowledged instruction changes nothing.
 */
export async function answerInstruction(actor: Actor, id: number, input: InstructionAckInput) {
  getDb().transaction((tx) => {
    const row = tx
      .select({
        ownerId: tasks.ownerId,
        acknowledgedAt: instructions.acknowledgedAt,
        repliedAt: instructions.repliedAt,
      })
      .from(instructions)
      .innerJoin(tasks, eq(tasks.id, instructions.taskId))
      .where(eq(instructions.id, id))
      .get();
    if (!row) throw notFound();
    authorize(actor, "instruction:answer", row);
    const reply = input.reply || null;
    if (reply && row.repliedAt !== null) {
      throw new AppError("conflict", { reply: "validation.instructionAnswered" });
    }
    if (!reply && row.acknowledgedAt !== null) return;
    const now = new Date();
    tx.update(instructions)
      .set({
        // The first acknowledgement stands: who signed for it, and when.
        ...(row.acknowledgedAt === null && { acknowledgedAt: now, acknowledgedById: actor.id }),
        ...(reply && { reply, repliedAt: now }),
      })
      .where(eq(instructions.id, id))
      .run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "answer",
      entityType: "instruction",
      entityId: id,
      before: { acknowledged: row.acknowledgedAt !== null, reply: null },
      after: { acknowledged: true, reply },
    });
  });
  return (await findInstruction(id, actor))!;
}
