/**
 * The leaders' side of the demo: instructions in each state and urges on the tasks furthest
 * behind, with the bell messages they raised, so the dashboard, the task pages and the cadre's
 * inbox open on a lived-in picture. Deterministic: it depends only on the seeded tasks.
 */
import type { Tx } from "@/db/transaction";
import { instructions, notifications, urges } from "@/db/schema";
import type { ProgressProfile } from "./progress-history";

export interface SeededTask {
  id: number;
  key: string;
  ownerId: number;
  ownerUsername: string;
  leadLeaderId: number;
  profile: ProgressProfile;
}

/** A wall-clock time in Asia/Shanghai as an instant. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

const isRed = (task: SeededTask) => task.profile.kind === "behind" && task.profile.gap >= 0.35;
const isYellow = (task: SeededTask) => task.profile.kind === "behind" && task.profile.gap < 0.35;
const isOpen = (task: SeededTask) =>
  task.profile.kind !== "completed" && task.profile.kind !== "not_started";

function instruct(
  tx: Tx,
  task: SeededTask,
  text: string,
  written: Date,
  answer?: { acknowledged: Date; reply?: string; replied?: Date },
) {
  const row = tx
    .insert(instructions)
    .values({
      taskId: task.id,
      authorId: task.leadLeaderId,
      text,
      acknowledgedAt: answer?.acknowledged ?? null,
      acknowledgedById: answer ? task.ownerId : null,
      reply: answer?.reply ?? null,
      repliedAt: answer?.replied ?? null,
      createdAt: written,
      updatedAt: answer?.replied ?? answer?.acknowledged ?? written,
    })
    .returning({ id: instructions.id })
    .get();
  tx.insert(notifications)
    .values({
      userId: task.ownerId,
      kind: "instruction_received",
      taskId: task.id,
      refId: row.id,
      body: text,
      readAt: answer?.acknowledged ?? null,
      createdAt: written,
      updatedAt: answer?.acknowledged ?? written,
    })
    .run();
}

function urge(tx: Tx, task: SeededTask, message: string, sent: Date) {
  const row = tx
    .insert(urges)
    .values({
      taskId: task.id,
      authorId: task.leadLeaderId,
      recipientId: task.ownerId,
      message,
      createdAt: sent,
      updatedAt: sent,
    })
    .returning({ id: urges.id })
    .get();
  tx.insert(notifications)
    .values({
      userId: task.ownerId,
      kind: "urged",
      taskId: task.id,
      refId: row.id,
      body: message,
      createdAt: sent,
      updatedAt: sent,
    })
    .run();
}

/** Seeds the demo's instructions and urges; returns how many of each it wrote. */
export function seedOversight(tx: Tx, tasks: readonly SeededTask[]) {
  const red = tasks.filter(isRed);
  const yellow = tasks.filter(isYellow);
  const cadreTask = tasks.find((t) => t.ownerUsername === "cadre" && isOpen(t));
  let instructionCount = 0;
  let urgeCount = 0;

  // Every red task was urged in October and again in November.
  for (const task of red) {
    urge(tx, task, "进度明显滞后，请抓紧推进并于本月填报进展。", at("2023-10-26", "09:30"));
    urge(tx, task, "请本周内报送赶进度措施。", at("2023-11-16", "10:00"));
    urgeCount += 2;
  }
  // Answered: the first red task; acknowledged, not yet answered: the first yellow task.
  if (red[0]) {
    instruct(
      tx,
      red[0],
      "请分析滞后原因，制定赶超计划，确保年底前完成目标。",
      at("2023-10-12", "15:00"),
      {
        acknowledged: at("2023-10-12", "17:20"),
        reply: "已召开专题会分析原因，倒排工期，每周报送进度。",
        replied: at("2023-10-16", "11:05"),
      },
    );
    instructionCount++;
  }
  if (yellow[0]) {
    instruct(tx, yellow[0], "注意序时进度，下月底前追上计划。", at("2023-11-08", "09:15"), {
      acknowledged: at("2023-11-08", "14:40"),
    });
    instructionCount++;
  }
  // Unread: one on the `cadre` account's task, waiting in their inbox.
  if (cadreTask) {
    instruct(
      tx,
      cadreTask,
      "请梳理辖区居民反映集中的问题，月底前报送解决方案。",
      at("2023-11-22", "16:30"),
    );
    instructionCount++;
  }
  return { instructions: instructionCount, urges: urgeCount };
}
