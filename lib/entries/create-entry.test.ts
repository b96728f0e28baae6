import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  attachments,
  auditLog,
  indicatorReadings,
  indicators,
  monthSnapshots,
  progressEntries,
  tasks,
} from "@/db/schema";
import { sniffType } from "@/lib/attachments/sniff";
import { attachmentsRoot, storedPath } from "@/lib/attachments/storage";
import type { Actor } from "@/lib/auth/policy";
import { resolvePlan } from "@/lib/plans/queries";
import { paceRulesOf } from "@/lib/plans/as-of";
import { computeTaskFigures } from "@/lib/tasks/figures";
import { getTask } from "@/lib/tasks/queries";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  auditRowsOf,
  asActor,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUnit,
  insertUser,
  openTestDatabase,
  type TestIndicator,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { storedFiles } from "@/lib/testing/files";
import { picture } from "@/lib/testing/images";
import { createEntry } from "./create-entry";
import { entryCreateSchema } from "./schemas";

// 2023-06-30 20:00 UTC: already 2023-07-01 in the office (Asia/Shanghai), still 2023-06-30 in
// UTC and in the test's own zone (America/Los_Angeles).
const NOW = new Date("2023-06-30T20:00:00Z");
const OFFICE_TODAY = "2023-07-01";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let cadre: Actor;
let leader: Actor;
/** A cadre of another unit, on none of the office's tasks. */
let outsider: Actor;
let planId: number;
let projectId: number;
let pngBytes: Uint8Array<ArrayBuffer>;

fakeDateAt(NOW);

beforeAll(async () => {
  db = openTestDatabase();
  office = insertOffice(db);
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  const otherUnit = insertUnit(db, "B科室");
  outsider = asActor(insertUser(db, { unitId: otherUnit.id, role: "cadre", username: "outsider" }));
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  projectId = insertProject(db, { planId, title: "惠民生" }).id;
  pngBytes = await picture("png", { width: 640, height: 480 });
});

afterAll(closeTestDatabase);

/** A task the cadre owns, with the given indicators. */
const taskWith = (
  list: TestIndicator[] = [],
  values: Partial<typeof tasks.$inferInsert> & { coUnitIds?: number[] } = {},
  project = projectId,
) =>
  insertTask(db, {
    projectId: project,
    ownerId: cadre.id,
    leadUnitId: office.unit.id,
    indicators: list,
    ...values,
  });

/** The input as the API route hands it over: parsed, with its defaults. */
const input = (value: Record<string, unknown>) =>
  entryCreateSchema.parse({ date: "2023-06-15", note: "完成入户走访", ...value });

const png = (name = "现场照片.png") => new File([pngBytes], name, { type: "image/png" });

const rowCount = (table: typeof progressEntries | typeof indicatorReadings) =>
  db.select({ n: count() }).from(table).get()!.n;

/** Everything a refused entry must leave as it was. */
function stateOf(taskId: number) {
  return {
    task: db.select().from(tasks).where(eq(tasks.id, taskId)).get(),
    entries: rowCount(progressEntries),
    readings: rowCount(indicatorReadings),
    attachments: db.select({ n: count() }).from(attachments).get()!.n,
    auditRows: db.select({ n: count() }).from(auditLog).get()!.n,
    files: storedFiles(),
  };
}

const entriesOf = (taskId: number) =>
  db.select().from(progressEntries).where(eq(progressEntries.taskId, taskId)).all();

/**
 * A task of a plan of its own whose May 2023 is published (定稿), so that the frozen months
 * freeze nothing of the other tests.
 */
function taskOfPublishedMay(title: string) {
  const plan = insertPlan(db, { year: 2023, title });
  const project = insertProject(db, { planId: plan.id });
  db.insert(monthSnapshots)
    .values({
      planId: plan.id,
      month: "2023-05",
      content: {},
      publishedById: office.leader.id,
      publishedAt: new Date(),
    })
    .run();
  return taskWith([], {}, project.id);
}

describe("createEntry", () => {
  it("saves an entry with its three readings and an audit row", async () => {
    const task = taskWith([
      { name: "新增停车位", target: 120 },
      { name: "投资额", measureUnit: "万元", target: 500, decimals: 2 },
      { name: "满意度", measureUnit: "%", baseline: 80, target: 95, decimals: 1 },
    ]);
    const [a, b, c] = task.indicators.map((i) => i.id) as [number, number, number];
    const entry = await createEntry(
      cadre,
      task.id,
      input({
        note: "完成二期停车位施工",
        problems: "部分居民有异议",
        nextSteps: "7 月完成验收",
        readings: [
          { indicatorId: a, value: 60 },
          { indicatorId: b, value: 212.5 },
          { indicatorId: c, value: 88.5 },
        ],
      }),
    );

    expect(entry).toMatchObject({
      taskId: task.id,
      date: "2023-06-15",
      authorId: cadre.id,
      note: "完成二期停车位施工",
      problems: "部分居民有异议",
      nextSteps: "7 月完成验收",
      percent: null,
      reviewStatus: "pending",
      withdrawn: false,
      version: 1,
      lock: null,
      attachments: [],
    });
    expect(entry.readings.map((r) => [r.indicatorId, r.value])).toEqual([
      [a, 60],
      [b, 212.5],
      [c, 88.5],
    ]);

    const stored = db
      .select({ indicatorId: indicatorReadings.indicatorId, value: indicatorReadings.value })
      .from(indicatorReadings)
      .where(eq(indicatorReadings.entryId, entry.id))
      .orderBy(indicatorReadings.indicatorId)
      .all();
    expect(stored).toEqual([
      { indicatorId: a, value: 60 },
      { indicatorId: b, value: 212.5 },
      { indicatorId: c, value: 88.5 },
    ]);

    const audit = auditRowsOf(db, "entry", entry.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", actorId: cadre.id, before: null });
    expect(audit[0]!.after).toMatchObject({
      date: "2023-06-15",
      note: "完成二期停车位施工",
      readings: [
        { indicatorId: a, value: 60 },
        { indicatorId: b, value: 212.5 },
        { indicatorId: c, value: 88.5 },
      ],
      attachments: [],
    });
    // No status given: the task is left alone.
    expect(auditRowsOf(db, "task", task.id)).toEqual([]);
  });

  describe("is all or nothing", () => {
    it("keeps no entry, reading, attachment, audit row or file when the third reading is bad", async () => {
      const task = taskWith([
        { name: "走访户数", target: 300 },
        { name: "投资额", measureUnit: "万元", target: 500, decimals: 2 },
        { name: "新增车位", target: 120 },
      ]);
      const [a, b, c] = task.indicators.map((i) => i.id) as [number, number, number];
      const before = stateOf(task.id);
      expect(before.files).toEqual([]);

      const error = await refusal(
        createEntry(
          cadre,
          task.id,
          input({
            readings: [
              { indicatorId: a, value: 150 },
              { indicatorId: b, value: 100.25 },
              { indicatorId: c, value: -3 },
            ],
          }),
          [png()],
        ),
        "validation_failed",
      );
      expect(error.status).toBe(400);
      expect(error.fields).toEqual({ "readings.2.value": "validation.negativeReading" });
      expect(stateOf(task.id)).toEqual(before);
      expect(entriesOf(task.id)).toEqual([]);
      expect(storedFiles()).toEqual([]);
    });

    it("names a bad file and a bad field together", async () => {
      const task = taskWith([{ name: "新增车位", target: 120 }]);
      const text = new File([new TextEncoder().encode("not a picture")], "照片.jpg", {
        type: "image/jpeg",
      });
      const error = await refusal(
        createEntry(
          cadre,
          task.id,
          input({ readings: [{ indicatorId: task.indicators[0]!.id, value: -1 }] }),
          [text],
        ),
        "validation_failed",
      );
      expect(error.fields).toEqual({
        "readings.0.value": "validation.negativeReading",
        "files.0": "validation.fileType",
      });
      expect(entriesOf(task.id)).toEqual([]);
    });

    it("refuses a reading of another task's indicator", async () => {
      const task = taskWith([{ target: 10 }, { target: 20 }]);
      const other = taskWith([{ target: 30 }]);
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(
          cadre,
          task.id,
          input({
            readings: [
              { indicatorId: task.indicators[0]!.id, value: 1 },
              { indicatorId: task.indicators[1]!.id, value: 2 },
              { indicatorId: other.indicators[0]!.id, value: 3 },
            ],
          }),
          [png()],
        ),
        "validation_failed",
      );
      expect(error.fields).toEqual({ "readings.2.indicatorId": "validation.unknownIndicator" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("refuses a reading of an archived indicator", async () => {
      const task = taskWith([{ target: 10 }, { target: 20 }]);
      db.update(indicators)
        .set({ archivedAt: new Date() })
        .where(eq(indicators.id, task.indicators[1]!.id))
        .run();
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(
          cadre,
          task.id,
          input({ readings: [{ indicatorId: task.indicators[1]!.id, value: 5 }] }),
        ),
        "validation_failed",
      );
      expect(error.fields).toEqual({ "readings.0.indicatorId": "validation.unknownIndicator" });
      expect(stateOf(task.id)).toEqual(before);
    });
  });

  describe("dates", () => {
    it("accepts the office's today, though it is still yesterday in UTC", async () => {
      const task = taskWith();
      const entry = await createEntry(cadre, task.id, input({ date: OFFICE_TODAY, percent: 20 }));
      expect(entry.date).toBe(OFFICE_TODAY);
    });

    it("refuses a date in the future or before the plan", async () => {
      const task = taskWith();
      const before = stateOf(task.id);
      const future = await refusal(
        createEntry(cadre, task.id, input({ date: "2023-07-02" })),
        "validation_failed",
      );
      expect(future.fields).toEqual({ date: "validation.entryDateFuture" });
      const early = await refusal(
        createEntry(cadre, task.id, input({ date: "2022-12-31" })),
        "validation_failed",
      );
      expect(early.fields).toEqual({ date: "validation.entryDateBeforePlan" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("refuses a date in a month whose report is published or an earlier one, and accepts the next month", async () => {
      const task = taskOfPublishedMay("已定稿的计划");
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(cadre, task.id, input({ date: "2023-05-31", percent: 40 }), [png()]),
        "month_published",
      );
      expect(error.status).toBe(409);
      expect(error.fields).toEqual({ date: "validation.monthPublished" });
      expect(error.details).toEqual({ reason: "published" });
      expect(stateOf(task.id)).toEqual(before);
      // A month earlier than the published one is frozen too: May's report was built on it.
      const earlier = await refusal(
        createEntry(cadre, task.id, input({ date: "2023-04-10", percent: 40 })),
        "month_published",
      );
      expect(earlier.fields).toEqual({ date: "validation.monthPublished" });
      expect(stateOf(task.id)).toEqual(before);

      const entry = await createEntry(cadre, task.id, input({ date: "2023-06-01", percent: 40 }));
      expect(entry.date).toBe("2023-06-01");
      // Another plan's published May does not freeze this plan's May.
      const elsewhere = await createEntry(cadre, taskWith().id, input({ date: "2023-05-31" }));
      expect(elsewhere.date).toBe("2023-05-31");
    });

    it("refuses a date the rules refuse as a field (400), even before a published month", async () => {
      const task = taskOfPublishedMay("五月已定稿的计划");
      const before = stateOf(task.id);
      // Before the plan's start: frozen too by May's report, but a bad date first of all.
      const early = await refusal(
        createEntry(cadre, task.id, input({ date: "2022-12-31", percent: 40 })),
        "validation_failed",
      );
      expect(early.status).toBe(400);
      expect(early.fields).toEqual({ date: "validation.entryDateBeforePlan" });
      // With another field's slip too, both are named.
      const both = await refusal(
        createEntry(cadre, task.id, input({ date: "2022-12-31", percent: 140 })),
        "validation_failed",
      );
      expect(both.fields).toEqual({
        date: "validation.entryDateBeforePlan",
        percent: "validation.percentRange",
      });
      // A good date in the published month is refused whole (409), before the fields are checked.
      const frozen = await refusal(
        createEntry(cadre, task.id, input({ date: "2023-05-10", percent: 140 })),
        "month_published",
      );
      expect(frozen.status).toBe(409);
      expect(frozen.fields).toEqual({ date: "validation.monthPublished" });
      expect(stateOf(task.id)).toEqual(before);
    });
  });

  describe("percent", () => {
    it("is kept for a task without indicators", async () => {
      const task = taskWith();
      const entry = await createEntry(cadre, task.id, input({ percent: 62.5 }));
      expect(entry.percent).toBe(62.5);
      expect((await getTask(task.id, "2023-06-30")).percent).toBe(62.5);
    });

    it("is refused on a task with indicators", async () => {
      const task = taskWith([{ target: 10 }]);
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(cadre, task.id, input({ percent: 50 })),
        "validation_failed",
      );
      expect(error.fields).toEqual({ percent: "validation.percentWithIndicators" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("is refused outside 0–100", async () => {
      const task = taskWith();
      const error = await refusal(
        createEntry(cadre, task.id, input({ percent: 100.5 })),
        "validation_failed",
      );
      expect(error.fields).toEqual({ percent: "validation.percentRange" });
      expect(entriesOf(task.id)).toEqual([]);
    });
  });

  describe("who may report", () => {
    it("refuses a cadre of another unit with 403 and stores nothing", async () => {
      const task = taskWith([{ target: 10 }]);
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(
          outsider,
          task.id,
          input({ readings: [{ indicatorId: task.indicators[0]!.id, value: 1 }] }),
          [png()],
        ),
        "forbidden",
      );
      expect(error.status).toBe(403);
      expect(stateOf(task.id)).toEqual(before);
    });

    it("lets a cadre of a co-unit and a leader report", async () => {
      const task = taskWith([], { ownerId: office.admin.id, coUnitIds: [outsider.unitId] });
      await createEntry(outsider, task.id, input({ percent: 10 }));
      await createEntry(leader, task.id, input({ percent: 20 }));
      expect(entriesOf(task.id).map((e) => e.authorId)).toEqual([outsider.id, leader.id]);
    });

    it("is 404 for a task that does not exist", async () => {
      await refusal(createEntry(cadre, 999_999, input({})), "not_found");
    });

    it("refuses an entry on an archived task", async () => {
      const task = taskWith([], { archivedAt: new Date() });
      const error = await refusal(createEntry(cadre, task.id, input({})), "validation_failed");
      expect(error.fields).toEqual({ _: "validation.taskArchived" });
      expect(entriesOf(task.id)).toEqual([]);
    });
  });

  describe("with a status change", () => {
    it("completes the task: status, completedOn (the entry's date) and a task status audit row", async () => {
      const task = taskWith([], { status: "in_progress" });
      const entry = await createEntry(
        cadre,
        task.id,
        input({ date: "2023-06-30", percent: 100, note: "全部完工", status: "completed" }),
      );
      const row = db.select().from(tasks).where(eq(tasks.id, task.id)).get()!;
      expect(row).toMatchObject({
        status: "completed",
        completedOn: "2023-06-30",
        completionNote: "全部完工",
        version: task.version + 1,
      });
      const taskAudit = auditRowsOf(db, "task", task.id);
      expect(taskAudit).toHaveLength(1);
      expect(taskAudit[0]).toMatchObject({
        action: "status",
        actorId: cadre.id,
        before: { status: "in_progress", completedOn: null, completionNote: null },
        after: { status: "completed", completedOn: "2023-06-30", completionNote: "全部完工" },
      });
      expect(auditRowsOf(db, "entry", entry.id).map((r) => r.action)).toEqual(["create"]);
    });

    it("completes a task whose indicators the same entry brings to target", async () => {
      const task = taskWith([{ target: 10 }], { status: "in_progress" });
      await createEntry(
        cadre,
        task.id,
        input({
          readings: [{ indicatorId: task.indicators[0]!.id, value: 10 }],
          status: "completed",
        }),
      );
      expect(db.select().from(tasks).where(eq(tasks.id, task.id)).get()!.status).toBe("completed");
    });

    it("blocks the task with the problems as its reason", async () => {
      const task = taskWith([], { status: "in_progress" });
      await createEntry(
        cadre,
        task.id,
        input({ problems: "施工方停工", status: "blocked", percent: 30 }),
      );
      expect(db.select().from(tasks).where(eq(tasks.id, task.id)).get()).toMatchObject({
        status: "blocked",
        blockedReason: "施工方停工",
      });
    });

    it("refuses blocked without problems (field problems) and stores nothing", async () => {
      const task = taskWith([], { status: "in_progress" });
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(cadre, task.id, input({ status: "blocked", percent: 30 }), [png()]),
        "validation_failed",
      );
      expect(error.fields).toEqual({ problems: "validation.blockedNeedsProblems" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("refuses a transition the status rules forbid", async () => {
      const task = taskWith([], { status: "completed", completedOn: "2023-06-01" });
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(cadre, task.id, input({ status: "not_started" })),
        "validation_failed",
      );
      expect(error.fields).toEqual({ status: "validation.statusTransition" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("refuses a status change on a task changed since (409 with the task) and stores nothing", async () => {
      const task = taskWith([], { status: "in_progress" });
      // Someone else changed the task after the reporter opened it.
      db.update(tasks).set({ title: "已改名", version: 2 }).where(eq(tasks.id, task.id)).run();
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(cadre, task.id, input({ percent: 100, status: "completed", taskVersion: 1 }), [
          png(),
        ]),
        "conflict",
      );
      expect(error.status).toBe(409);
      expect(error.details?.current).toMatchObject({ id: task.id, title: "已改名", version: 2 });
      expect(stateOf(task.id)).toEqual(before);
      expect(entriesOf(task.id)).toEqual([]);
      // The picture was written (its month's folder is there) and removed again.
      expect(existsSync(path.join(attachmentsRoot(), "2023", "06"))).toBe(true);
      expect(storedFiles()).toEqual([]);
    });

    it("accepts the current taskVersion", async () => {
      const task = taskWith([], { status: "not_started" });
      await createEntry(
        cadre,
        task.id,
        input({ percent: 5, status: "in_progress", taskVersion: task.version }),
      );
      expect(db.select().from(tasks).where(eq(tasks.id, task.id)).get()).toMatchObject({
        status: "in_progress",
        version: task.version + 1,
      });
    });
  });

  it("makes the current value follow the newest reading as of a date", async () => {
    const task = taskWith([{ name: "新增就业", target: 100 }]);
    const indicatorId = task.indicators[0]!.id;
    const report = (date: string, value: number) =>
      createEntry(cadre, task.id, input({ date, readings: [{ indicatorId, value }] }));
    await report("2023-03-10", 20);
    await report("2023-05-10", 50);
    // Reported last, dated between the two: it is the newest reading only until May 10.
    await report("2023-04-10", 35);

    const plan = await resolvePlan(planId);
    const row = db.select().from(tasks).where(eq(tasks.id, task.id)).get()!;
    const currentOn = (asOf: string) =>
      computeTaskFigures([row], asOf, paceRulesOf(plan)).get(task.id)!.indicators[0]!.current;
    expect(currentOn("2023-03-01")).toBeNull();
    expect(currentOn("2023-03-10")).toBe(20);
    expect(currentOn("2023-04-30")).toBe(35);
    expect(currentOn("2023-06-30")).toBe(50);
    const detail = await getTask(task.id, "2023-04-30");
    expect(detail.indicators[0]).toMatchObject({ current: 35, progress: 0.35 });
  });

  describe("evidence files", () => {
    it("refuses text named photo.jpg (field files.0) and stores nothing", async () => {
      const task = taskWith();
      const before = stateOf(task.id);
      const fake = new File([new TextEncoder().encode("<html>不是照片</html>")], "photo.jpg", {
        type: "image/jpeg",
      });
      const error = await refusal(
        createEntry(cadre, task.id, input({ percent: 10 }), [fake]),
        "validation_failed",
      );
      expect(error.fields).toEqual({ "files.0": "validation.fileType" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("names the bad file by its index, and refuses a picture that does not decode", async () => {
      const task = taskWith();
      const before = stateOf(task.id);
      const broken = new File(
        [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8])],
        "broken.jpg",
      );
      const error = await refusal(
        createEntry(cadre, task.id, input({ percent: 10 }), [png(), broken]),
        "validation_failed",
      );
      expect(error.fields).toEqual({ "files.1": "validation.fileUnreadable" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("refuses more than ten files", async () => {
      const task = taskWith();
      const before = stateOf(task.id);
      const error = await refusal(
        createEntry(
          cadre,
          task.id,
          input({ percent: 10 }),
          Array.from({ length: 11 }, (_, i) => png(`${i}.png`)),
        ),
        "validation_failed",
      );
      expect(error.fields).toEqual({ files: "validation.tooManyFiles" });
      expect(stateOf(task.id)).toEqual(before);
    });

    it("stores a PNG: a row, the file and its thumbnail on disk", async () => {
      const task = taskWith();
      const filesBefore = storedFiles();
      const entry = await createEntry(cadre, task.id, input({ percent: 10 }), [
        png("C:\\fakepath\\社区 活动.PNG"),
      ]);
      expect(entry.attachments).toEqual([
        {
          id: expect.any(Number) as number,
          fileName: "社区 活动.png",
          contentType: "image/png",
          size: pngBytes.length,
          width: 640,
          height: 480,
          hasThumbnail: true,
        },
      ]);
      const row = db
        .select()
        .from(attachments)
        .where(eq(attachments.id, entry.attachments[0]!.id))
        .get()!;
      expect(row).toMatchObject({ entryId: entry.id, uploadedById: cadre.id, removedAt: null });
      expect(row.storageKey).toMatch(/^2023\/06\/[0-9a-f-]{36}\.png$/);
      expect(row.thumbnailKey).toBe(row.storageKey.replace(/\.png$/, ".thumb.jpg"));
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);

      expect(new Uint8Array(readFileSync(storedPath(row.storageKey)))).toEqual(pngBytes);
      const thumbnail = readFileSync(storedPath(row.thumbnailKey!));
      expect(sniffType(thumbnail)).toBe("image/jpeg");
      const meta = await sharp(thumbnail).metadata();
      expect([meta.width, meta.height]).toEqual([320, 240]);
      expect(storedFiles()).toEqual(
        [...filesBefore, row.storageKey, row.thumbnailKey!].sort((x, y) => x.localeCompare(y)),
      );

      expect(auditRowsOf(db, "entry", entry.id)[0]!.after).toMatchObject({
        attachments: [{ id: row.id, fileName: "社区 活动.png" }],
      });
    });

    it("stores a PDF without a thumbnail", async () => {
      const task = taskWith();
      const pdf = new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "会议纪要.pdf");
      const entry = await createEntry(cadre, task.id, input({ percent: 10 }), [pdf]);
      expect(entry.attachments[0]).toMatchObject({
        fileName: "会议纪要.pdf",
        contentType: "application/pdf",
        width: null,
        height: null,
        hasThumbnail: false,
      });
      const row = db
        .select()
        .from(attachments)
        .where(eq(attachments.id, entry.attachments[0]!.id))
        .get()!;
      expect(row.thumbnailKey).toBeNull();
      expect(readFileSync(storedPath(row.storageKey), "utf8")).toBe("%PDF-1.4\n%%EOF\n");
    });
  });
});
