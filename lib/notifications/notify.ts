import "server-only";
import { notifications, type NotificationKind } from "@/db/schema";
import type { Tx } from "@/db/transaction";

export interface NotificationInput {
  userId: number;
  kind: NotificationKind;
  taskId: number;
  /** The instruction, entry or urge it is about. */
  refId?: number | null;
  /** Short text shown in the list: the reason, the message, the instruction. */
  body?: string;
  /** Reminders the app raises itself carry a key, so each one is raised once per user. */
  dedupeKey?: string;
}

/** Puts a message in a user's bell, inside the transaction of the change it announces. */
export function notify(tx: Tx, input: NotificationInput): void {
  tx.insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      taskId: input.taskId,
      refId: input.refId ?? null,
      body: (input.body ?? "").slice(0, 500),
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .run();
}
