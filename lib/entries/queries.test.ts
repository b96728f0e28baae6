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
import { listTaskEntries } from "./queries";

let taskId: number;
let indicatorId: number;
let reviewedTaskId: number;
let cadre: Actor;
let leader: Actor;

beforeAll(() => {
  const db = openTestDatabase();
  const office = insertOffice(db);
  const plan = insertPlan(db, { year: 2023, isCurrent: true });
  const project = insertProject(db, { planId: plan.id });
  const task = insertTask(db, {
    projectId: project.id,
    ownerId: office.cadre.id,
    leadUnitId: office.unit.id,
    indicators: [{ name: "新增停车位", target: 120, decimals: 0 }],
  });
  taskId = task.id;
  indicatorId = task.indicators[0]!.id;
  const entry = (entryDate: string, value: number, extra: object = {}) =>
    insertEntry(db, {
      taskId,
      authorId: office.cadre.id,
      entryDate,
      readings: { [indicatorId]: value },
      ...extra,
    });
  entry("2023-03-20", 30);
  entry("2023-04-20", 90, { withdrawnAt: new Date() });
  entry("2023-05-20", 50, { reviewStatus: "returned", reviewReason: "数字有误" });
  entry("2023-06-20", 70, { problems: "用地协调", nextSteps: "6 月底前完工" });

  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  reviewedTaskId = insertTask(db, {
    projectId: project.id,
    ownerId: office.cadre.id,
    leadUnitId: office.unit.id,
  }).id;
  const reviewed = (entryDate: string, percent: number, extra: object) =>
    insertEntry(db, {
      taskId: reviewedTaskId,
      authorId: office.cadre.id,
      entryDate,
      percent,
      ...extra,
    });
  reviewed("2023-04-10", 20, {
    reviewStatus: "approved",
    reviewedById: office.leader.id,
    reviewedAt: new Date(),
  });
  reviewed("2023-05-10", 40, {
    reviewStatus: "returned",
    reviewReason: "缺少佐证",
    reviewedById: office.leader.id,
    reviewedAt: new Date(),
  });
  reviewed("2023-06-10", 50, {});
});

afterAll(closeTestDatabase);

describe("listTaskEntries", () => {
  it("lists entries newest first with their author and review state", async () => {
    const entries = await listTaskEntries(taskId);
    expect(entries.map((e) => e.date)).toEqual([
      "2023-06-20",
      "2023-05-20",
      "2023-04-20",
      "2023-03-20",
    ]);
    expect(entries[0]).toMatchObject({
      authorName: "测试cadre",
      problems: "用地协调",
      nextSteps: "6 月底前完工",
      reviewStatus: "pending",
      withdrawn: false,
    });
    expect(entries[1]).toMatchObject({ reviewStatus: "returned", reviewReason: "数字有误" });
    expect(entries[2]!.withdrawn).toBe(true);
  });

  it("gives each reading its change since the previous counting reading", async () => {
    const changes = (await listTaskEntries(taskId)).map((e) => e.readings[0]!.change);
    // The withdrawn 90 and the returned 50 do not count: 70 follows 30.
    expect(changes).toEqual([40, 20, 60, null]);
    expect((await listTaskEntries(taskId))[0]!.readings[0]).toMatchObject({
      indicatorId,
      name: "新增停车位",
      unit: "个",
      value: 70,
    });
  });

  it("keeps an approved entry locked but opens a returned one to its author (to resubmit)", async () => {
    const byAuthor = await listTaskEntries(reviewedTaskId, cadre);
    expect(byAuthor.map((e) => [e.date, e.reviewStatus, e.counts, e.lock, e.amendable])).toEqual([
      ["2023-06-10", "pending", true, null, true],
      ["2023-05-10", "returned", false, null, true],
      ["2023-04-10", "approved", true, "reviewed", false],
    ]);
    expect(byAuthor[1]!.reviewReason).toBe("缺少佐证");
    // Only the author may amend: a leader sees the same locks, and no entry amendable.
    const byLeader = await listTaskEntries(reviewedTaskId, leader);
    expect(byLeader.map((e) => [e.lock, e.amendable])).toEqual([
      [null, false],
      [null, false],
      ["reviewed", false],
    ]);
  });

  it("is empty for a task without entries", async () => {
    expect(await listTaskEntries(999_999)).toEqual([]);
  });
});
