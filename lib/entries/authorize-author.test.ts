import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import {
  asActor,
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUser,
  openTestDatabase,
} from "@/lib/testing/database";
import { authorizeEntryAuthor } from "./authorize-author";

let db: Db;
let author: Actor;
let colleague: Actor;
let leader: Actor;
let admin: Actor;
let entryId: number;

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
  author = asActor(office.cadre);
  leader = asActor(office.leader);
  admin = asActor(office.admin);
  colleague = asActor(
    insertUser(db, { unitId: office.unit.id, role: "cadre", username: "colleague" }),
  );
  const planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  const projectId = insertProject(db, { planId }).id;
  const taskId = insertTask(db, { projectId, ownerId: author.id, leadUnitId: office.unit.id }).id;
  entryId = insertEntry(db, { taskId, authorId: author.id, entryDate: "2023-05-20" }).id;
});
afterAll(closeTestDatabase);

it("lets only the entry's author through: not a colleague on the task, a leader or an admin", () => {
  const results = [author, colleague, leader, admin].map((actor) =>
    outcome(() => authorizeEntryAuthor(actor, entryId)),
  );
  expect(results).toEqual(["allowed", "forbidden", "forbidden", "forbidden"]);
});

it("answers 404 for an entry that does not exist", () => {
  expect(outcome(() => authorizeEntryAuthor(author, 999_999))).toBe("not_found");
});
