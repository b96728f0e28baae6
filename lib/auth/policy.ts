/**
 * The one place that answers "may this user do this to this thing". Route handlers and pages ask
 * it; the server refuses what it denies (403) and the UI only hides what it denies.
 */
import type { Role } from "@/db/schema";
import { forbidden } from "@/lib/errors";

export interface Actor {
  id: number;
  role: Role;
  unitId: number;
}

/** What a task-level rule needs to know about the task. */
export interface TaskScope {
  ownerId: number;
  leadUnitId: number;
  coUnitIds: readonly number[];
}

type Rules = {
  /** Read the plan: projects, tasks, indicators, progress. */
  "plan:read": undefined;
  /** Oversee the plan: the dashboard (领导驾驶舱) as a home page, for leaders and admins. */
  "plan:oversee": undefined;
  /** Create and edit projects, tasks and indicators; plan settings. */
  "plan:edit": undefined;
  /** Change a task's status and log its progress. */
  "task:report": TaskScope;
  /** Edit or withdraw a progress entry, or change its evidence (while it is open; see lib/entries). */
  "entry:amend": { authorId: number };
  /** Review progress entries (审核): see the queue. */
  "entry:review": undefined;
  /** Approve or return one entry: a leader, and not on their own entry (someone else checks it). */
  "entry:decide": { authorId: number };
  /** Write an instruction (批示) on a task. */
  "task:instruct": undefined;
  /** Urge (催办) a task's owner. */
  "task:urge": undefined;
  /** Acknowledge (签收) and answer an instruction: the task's owner. */
  "instruction:answer": { ownerId: number };
  /** Reopen a completed task. */
  "task:reopen": undefined;
  /** Publish (定稿) a month's report: a leader's word, like review. */
  "report:publish": undefined;
  /** Reopen a published month (with a reason): an admin's correction. */
  "report:reopen": undefined;
  /** Manage people, units and plans. */
  "admin:manage": undefined;
  /** Unlock an account locked by wrong passwords (lib/auth/lockout.ts). */
  "user:unlock": undefined;
};

export type Action = keyof Rules;
/** What an action is decided on (undefined for actions on the plan as a whole). */
export type ResourceOf<A extends Action> = Rules[A];

const isLeaderOrAdmin = (actor: Actor) => actor.role === "leader" || actor.role === "admin";
// Review, instructions and urging are a leader's word on the work; an admin runs the system.
const isLeader = (actor: Actor) => actor.role === "leader";

/** A cadre works on tasks they own, or whose lead unit or a co-unit is their unit. */
export function isOnTask(actor: Actor, task: TaskScope): boolean {
  return (
    task.ownerId === actor.id ||
    task.leadUnitId === actor.unitId ||
    task.coUnitIds.includes(actor.unitId)
  );
}

const rules: { [A in Action]: (actor: Actor, resource: Rules[A]) => boolean } = {
  "plan:read": () => true,
  "plan:oversee": isLeaderOrAdmin,
  "plan:edit": isLeaderOrAdmin,
  "task:report": (actor, task) => isLeaderOrAdmin(actor) || isOnTask(actor, task),
  // Only the author: a leader's say on an entry is its review (#5), not an edit.
  "entry:amend": (actor, entry) => entry.authorId === actor.id,
  "entry:review": isLeader,
  "entry:decide": (actor, entry) => isLeader(actor) && entry.authorId !== actor.id,
  "task:instruct": isLeader,
  "task:urge": isLeader,
  "instruction:answer": (actor, instruction) => instruction.ownerId === actor.id,
  "task:reopen": isLeaderOrAdmin,
  "report:publish": isLeader,
  "report:reopen": (actor) => actor.role === "admin",
  "admin:manage": (actor) => actor.role === "admin",
  "user:unlock": (actor) => actor.role === "admin",
};

export function can<A extends Action>(
  actor: Actor | null | undefined,
  action: A,
  ...resource: Rules[A] extends undefined ? [] : [Rules[A]]
): boolean {
  // No session, no permission: a missing actor never falls through to an allow.
  if (!actor) return false;
  return rules[action](actor, resource[0] as Rules[A]);
}

/** Throws 403 unless `can` allows. */
export function authorize<A extends Action>(
  actor: Actor | null | undefined,
  action: A,
  ...resource: Rules[A] extends undefined ? [] : [Rules[A]]
): void {
  if (!can(actor, action, ...resource)) throw forbidden();
}
