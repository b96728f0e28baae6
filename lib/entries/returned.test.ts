import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import {
  asActor,
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
} from "@/lib/testing/database";
import { listReturnedEntriesFor } from "./returned";

let cadre: Actor;
let leader: Actor;
const ids: Record<string, number> = {};

beforeAll(() => {
  const db = openTestDatabase();
  const office = insertOffice(db);
  const plan = insertPlan(db, { year: 2023, isCurrent: true });
  const project = insertProject(db, { planId: plan.id });
  const archivedProject = insertProject(db, { planId: plan.id, archivedAt: new Date() });
  const task = (values: object = {}) =>
    insertTask(db, {
      projectId: project.id,
      ownerId: office.cadre.id,
      leadUnitId: office.unit.id,
      title: "老旧小区改造",
      ...values,
    }).id;
  const live = task();
  const archived = task({ archivedAt: new Date("2023-11-01T00:00:00Z") });
  const inArchivedProject = task({ projectId: archivedProject.id });
  const returned = (name: string, taskId: number, reviewedAt: string, extra: object = {}) => {
    ids[name] = insertEntry(db, {
      taskId,
      authorId: office.cadre.id,
      entryDate: reviewedAt.slice(0, 10),
      percent: 10,
      reviewStatus: "returned",
      reviewReason: `退回：${name}`,
      reviewedById: office.leader.id,
      reviewedAt: new Date(reviewedAt),
      ...extra,
    }).id;
  };
  returned("older", live, "2023-10-20T02:00:00Z");
  returned("newer", live, "2023-11-20T02:00:00Z");
  returned("withdrawn", live, "2023-11-21T02:00:00Z", { withdrawnAt: new Date() });
  returned("archivedTask", archived, "2023-11-21T02:00:00Z");
  returned("archivedProject", inArchivedProject, "2023-11-21T02:00:00Z");
  returned("leaders", live, "2023-11-21T02:00:00Z", { authorId: office.leader.id });
  insertEntry(db, { taskId: live, authorId: office.cadre.id, entryDate: "2023-11-22" });
  insertEntry(db, {
    taskId: live,
    authorId: office.cadre.id,
    entryDate: "2023-11-23",
    reviewStatus: "approved",
  });
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
});

afterAll(closeTestDatabase);

describe("listReturnedEntriesFor", () => {
  it("lists the author's returned entries on live tasks, newest return first", async () => {
    const items = await listReturnedEntriesFor(cadre);
    expect(items.map((e) => e.id)).toEqual([ids.newer, ids.older]);
    expect(items[0]).toEqual({
      id: ids.newer,
      taskId: expect.any(Number),
      taskTitle: "老旧小区改造",
      date: "2023-11-20",
      reviewReason: "退回：newer",
      reviewedByName: expect.any(String),
      reviewedAt: "2023-11-20T02:00:00.000Z",
    });
  });

  it("is the author's own: another person's returned entries are not listed", async () => {
    expect((await listReturnedEntriesFor(leader)).map((e) => e.id)).toEqual([ids.leaders]);
  });
});
