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
import { getEntry, listTaskEntries } from "./queries";

let taskId: number;
let indicatorId: number;
let reviewedTaskId: number;
let cadre: Actor;
let leader: Actor;
let mixedTaskId: number;

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

  // Two indicators, entries on the same day, a reading left out, withdrawn and returned ones.
  const mixed = insertTask(db, {
    projectId: project.id,
    ownerId: office.cadre.id,
    leadUnitId: office.unit.id,
    indicators: [
      { name: "改造小区", target: 10, decimals: 0 },
      { name: "绿化面积", target: 2.5, decimals: 1 },
    ],
  });
  mixedTaskId = mixed.id;
  const [a, b] = mixed.indicators.map((i) => i.id) as [number, number];
  const mixedEntry = (entryDate: string, readings: Record<number, number>, extra: object = {}) =>
    insertEntry(db, {
      taskId: mixedTaskId,
      authorId: office.cadre.id,
      entryDate,
      readings,
      ...extra,
    });
  mixedEntry("2023-05-01", { [a]: 2, [b]: 0.5 });
  mixedEntry("2023-05-01", { [a]: 3 });
  mixedEntry("2023-04-01", { [b]: 0.2 });
  mixedEntry("2023-05-01", { [a]: 9, [b]: 2 }, { withdrawnAt: new Date() });
  mixedEntry(
    "2023-06-01",
    { [a]: 4, [b]: 1.1 },
    { reviewStatus: "returned", reviewReason: "核实" },
  );
  mixedEntry("2023-07-01", { [a]: 5, [b]: 1.4 });
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

describe("getEntry", () => {
  it("reads each entry exactly as the task's timeline shows it, for each viewer", async () => {
    for (const task of [taskId, reviewedTaskId, mixedTaskId]) {
      for (const viewer of [cadre, leader, undefined]) {
        const timeline = await listTaskEntries(task, viewer);
        for (const entry of timeline) expect(await getEntry(entry.id, viewer)).toEqual(entry);
      }
    }
  });

  it("counts changes from the previous counting entry, same-day entries in order of entry", async () => {
    const timeline = await listTaskEntries(mixedTaskId);
    const changes = timeline.map((e) => e.readings.map((r) => [r.name, r.change]));
    expect(changes).toEqual([
      [
        ["改造小区", 2],
        ["绿化面积", expect.closeTo(0.9)],
      ], // 07-01: returned and withdrawn skipped
      [
        ["改造小区", 1],
        ["绿化面积", expect.closeTo(0.6)],
      ], // 06-01 (returned) still shows its change
      [
        ["改造小区", 6],
        ["绿化面积", expect.closeTo(1.5)],
      ], // 05-01 withdrawn
      [["改造小区", 1]], // 05-01, after the first of that day
      [
        ["改造小区", null],
        ["绿化面积", expect.closeTo(0.3)],
      ],
      [["绿化面积", null]],
    ]);
  });

  it("is a 404 for an entry that does not exist", async () => {
    await expect(getEntry(999_999)).rejects.toMatchObject({ code: "not_found" });
  });
});
