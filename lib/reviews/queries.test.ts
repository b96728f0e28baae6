import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { attachments } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
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
import { refusal } from "@/lib/testing/errors";
import { listReviews } from "./queries";
import { reviewQuerySchema } from "./schemas";

let db: Db;
let office: ReturnType<typeof insertOffice>;
/** Leads 惠民生 (and an archived theme). */
let leader: Actor;
/** Leads 抓经济. */
let otherLeader: Actor;
/** Leads no theme (the office's director). */
let director: Actor;
let planId: number;
let lastYearPlanId: number;
let parkingIndicator: number;
let liftIndicator: number;
/** Entries by name. */
const e = {} as Record<
  | "mineOld"
  | "mineSameDayA"
  | "mineSameDayB"
  | "mineApprovedEarly"
  | "mineApprovedLate"
  | "mineReturned"
  | "otherPending"
  | "lastYear",
  number
>;

const day = (iso: string) => new Date(`${iso}T08:00:00Z`);

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  leader = asActor(office.leader);
  otherLeader = asActor(
    insertUser(db, { unitId: office.unit.id, role: "leader", username: "other-leader" }),
  );
  director = asActor(
    insertUser(db, { unitId: office.unit.id, role: "leader", username: "director" }),
  );
  const cadreId = office.cadre.id;

  lastYearPlanId = insertPlan(db, { year: 2022 }).id;
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  const mine = insertProject(db, { planId, title: "惠民生", leadLeaderId: leader.id }).id;
  const others = insertProject(db, { planId, title: "抓经济", leadLeaderId: otherLeader.id }).id;
  const archivedProject = insertProject(db, {
    planId,
    title: "已归档板块",
    leadLeaderId: leader.id,
    archivedAt: new Date(),
  }).id;
  const lastYearProject = insertProject(db, {
    planId: lastYearPlanId,
    leadLeaderId: leader.id,
  }).id;

  const task = (projectId: number, title: string, extra: object = {}) =>
    insertTask(db, { projectId, title, ownerId: cadreId, leadUnitId: office.unit.id, ...extra });
  const parking = task(mine, "增设停车位", {
    indicators: [
      { name: "新增车位", target: 120 },
      { name: "加装电梯", measureUnit: "台", target: 10 },
    ],
  });
  [parkingIndicator, liftIndicator] = parking.indicators.map((i) => i.id) as [number, number];
  const childcare = task(mine, "托育服务");
  const archivedTask = task(mine, "已归档任务", { archivedAt: new Date() });
  const inArchivedProject = task(archivedProject, "归档板块的任务");
  const economy = task(others, "招商引资");
  const lastYear = task(lastYearProject, "去年的任务", {
    startDate: "2022-01-01",
    dueDate: "2022-12-31",
  });

  const entry = (taskId: number, entryDate: string, extra: object = {}) =>
    insertEntry(db, { taskId, authorId: cadreId, entryDate, ...extra }).id;
  // Pending, in 惠民生: inserted newest first, so the order comes from the dates.
  e.mineSameDayB = entry(childcare.id, "2023-06-10", { percent: 40, problems: "资金未到位" });
  e.mineOld = entry(parking.id, "2023-04-15", {
    readings: { [liftIndicator]: 2, [parkingIndicator]: 30 },
  });
  e.mineSameDayA = entry(parking.id, "2023-06-10", { readings: { [parkingIndicator]: 50 } });
  e.mineApprovedEarly = entry(childcare.id, "2023-03-10", {
    percent: 10,
    reviewStatus: "approved",
    reviewedById: leader.id,
    reviewedAt: day("2023-03-12"),
  });
  e.mineApprovedLate = entry(childcare.id, "2023-02-10", {
    percent: 5,
    reviewStatus: "approved",
    reviewedById: leader.id,
    reviewedAt: day("2023-05-01"),
  });
  e.mineReturned = entry(childcare.id, "2023-05-10", {
    percent: 20,
    reviewStatus: "returned",
    reviewReason: "缺少照片",
    reviewedById: leader.id,
    reviewedAt: day("2023-05-12"),
  });
  // Left out: withdrawn, archived task, archived project.
  entry(childcare.id, "2023-01-10", { percent: 1, withdrawnAt: new Date() });
  entry(archivedTask.id, "2023-01-11", { percent: 1 });
  entry(inArchivedProject.id, "2023-01-12", { percent: 1 });
  // Another leader's theme, and last year's plan.
  e.otherPending = entry(economy.id, "2023-05-01", { percent: 30 });
  e.lastYear = entry(lastYear.id, "2022-11-01", { percent: 80 });

  const file = (entryId: number, fileName: string, extra: object = {}) =>
    db
      .insert(attachments)
      .values({
        entryId,
        uploadedById: cadreId,
        fileName,
        contentType: "image/png",
        size: 1234,
        sha256: "0".repeat(64),
        storageKey: `test/${fileName}`,
        thumbnailKey: `test/thumb-${fileName}`,
        width: 40,
        height: 30,
        ...extra,
      })
      .returning()
      .get();
  file(e.mineOld, "现场.png");
  file(e.mineOld, "删掉的.png", { removedAt: new Date() });
  file(e.mineOld, "验收单.pdf", {
    contentType: "application/pdf",
    thumbnailKey: null,
    width: null,
    height: null,
  });
});

afterAll(closeTestDatabase);

const ids = async (actor: Actor, query: Record<string, unknown> = {}) =>
  (await listReviews(actor, reviewQuerySchema.parse(query))).items.map((i) => i.id);

describe("listReviews", () => {
  it("shows a leader the pending entries of the themes they lead by default, oldest first", async () => {
    const queue = await listReviews(leader, {});
    expect(queue).toMatchObject({ planId, status: "pending", scope: "mine", more: false });
    expect(queue.items.map((i) => i.id)).toEqual([e.mineOld, e.mineSameDayB, e.mineSameDayA]);
  });

  it("shows every theme with scope all, and a leader who leads none sees all by default", async () => {
    const all = [e.mineOld, e.otherPending, e.mineSameDayB, e.mineSameDayA];
    expect(await ids(leader, { scope: "all" })).toEqual(all);
    const queue = await listReviews(director, {});
    expect(queue.scope).toBe("all");
    expect(queue.items.map((i) => i.id)).toEqual(all);
    expect(await ids(director, { scope: "mine" })).toEqual([]);
    expect(await ids(otherLeader, {})).toEqual([e.otherPending]);
  });

  it("lists reviewed entries by status, the latest reviewed first", async () => {
    expect(await ids(leader, { status: "approved" })).toEqual([
      e.mineApprovedLate,
      e.mineApprovedEarly,
    ]);
    const returned = await listReviews(leader, reviewQuerySchema.parse({ status: "returned" }));
    expect(returned.items).toEqual([
      expect.objectContaining({
        id: e.mineReturned,
        reviewStatus: "returned",
        reviewReason: "缺少照片",
        reviewedByName: "测试leader",
        reviewedAt: day("2023-05-12").toISOString(),
      }),
    ]);
  });

  it("leaves out withdrawn entries, archived tasks and themes, and other plans", async () => {
    const everything = [
      ...(await ids(director, { status: "pending" })),
      ...(await ids(director, { status: "approved" })),
      ...(await ids(director, { status: "returned" })),
    ];
    expect(everything.sort((a, b) => a - b)).toEqual(
      [
        e.mineOld,
        e.mineSameDayA,
        e.mineSameDayB,
        e.mineApprovedEarly,
        e.mineApprovedLate,
        e.mineReturned,
        e.otherPending,
      ].sort((a, b) => a - b),
    );
    expect(await ids(director, { planId: String(lastYearPlanId) })).toEqual([e.lastYear]);
  });

  it("gives each entry its task, people, readings and live evidence", async () => {
    const { items } = await listReviews(leader, {});
    const old = items.find((i) => i.id === e.mineOld)!;
    expect(old).toMatchObject({
      date: "2023-04-15",
      version: 1,
      taskTitle: "增设停车位",
      projectTitle: "惠民生",
      ownerName: "测试cadre",
      leadUnitName: "测试社区",
      authorId: office.cadre.id,
      authorName: "测试cadre",
      reviewStatus: "pending",
      reviewReason: null,
      reviewedByName: null,
      reviewedAt: null,
      routine: true,
    });
    // In the indicators' order, whatever order they were reported in.
    expect(old.readings).toEqual([
      { indicatorId: parkingIndicator, name: "新增车位", unit: "个", decimals: 0, value: 30 },
      { indicatorId: liftIndicator, name: "加装电梯", unit: "台", decimals: 0, value: 2 },
    ]);
    expect(old.attachments).toEqual([
      expect.objectContaining({
        fileName: "现场.png",
        contentType: "image/png",
        size: 1234,
        width: 40,
        height: 30,
        hasThumbnail: true,
      }),
      expect.objectContaining({ fileName: "验收单.pdf", hasThumbnail: false }),
    ]);
    const withProblems = items.find((i) => i.id === e.mineSameDayB)!;
    expect(withProblems).toMatchObject({
      percent: 40,
      problems: "资金未到位",
      routine: false,
      readings: [],
      attachments: [],
    });
  });

  it("refuses a cadre and an admin with 403", async () => {
    await refusal(listReviews(asActor(office.cadre), {}), "forbidden");
    await refusal(listReviews(asActor(office.admin), {}), "forbidden");
  });
});
