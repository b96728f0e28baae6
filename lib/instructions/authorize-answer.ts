import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { instructions, tasks } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/policy";
import { notFound } from "@/lib/errors";

/**
 * For handlers, before they read a body: only the owner of the instruction's task answers it (403
 * for anyone else, whatever they sent). The answer checks again inside its transaction.
 */
export function authorizeInstructionAnswer(actor: Actor, instructionId: number): void {
  const row = getDb()
    .select({ ownerId: tasks.ownerId })
    .from(instructions)
    .innerJoin(tasks, eq(tasks.id, instructions.taskId))
    .where(eq(instructions.id, instructionId))
    .get();
  if (!row) throw notFound();
  authorize(actor, "instruction:answer", row);
}
