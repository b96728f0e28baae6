import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import {
  asActor,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUnit,
  insertUser,
  openTestDatabase,
} from "@/lib/testing/database";
import { authorizeTaskChange, authorizeTaskReport } from "./authorize-task";

let db: Db;
let cadre: Actor;
let leader: Actor;
let admin: Actor;
/** A cadre of a unit that has nothing to do with the task. */
let stranger: Actor;
/** A cadre of the task's co-unit. */
let coWorker: Actor;
let taskId: number;

/** The error code a guard throws, or "allowed". */
function outcome(guard: () => void): string {
  try {
    guard();
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(() => {
  db = openTestDatabase();
  const office = insertOffice(db);
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  admin = asActor(office.admin);
  const otherUnit = insertUnit(db, "别的科室");
  const coUnit = insertUnit(db, "配合单位");
  stranger = asActor(insertUser(db, { unitId: otherUnit.id, role: "cadre", username: "stranger" }));
  coWorker = asActor(insertUser(db, { unitId: coUnit.id, role: "cadre", username: "co-worker" }));
  const planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  const projectId = insertProject(db, { planId }).id;
  taskId = insertTask(db, {
    projectId,
    ownerId: cadre.id,
    leadUnitId: office.unit.id,
    coUnitIds: [coUnit.id],
  }).id;
});
afterAll(closeTestDatabase);

describe("authorizeTaskReport", () => {
  it("lets the task's people, leaders and admins report; refuses a cadre of another unit", () => {
    const results = [cadre, coWorker, leader, admin, stranger].map((actor) =>
      outcome(() => authorizeTaskReport(actor, taskId)),
    );
    expect(results).toEqual(["allowed", "allowed", "allowed", "allowed", "forbidden"]);
  });

  it("answers 404 for a task that does not exist", () => {
    expect(outcome(() => authorizeTaskReport(cadre, 999_999))).toBe("not_found");
  });
});

describe("authorizeTaskChange", () => {
  it("refuses only someone who may neither edit the plan nor report on the task", () => {
    const results = [cadre, coWorker, leader, admin, stranger].map((actor) =>
      outcome(() => authorizeTaskChange(actor, taskId)),
    );
    expect(results).toEqual(["allowed", "allowed", "allowed", "allowed", "forbidden"]);
  });

  it("lets editors through without a lookup; a cadre learns a missing task is missing", () => {
    expect(outcome(() => authorizeTaskChange(leader, 999_999))).toBe("allowed");
    expect(outcome(() => authorizeTaskChange(stranger, 999_999))).toBe("not_found");
  });
});
