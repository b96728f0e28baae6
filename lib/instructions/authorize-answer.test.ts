import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { instructions } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import {
  asActor,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUser,
  openTestDatabase,
} from "@/lib/testing/database";
import { authorizeInstructionAnswer } from "./authorize-answer";

let db: Db;
let owner: Actor;
let colleague: Actor;
let leader: Actor;
let admin: Actor;
let instructionId: number;

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
  owner = asActor(office.cadre);
  leader = asActor(office.leader);
  admin = asActor(office.admin);
  colleague = asActor(
    insertUser(db, { unitId: office.unit.id, role: "cadre", username: "colleague" }),
  );
  const planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  const projectId = insertProject(db, { planId }).id;
  const taskId = insertTask(db, { projectId, ownerId: owner.id, leadUnitId: office.unit.id }).id;
  instructionId = db
    .insert(instructions)
    .values({ taskId, authorId: leader.id, text: "月底前完成" })
    .returning()
    .get().id;
});
afterAll(closeTestDatabase);

it("lets only the task's owner answer: not a colleague, the leader who wrote it, or an admin", () => {
  const results = [owner, colleague, leader, admin].map((actor) =>
    outcome(() => authorizeInstructionAnswer(actor, instructionId)),
  );
  expect(results).toEqual(["allowed", "forbidden", "forbidden", "forbidden"]);
});

it("answers 404 for an instruction that does not exist", () => {
  expect(outcome(() => authorizeInstructionAnswer(owner, 999_999))).toBe("not_found");
});
