import "server-only";
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { instructions, projects, tasks, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/policy";

export const INSTRUCTION_STATES = ["unread", "acknowledged", "answered"] as const;
export type InstructionState = (typeof INSTRUCTION_STATES)[number];

const author = alias(users, "author");
const owner = alias(users, "owner");

function selectInstructions(where: SQL | undefined, limit = 200) {
  return getDb()
    .select({
      id: instructions.id,
      taskId: instructions.taskId,
      taskTitle: tasks.title,
      ownerId: tasks.ownerId,
      ownerName: owner.displayName,
      authorId: instructions.authorId,
      authorName: author.displayName,
      text: instructions.text,
      reply: instructions.reply,
      acknowledgedAt: instructions.acknowledgedAt,
      repliedAt: instructions.repliedAt,
      createdAt: instructions.createdAt,
    })
    .from(instructions)
    .innerJoin(tasks, eq(tasks.id, instructions.taskId))
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(owner, eq(owner.id, tasks.ownerId))
    .innerJoin(author, eq(author.id, instructions.authorId))
    .where(where)
    .orderBy(desc(instructions.createdAt), desc(instructions.id))
    .limit(limit)
    .all();
}

type Row = ReturnType<typeof selectInstructions>[number];

function toItem(row: Row, viewer?: Actor) {
  const { acknowledgedAt, repliedAt, createdAt, ...rest } = row;
  const state: InstructionState =
    repliedAt !== null ? "answered" : acknowledgedAt !== null ? "acknowledged" : "unread";
  return {
    ...rest,
    state,
    acknowledgedAt: acknowledgedAt?.toISOString() ?? null,
    repliedAt: repliedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    /** Whether the viewer may still acknowledge or answer it. */
    answerable: state !== "answered" && can(viewer, "instruction:answer", { ownerId: row.ownerId }),
  };
}

export type InstructionItem = ReturnType<typeof toItem>;

/** 领导批示 on a task, newest first, each unread, acknowledged or answered. */
export async function listTaskInstructions(taskId: number, viewer?: Actor) {
  return selectInstructions(eq(instructions.taskId, taskId)).map((r) => toItem(r, viewer));
}

/** One instruction, as its task's page shows it (undefined when there is none). */
export async function findInstruction(id: number, viewer?: Actor) {
  const [row] = selectInstructions(eq(instructions.id, id), 1);
  return row && toItem(row, viewer);
}

/** Instructions on the live tasks a person owns that still wait for their answer. */
export async function listOpenInstructionsFor(actor: Actor) {
  return selectInstructions(
    and(
      eq(tasks.ownerId, actor.id),
      isNull(tasks.archivedAt),
      isNull(projects.archivedAt),
      isNull(instructions.repliedAt),
    ),
  ).map((r) => toItem(r, actor));
}

/** The instructions a leader wrote, newest first, to follow up on. */
export async function listInstructionsBy(actor: Actor, limit = 50) {
  return selectInstructions(eq(instructions.authorId, actor.id), limit).map((r) =>
    toItem(r, actor),
  );
}
