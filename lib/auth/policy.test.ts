import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authorize, can, isOnTask, type Action, type Actor, type TaskScope } from "./policy";

// Every actor works in unit 10; unit 11 leads the tasks that are not theirs, unit 12 helps.
const UNIT = 10;
const actors: Record<Role, Actor> = {
  admin: { id: 1, role: "admin", unitId: UNIT },
  leader: { id: 2, role: "leader", unitId: UNIT },
  cadre: { id: 3, role: "cadre", unitId: UNIT },
};

type Relation = "owner" | "leadUnit" | "coUnit" | "otherUnit";
const RELATIONS: Relation[] = ["owner", "leadUnit", "coUnit", "otherUnit"];

/** A task in the given relation to `actor`: owner, own unit leads, own unit helps, or neither. */
function taskFor(actor: Actor, relation: Relation): TaskScope {
  switch (relation) {
    case "owner":
      return { ownerId: actor.id, leadUnitId: 11, coUnitIds: [12] };
    case "leadUnit":
      return { ownerId: 50, leadUnitId: actor.unitId, coUnitIds: [12] };
    case "coUnit":
      return { ownerId: 50, leadUnitId: 11, coUnitIds: [12, actor.unitId] };
    case "otherUnit":
      return { ownerId: 50, leadUnitId: 11, coUnitIds: [12] };
  }
}

/** The expected answer for every action × role × relation to the task. */
const EXPECTED: Record<Action, Record<Role, Record<Relation, boolean>>> = {
  "plan:read": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
  },
  // The dashboard as a home page: a leader's overview; admins run the plan, so they see it too.
  "plan:oversee": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "plan:edit": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "task:report": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: true, leadUnit: true, coUnit: true, otherUnit: false },
  },
  // "owner" here: the actor wrote the entry; otherwise someone else did, whatever the task.
  "entry:amend": {
    admin: { owner: true, leadUnit: false, coUnit: false, otherUnit: false },
    leader: { owner: true, leadUnit: false, coUnit: false, otherUnit: false },
    cadre: { owner: true, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "entry:review": {
    admin: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  // "owner" here: the actor wrote the entry, and nobody approves their own work.
  "entry:decide": {
    admin: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    leader: { owner: false, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "task:instruct": {
    admin: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "task:urge": {
    admin: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  // Only the task's owner answers an instruction, whatever their role or unit.
  "instruction:answer": {
    admin: { owner: true, leadUnit: false, coUnit: false, otherUnit: false },
    leader: { owner: true, leadUnit: false, coUnit: false, otherUnit: false },
    cadre: { owner: true, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "task:reopen": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  // 定稿 is a leader's word on the month; reopening it is an admin's correction.
  "report:publish": {
    admin: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    leader: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "report:reopen": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "admin:manage": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
  "user:unlock": {
    admin: { owner: true, leadUnit: true, coUnit: true, otherUnit: true },
    leader: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
    cadre: { owner: false, leadUnit: false, coUnit: false, otherUnit: false },
  },
};

const ACTIONS = Object.keys(EXPECTED) as Action[];
const ROLES = Object.keys(actors) as Role[];

/** Asks the policy, passing the task only to the actions that take one. */
function ask(actor: Actor | null | undefined, action: Action, task: TaskScope): boolean {
  if (action === "task:report") return can(actor, action, task);
  if (action === "entry:amend" || action === "entry:decide") {
    return can(actor, action, { authorId: task.ownerId });
  }
  if (action === "instruction:answer") return can(actor, action, { ownerId: task.ownerId });
  return can(actor, action as "plan:read");
}

function askAuthorize(actor: Actor | null | undefined, action: Action, task: TaskScope) {
  return () => {
    if (action === "task:report") return authorize(actor, action, task);
    if (action === "entry:amend" || action === "entry:decide") {
      return authorize(actor, action, { authorId: task.ownerId });
    }
    if (action === "instruction:answer") {
      return authorize(actor, action, { ownerId: task.ownerId });
    }
    return authorize(actor, action as "plan:read");
  };
}

const matrix = ACTIONS.flatMap((action) =>
  ROLES.flatMap((role) =>
    RELATIONS.map((relation) => ({
      action,
      role,
      relation,
      allowed: EXPECTED[action][role][relation],
    })),
  ),
);

describe("policy matrix", () => {
  it("covers every action, role and relation", () => {
    expect(matrix).toHaveLength(15 * 3 * 4);
  });

  it.each(matrix)("$role × $action on a task ($relation) → $allowed", (row) => {
    const actor = actors[row.role];
    const task = taskFor(actor, row.relation);
    expect(ask(actor, row.action, task)).toBe(row.allowed);
    if (row.allowed) {
      expect(askAuthorize(actor, row.action, task)).not.toThrow();
    } else {
      expect(askAuthorize(actor, row.action, task)).toThrowError(
        expect.objectContaining({ name: "AppError", status: 403, code: "forbidden" }),
      );
    }
  });

  it.each(ACTIONS.flatMap((action) => RELATIONS.map((relation) => ({ action, relation }))))(
    "refuses $action on a task ($relation) without a session",
    ({ action, relation }) => {
      // The task is the cadre's own in every way, so only the missing actor can refuse it.
      const task = taskFor(actors.cadre, relation);
      for (const missing of [null, undefined]) {
        expect(ask(missing, action, task)).toBe(false);
        expect(askAuthorize(missing, action, task)).toThrowError(AppError);
        expect(askAuthorize(missing, action, task)).toThrowError(
          expect.objectContaining({ status: 403, code: "forbidden" }),
        );
      }
    },
  );
});

describe("task:report for cadres", () => {
  const cadre = actors.cadre;

  it("does not take a colleague's ownership, another unit's co-unit or a bare id match as theirs", () => {
    // Same number as the cadre's unit, but as an owner id: not the cadre.
    expect(can(cadre, "task:report", { ownerId: UNIT, leadUnitId: 11, coUnitIds: [] })).toBe(false);
    // Same number as the cadre's id, but as a unit: not the cadre's unit.
    expect(can(cadre, "task:report", { ownerId: 50, leadUnitId: cadre.id, coUnitIds: [] })).toBe(
      false,
    );
    expect(can(cadre, "task:report", { ownerId: 50, leadUnitId: 11, coUnitIds: [cadre.id] })).toBe(
      false,
    );
    expect(can(cadre, "task:report", { ownerId: 50, leadUnitId: 11, coUnitIds: [] })).toBe(false);
  });

  it("follows the task when it moves to another unit", () => {
    const task = taskFor(cadre, "leadUnit");
    expect(can(cadre, "task:report", task)).toBe(true);
    expect(can(cadre, "task:report", { ...task, leadUnitId: 11 })).toBe(false);
  });

  it("lets a cadre of another unit report only where that unit is on the task", () => {
    const outsider: Actor = { id: 4, role: "cadre", unitId: 12 };
    expect(can(outsider, "task:report", taskFor(cadre, "owner"))).toBe(true); // 12 is a co-unit
    expect(can(outsider, "task:report", { ownerId: 3, leadUnitId: 10, coUnitIds: [] })).toBe(false);
  });
});

describe("isOnTask", () => {
  it.each(ROLES.flatMap((role) => RELATIONS.map((relation) => ({ role, relation }))))(
    "$role on a task ($relation)",
    ({ role, relation }) => {
      // Being on a task does not depend on the role: leaders may report anywhere, but only
      // their own tasks count as theirs (e.g. for "my tasks").
      expect(isOnTask(actors[role], taskFor(actors[role], relation))).toBe(
        relation !== "otherUnit",
      );
    },
  );
});
