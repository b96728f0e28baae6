import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, indicators, monthSnapshots, tasks, urges, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { createEntry } from "@/lib/entries/create-entry";
import { entryCreateSchema } from "@/lib/entries/schemas";
import { resolvePlan } from "@/lib/plans/queries";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  asActor,
  auditRowsOf,
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
import { buildMonthlyReport, getMonthlyReport } from "./monthly-report";
import { publishMonth, reopenMonth } from "./publish";
import { publishSchema, reopenSchema } from "./schemas";

// Noon on 10 December 2023 in the office (Asia/Shanghai): November is over, December is not.
const NOW = new Date("2023-12-10T04:00:00Z");
const TODAY = "2023-12-10";
fakeDateAt(NOW);

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;
let leader: Actor;
let cadre: Actor;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
  leader = asActor(office.leader);
  cadre = asActor(office.cadre);
});

afterAll(closeTestDatabase);

/**
 * A plan of its own for each test (a published month freezes the whole plan): one project, one
 * task of the cadre with an indicator, reported in October and November.
 */
function setup(title = "白杨街道2023年工作计划") {
  const plan = insertPlan(db, { year: 2023, title });
  const project = insertProject(db, { planId: plan.id, title: "惠民生" });
  const task = insertTask(db, {
    projectId: project.id,
    title: "加装电梯",
    ownerId: office.cadre.id,
    leadUnitId: office.unit.id,
    indicators: [{ name: "加装电梯", measureUnit: "台", target: 10 }],
  });
  const indicatorId = task.indicators[0]!.id;
  insertEntry(db, {
    taskId: task.id,
    authorId: office.cadre.id,
    entryDate: "2023-10-18",
    note: "完成4台",
    readings: { [indicatorId]: 4 },
  });
  insertEntry(db, {
    taskId: task.id,
    authorId: office.cadre.id,
    entryDate: "2023-11-22",
    note: "完成6台",
    nextSteps: "继续推进",
    readings: { [indicatorId]: 6 },
  });
  return { planId: plan.id, projectId: project.id, taskId: task.id, indicatorId };
}

const publish = (actor: Actor, value: Record<string, unknown>) =>
  publishMonth(actor, publishSchema.parse(value));
const reopen = (actor: Actor, value: Record<string, unknown>) =>
  reopenMonth(actor, reopenSchema.parse(value));

const snapshotsOf = (planId: number) =>
  db.select().from(monthSnapshots).where(eq(monthSnapshots.planId, planId)).all();

const reportAuditCount = () =>
  db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, "report")).get()!.n;

const entryInput =
  (date: string, value = 7) =>
  (indicatorId: number) =>
    entryCreateSchema.parse({ date, note: "补报", readings: [{ indicatorId, value }] });

describe("publishMonth", () => {
  it("is for leaders only", async () => {
    const { planId } = setup();
    for (const actor of [cadre, admin]) {
      const error = await refusal(publish(actor, { planId, month: "2023-11" }), "forbidden");
      expect(error.status).toBe(403);
    }
    expect(snapshotsOf(planId)).toEqual([]);
  });

  it("refuses a month that is not over, or not in the plan (400 on month)", async () => {
    const { planId } = setup();
    const audits = reportAuditCount();
    const underWay = await refusal(
      publish(leader, { planId, month: "2023-12" }),
      "validation_failed",
    );
    expect(underWay.fields).toEqual({ month: "validation.monthNotOver" });
    const outside = await refusal(
      publish(leader, { planId, month: "2024-01" }),
      "validation_failed",
    );
    expect(outside.fields).toEqual({ month: "validation.reportMonth" });
    expect(snapshotsOf(planId)).toEqual([]);
    expect(reportAuditCount()).toBe(audits);
  });

  it("refuses to publish a month on its own last day (it is not over until the next day)", async () => {
    const { planId } = setup();
    // 18:00 on 30 November in Shanghai: people may still report that day.
    vi.setSystemTime(new Date("2023-11-30T10:00:00Z"));
    try {
      const error = await refusal(
        publish(leader, { planId, month: "2023-11" }),
        "validation_failed",
      );
      expect(error.fields).toEqual({ month: "validation.monthNotOver" });
    } finally {
      vi.setSystemTime(NOW);
    }
    expect(snapshotsOf(planId)).toEqual([]);
  });

  it("stores the month's report with the narrative as edited, and serves it with who published it", async () => {
    const { planId } = setup();
    const plan = await resolvePlan(planId);
    const live = buildMonthlyReport(plan, "2023-11", TODAY);

    const published = await publish(leader, {
      planId,
      month: "2023-11",
      narrative: "  截至2023年11月底，加装电梯6台。  ",
    });
    expect(published.published).toEqual({
      at: NOW.toISOString(),
      byId: leader.id,
      byName: "测试leader",
    });
    expect(published.narrative).toBe("截至2023年11月底，加装电梯6台。");
    // The rest is the live report as it was, as of 30 November.
    expect({ ...published, narrative: live.narrative, published: undefined }).toEqual(live);
    expect(live.narrative).not.toBe(published.narrative);
    expect(published.rows[0]!.indicators[0]!.current).toBe(6);

    expect(await getMonthlyReport({ planId, month: "2023-11" })).toEqual(published);
    const [snapshot] = snapshotsOf(planId);
    expect(snapshot).toMatchObject({
      month: "2023-11",
      narrative: "截至2023年11月底，加装电梯6台。",
      publishedById: leader.id,
      publishedAt: NOW,
    });
  });

  it("names the publisher as they were named then, though renamed since", async () => {
    const { planId, projectId } = setup();
    const user = insertUser(db, {
      unitId: office.unit.id,
      role: "leader",
      username: "wangjun",
      displayName: "王军",
    });
    const published = await publish(asActor(user), { planId, month: "2023-11" });
    expect(published.published).toEqual({ at: NOW.toISOString(), byId: user.id, byName: "王军" });
    expect(snapshotsOf(planId)[0]!.content).toMatchObject({
      published: { at: NOW.toISOString(), byId: user.id, byName: "王军" },
    });

    db.update(users).set({ displayName: "王军（已调任）" }).where(eq(users.id, user.id)).run();
    const served = await getMonthlyReport({ planId, month: "2023-11" });
    expect(served.published).toEqual(published.published);
    expect(served).toEqual(published);
    const filtered = await getMonthlyReport({ planId, month: "2023-11", projectId });
    expect(filtered.published?.byName).toBe("王军");
    expect(filtered.filters).toEqual({ projectId, projectTitle: "惠民生" });
  });

  it("keeps the generated narrative when none (or a blank one) is sent", async () => {
    for (const narrative of [undefined, "   "]) {
      const { planId } = setup();
      const live = buildMonthlyReport(await resolvePlan(planId), "2023-11", TODAY);
      const published = await publish(leader, { planId, month: "2023-11", narrative });
      expect(published.narrative).toBe(live.narrative);
      expect(published.narrative.startsWith("截至2023年11月底，共有重点任务1项，")).toBe(true);
      expect(snapshotsOf(planId)[0]!.narrative).toBe(live.narrative);
    }
  });

  it("writes its audit row", async () => {
    const { planId } = setup();
    const published = await publish(leader, { planId, month: "2023-11", narrative: "综述" });
    const [snapshot] = snapshotsOf(planId);
    const rows = auditRowsOf(db, "report", snapshot!.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: leader.id,
      action: "publish",
      entityType: "report",
      after: { planId, month: "2023-11", narrative: "综述" },
    });
    expect(published.narrative).toBe("综述");
  });

  it("does not change when later entries arrive, a task is renamed or a target changed", async () => {
    const { planId, projectId, taskId, indicatorId } = setup();
    const published = await publish(leader, { planId, month: "2023-11" });
    const served = await getMonthlyReport({ planId, month: "2023-11" });
    const filtered = await getMonthlyReport({ planId, month: "2023-11", projectId });

    // December's entry, through the product.
    await createEntry(cadre, taskId, entryInput("2023-12-05", 9)(indicatorId));
    // A renamed task and a new target, as an admin would edit them.
    db.update(tasks).set({ title: "加装电梯（调整后）" }).where(eq(tasks.id, taskId)).run();
    db.update(indicators).set({ target: 20 }).where(eq(indicators.id, indicatorId)).run();
    // An urge recorded late but dated in November.
    db.insert(urges)
      .values({
        taskId,
        authorId: office.leader.id,
        recipientId: office.cadre.id,
        createdAt: new Date("2023-11-20T02:00:00Z"),
      })
      .run();

    expect(await getMonthlyReport({ planId, month: "2023-11" })).toEqual(served);
    expect(await getMonthlyReport({ planId, month: "2023-11", projectId })).toEqual(filtered);
    expect(served).toEqual(published);
    expect(served.rows[0]).toMatchObject({
      title: "加装电梯",
      urgeCount: 0,
      indicators: [{ name: "加装电梯", unit: "台", decimals: 0, target: 10, current: 6 }],
    });
    // The live report has moved on: it is the snapshot that holds November still.
    const live = buildMonthlyReport(await resolvePlan(planId), "2023-11", TODAY);
    expect(live.rows[0]).toMatchObject({ title: "加装电梯（调整后）", urgeCount: 1 });
    expect(live.rows[0]!.indicators[0]!.target).toBe(20);
  });

  it("freezes the month and earlier ones for entries, and leaves December open", async () => {
    const { planId, taskId, indicatorId } = setup();
    await publish(leader, { planId, month: "2023-11" });
    for (const date of ["2023-11-30", "2023-10-15"]) {
      const error = await refusal(
        createEntry(cadre, taskId, entryInput(date)(indicatorId)),
        "month_published",
      );
      expect(error.fields).toEqual({ date: "validation.monthPublished" });
    }
    const december = await createEntry(cadre, taskId, entryInput("2023-12-01")(indicatorId));
    expect(december.date).toBe("2023-12-01");
  });

  it("refuses to publish a month twice (409 month_published)", async () => {
    const { planId } = setup();
    const first = await publish(leader, { planId, month: "2023-11", narrative: "第一次" });
    const audits = reportAuditCount();
    const error = await refusal(
      publish(leader, { planId, month: "2023-11", narrative: "第二次" }),
      "month_published",
    );
    expect(error.status).toBe(409);
    expect(error.fields).toEqual({ month: "validation.alreadyPublished" });
    expect(error.details).toEqual({ reason: "published" });
    expect(snapshotsOf(planId)).toHaveLength(1);
    expect(reportAuditCount()).toBe(audits);
    expect(await getMonthlyReport({ planId, month: "2023-11" })).toEqual(first);
  });

  it("publishes each plan's months on their own", async () => {
    const a = setup("甲计划");
    const b = setup("乙计划");
    await publish(leader, { planId: a.planId, month: "2023-11" });
    expect((await getMonthlyReport({ planId: b.planId, month: "2023-11" })).published).toBe(
      undefined,
    );
    const other = await publish(leader, { planId: b.planId, month: "2023-11" });
    expect(other.planId).toBe(b.planId);
  });
});

describe("reopenSchema", () => {
  it("requires a reason", () => {
    expect(reopenSchema.safeParse({ planId: 1, month: "2023-11" }).success).toBe(false);
    const blank = reopenSchema.safeParse({ planId: 1, month: "2023-11", reason: "   " });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["reason", "validation.required"],
    ]);
    const long = reopenSchema.safeParse({ planId: 1, month: "2023-11", reason: "长".repeat(501) });
    expect(long.error?.issues.map((i) => i.message)).toEqual(["validation.tooLong"]);
    expect(reopenSchema.parse({ planId: 1, month: "2023-11", reason: " 数据有误 " })).toEqual({
      planId: 1,
      month: "2023-11",
      reason: "数据有误",
    });
  });

  it("requires a YYYY-MM month", () => {
    for (const month of ["2023-13", "2023-1", "2023-11-01"]) {
      const result = reopenSchema.safeParse({ planId: 1, month, reason: "x" });
      expect(
        result.error?.issues.map((i) => i.message),
        month,
      ).toEqual(["validation.invalidMonth"]);
    }
  });
});

describe("reopenMonth", () => {
  it("is for admins only", async () => {
    const { planId } = setup();
    await publish(leader, { planId, month: "2023-11" });
    for (const actor of [leader, cadre]) {
      const error = await refusal(
        reopen(actor, { planId, month: "2023-11", reason: "数据有误" }),
        "forbidden",
      );
      expect(error.status).toBe(403);
    }
    expect(snapshotsOf(planId)).toHaveLength(1);
  });

  it("is 404 for a month that is not published", async () => {
    const { planId } = setup();
    const error = await refusal(
      reopen(admin, { planId, month: "2023-11", reason: "数据有误" }),
      "not_found",
    );
    expect(error.status).toBe(404);
  });

  it("is 409 while a later month is published, and works once that one is reopened", async () => {
    const { planId } = setup();
    await publish(leader, { planId, month: "2023-10" });
    await publish(leader, { planId, month: "2023-11" });
    const error = await refusal(
      reopen(admin, { planId, month: "2023-10", reason: "十月数据有误" }),
      "conflict",
    );
    expect(error.fields).toEqual({ month: "validation.laterMonthPublished" });
    expect(error.details).toEqual({ reason: "later_month_published", month: "2023-11" });
    expect(snapshotsOf(planId).map((s) => s.month)).toEqual(["2023-10", "2023-11"]);

    await reopen(admin, { planId, month: "2023-11", reason: "十一月数据有误" });
    await reopen(admin, { planId, month: "2023-10", reason: "十月数据有误" });
    expect(snapshotsOf(planId)).toEqual([]);
  });

  it("removes the snapshot, audits the reason and what was published, and lets entries in again", async () => {
    const { planId, taskId, indicatorId } = setup();
    const published = await publish(leader, {
      planId,
      month: "2023-11",
      narrative: "定稿时的综述",
    });
    const generated = buildMonthlyReport(await resolvePlan(planId), "2023-11", TODAY).narrative;
    const [snapshot] = snapshotsOf(planId);
    await refusal(
      createEntry(cadre, taskId, entryInput("2023-11-28")(indicatorId)),
      "month_published",
    );
    db.update(tasks).set({ title: "加装电梯（更正）" }).where(eq(tasks.id, taskId)).run();

    const reopened = await reopen(admin, { planId, month: "2023-11", reason: " 数据有误 " });
    expect(reopened.published).toBeUndefined();
    expect(reopened.rows[0]!.title).toBe("加装电梯（更正）");
    expect(reopened.narrative.startsWith("截至2023年11月底，")).toBe(true);
    expect(
      db
        .select()
        .from(monthSnapshots)
        .where(and(eq(monthSnapshots.planId, planId), eq(monthSnapshots.month, "2023-11")))
        .get(),
    ).toBeUndefined();

    const rows = auditRowsOf(db, "report", snapshot!.id);
    expect(rows.map((row) => row.action)).toEqual(["publish", "reopen"]);
    expect(rows[1]).toMatchObject({
      actorId: admin.id,
      before: {
        planId,
        month: "2023-11",
        narrative: "定稿时的综述",
        publishedById: leader.id,
        publishedAt: NOW.toISOString(),
      },
      after: { reason: "数据有误" },
    });
    // The whole report as published, with the narrative the leader published.
    const before = rows[1]!.before as { content: unknown };
    expect(before.content).toEqual(published);
    expect(published.narrative).toBe("定稿时的综述");
    expect(generated).not.toBe("定稿时的综述");
    expect(before.content).toMatchObject({
      rows: [{ title: "加装电梯", indicators: [{ current: 6 }] }],
      published: { byId: leader.id, byName: "测试leader" },
    });

    const served = await getMonthlyReport({ planId, month: "2023-11" });
    expect(served.published).toBeUndefined();
    expect(served.rows[0]!.title).toBe("加装电梯（更正）");

    const entry = await createEntry(cadre, taskId, entryInput("2023-11-28", 8)(indicatorId));
    expect(entry.date).toBe("2023-11-28");
    const after = await getMonthlyReport({ planId, month: "2023-11" });
    expect(after.rows[0]!.indicators[0]!.current).toBe(8);
    expect(after.rows[0]!.monthProgress).toBe("11月22日：完成6台\n11月28日：补报");

    // And it can be published again.
    const again = await publish(leader, { planId, month: "2023-11" });
    expect(again.rows[0]!.indicators[0]!.current).toBe(8);
  });
});
