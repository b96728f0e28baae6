import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  attachments,
  auditLog,
  indicators,
  monthSnapshots,
  progressEntries,
  tasks,
} from "@/db/schema";
import { addAttachments, removeAttachment } from "@/lib/attachments/change-attachments";
import { listHistory } from "@/lib/audit/history";
import type { Actor } from "@/lib/auth/policy";
import { getTask } from "@/lib/tasks/queries";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  auditRowsOf,
  asActor,
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
  type TestIndicator,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { storedFiles } from "@/lib/testing/files";
import { picture } from "@/lib/testing/images";
import { createEntry } from "./create-entry";
import { getEntry, listTaskEntries } from "./queries";
import { entryCreateSchema, entryPatchSchema } from "./schemas";
import { updateEntry, withdrawEntry } from "./update-entry";

// 2023-06-30 20:00 UTC: 2023-07-01 in the office (Asia/Shanghai).
const NOW = new Date("2023-06-30T20:00:00Z");

let db: Db;
let office: ReturnType<typeof insertOffice>;
let cadre: Actor;
let leader: Actor;
let planId: number;
let projectId: number;
let pngBytes: Uint8Array<ArrayBuffer>;

fakeDateAt(NOW);

beforeAll(async () => {
  db = openTestDatabase();
  office = insertOffice(db);
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  projectId = insertProject(db, { planId, title: "抓经济" }).id;
  pngBytes = await picture("png", { width: 40, height: 30 });
});

afterAll(closeTestDatabase);

const taskWith = (list: TestIndicator[] = [], project = projectId) =>
  insertTask(db, {
    projectId: project,
    ownerId: cadre.id,
    leadUnitId: office.unit.id,
    indicators: list,
  });

const png = (name = "照片.png") => new File([pngBytes], name, { type: "image/png" });
const pngs = (n: number) => Array.from({ length: n }, (_, i) => png(`照片${i + 1}.png`));

/** An entry written through createEntry (so it has its "create" audit row). */
const create = (taskId: number, value: Record<string, unknown>, files: File[] = []) =>
  createEntry(
    cadre,
    taskId,
    entryCreateSchema.parse({ date: "2023-06-10", note: "进展", ...value }),
    files,
  );

const patch = (value: Record<string, unknown>) => entryPatchSchema.parse(value);

const rowOf = (id: number) =>
  db.select().from(progressEntries).where(eq(progressEntries.id, id)).get()!;

/** Everything a refused change of an entry must leave as it was. */
async function stateOf(entryId: number) {
  return {
    entry: await getEntry(entryId),
    attachments: db.select().from(attachments).where(eq(attachments.entryId, entryId)).all(),
    auditRows: db.select({ n: count() }).from(auditLog).get()!.n,
    files: storedFiles(),
  };
}

/** Publishes a month of a plan (a 定稿 report), straight into the table. */
const publish = (plan: number, month: string) =>
  db
    .insert(monthSnapshots)
    .values({
      planId: plan,
      month,
      content: {},
      publishedById: office.leader.id,
      publishedAt: new Date(),
    })
    .run();

describe("updateEntry", () => {
  it("marks an entry edited when its author changes it, not when evidence is added", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    expect(entry.editedAt).toBeNull();
    const withFile = await addAttachments(cadre, entry.id, [png()]);
    expect(withFile.editedAt).toBeNull();
    const edited = await updateEntry(
      cadre,
      entry.id,
      patch({ version: entry.version, percent: 20 }),
    );
    expect(edited.editedAt).toEqual(expect.any(String));
    expect((await listTaskEntries(task.id))[0]!.editedAt).toBe(edited.editedAt);
  });

  it("keeps the earlier version for the entry's history, its readings named by their indicator", async () => {
    const task = taskWith([{ name: "新增车位", target: 120 }]);
    const indicatorId = task.indicators[0]!.id;
    const entry = await create(task.id, { readings: [{ indicatorId, value: 30 }] });
    await updateEntry(
      cadre,
      entry.id,
      patch({ version: entry.version, readings: [{ indicatorId, value: 35 }] }),
    );
    const [edit, created] = await listHistory("entry", entry.id);
    expect(created!.action).toBe("create");
    expect(edit).toMatchObject({
      action: "update",
      actor: { id: cadre.id },
      before: { readings: [{ indicatorId, value: 30 }] },
      after: { readings: [{ indicatorId, value: 35 }] },
      labels: { [`readings:${indicatorId}`]: "新增车位" },
    });
  });

  it("keeps the readings of indicators archived since, which the form can no longer send", async () => {
    const task = taskWith([
      { name: "新增车位", target: 120 },
      { name: "已撤销的指标", target: 10 },
    ]);
    const [live, archived] = task.indicators.map((i) => i.id) as [number, number];
    const entry = await create(task.id, {
      readings: [
        { indicatorId: live, value: 30 },
        { indicatorId: archived, value: 4 },
      ],
    });
    db.update(indicators).set({ archivedAt: new Date() }).where(eq(indicators.id, archived)).run();

    const updated = await updateEntry(
      cadre,
      entry.id,
      patch({ version: entry.version, note: "复核", readings: [{ indicatorId: live, value: 35 }] }),
    );
    expect(updated.readings.map((r) => [r.indicatorId, r.value])).toEqual([
      [live, 35],
      [archived, 4],
    ]);
    // Sending the archived indicator's reading is still refused: it takes no new values.
    const refused = await refusal(
      updateEntry(
        cadre,
        entry.id,
        patch({ version: updated.version, readings: [{ indicatorId: archived, value: 5 }] }),
      ),
      "validation_failed",
    );
    expect(refused.fields).toEqual({ "readings.0.indicatorId": "validation.unknownIndicator" });
  });

  it("lets the author change fields and readings, keeping the earlier version in the audit log", async () => {
    const task = taskWith([
      { name: "新增车位", target: 120 },
      { name: "投资额", measureUnit: "万元", target: 500, decimals: 2 },
    ]);
    const [a, b] = task.indicators.map((i) => i.id) as [number, number];
    const entry = await create(task.id, {
      note: "完成一期",
      readings: [
        { indicatorId: a, value: 30 },
        { indicatorId: b, value: 100 },
      ],
    });

    const updated = await updateEntry(
      cadre,
      entry.id,
      patch({
        version: 1,
        date: "2023-06-12",
        note: "完成一期施工",
        readings: [
          { indicatorId: b, value: 150.75 },
          { indicatorId: a, value: 40 },
        ],
      }),
    );
    expect(updated).toMatchObject({
      id: entry.id,
      date: "2023-06-12",
      note: "完成一期施工",
      version: 2,
    });
    expect(updated.readings.map((r) => [r.indicatorId, r.value])).toEqual([
      [a, 40],
      [b, 150.75],
    ]);
    expect(rowOf(entry.id)).toMatchObject({ entryDate: "2023-06-12", version: 2 });

    const audit = auditRowsOf(db, "entry", entry.id);
    expect(audit.map((r) => r.action)).toEqual(["create", "update"]);
    expect(audit[1]).toMatchObject({
      actorId: cadre.id,
      before: {
        date: "2023-06-10",
        note: "完成一期",
        readings: [
          { indicatorId: a, value: 30 },
          { indicatorId: b, value: 100 },
        ],
      },
      after: {
        date: "2023-06-12",
        note: "完成一期施工",
        readings: [
          { indicatorId: a, value: 40 },
          { indicatorId: b, value: 150.75 },
        ],
      },
    });
    // Only what changed is recorded.
    expect(Object.keys(audit[1]!.after as object).sort()).toEqual(["date", "note", "readings"]);
  });

  it("replaces all readings with the ones given", async () => {
    const task = taskWith([{ target: 10 }, { target: 20 }]);
    const [a, b] = task.indicators.map((i) => i.id) as [number, number];
    const entry = await create(task.id, {
      readings: [
        { indicatorId: a, value: 1 },
        { indicatorId: b, value: 2 },
      ],
    });
    const updated = await updateEntry(
      cadre,
      entry.id,
      patch({ version: 1, readings: [{ indicatorId: b, value: 5 }] }),
    );
    expect(updated.readings.map((r) => [r.indicatorId, r.value])).toEqual([[b, 5]]);
  });

  it("writes nothing when nothing changes", async () => {
    const task = taskWith();
    const entry = await create(task.id, { note: "同样", percent: 10 });
    const updated = await updateEntry(cadre, entry.id, patch({ version: 1, note: "同样" }));
    expect(updated.version).toBe(1);
    expect(auditRowsOf(db, "entry", entry.id).map((r) => r.action)).toEqual(["create"]);
  });

  it("checks the new content like a new entry", async () => {
    const task = taskWith([{ target: 10 }]);
    const indicatorId = task.indicators[0]!.id;
    const entry = await create(task.id, { readings: [{ indicatorId, value: 3 }] });
    const before = await stateOf(entry.id);
    const error = await refusal(
      updateEntry(
        cadre,
        entry.id,
        patch({ version: 1, date: "2023-07-05", readings: [{ indicatorId, value: 2.5 }] }),
      ),
      "validation_failed",
    );
    expect(error.fields).toEqual({
      date: "validation.entryDateFuture",
      "readings.0.value": "validation.tooManyDecimals",
    });
    expect(await stateOf(entry.id)).toEqual(before);
  });

  it("refuses anyone but the author with 403, even a leader", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    const before = await stateOf(entry.id);
    const error = await refusal(
      updateEntry(leader, entry.id, patch({ version: 1, note: "领导改的" })),
      "forbidden",
    );
    expect(error.status).toBe(403);
    expect(await stateOf(entry.id)).toEqual(before);
  });

  it("answers a stale version with 409 and the entry as it now is", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    await updateEntry(cadre, entry.id, patch({ version: 1, note: "第一次修改" }));
    const before = await stateOf(entry.id);
    const error = await refusal(
      updateEntry(cadre, entry.id, patch({ version: 1, note: "基于旧版本的修改" })),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.details?.current).toMatchObject({
      id: entry.id,
      note: "第一次修改",
      version: 2,
    });
    expect(error.details?.changedBy).toMatchObject({ id: cadre.id });
    expect(await stateOf(entry.id)).toEqual(before);
  });

  it("is 404 for an entry that does not exist", async () => {
    await refusal(updateEntry(cadre, 999_999, patch({ version: 1, note: "x" })), "not_found");
  });
});

describe("withdrawEntry", () => {
  it("stops the entry counting: the current value falls back to the previous counting reading", async () => {
    const task = taskWith([{ name: "新增就业", target: 100 }]);
    const indicatorId = task.indicators[0]!.id;
    await create(task.id, { date: "2023-03-10", readings: [{ indicatorId, value: 30 }] });
    // Returned by a reviewer: never counts, so it is not what the value falls back to.
    insertEntry(db, {
      taskId: task.id,
      authorId: cadre.id,
      entryDate: "2023-04-10",
      reviewStatus: "returned",
      readings: { [indicatorId]: 45 },
    });
    const latest = await create(task.id, {
      date: "2023-05-10",
      readings: [{ indicatorId, value: 60 }],
    });
    const currentValue = async () => (await getTask(task.id, "2023-06-30")).indicators[0]!.current;
    expect(await currentValue()).toBe(60);

    const withdrawn = await withdrawEntry(cadre, latest.id, 1);
    expect(withdrawn).toMatchObject({
      withdrawn: true,
      counts: false,
      lock: "withdrawn",
      version: 2,
    });
    expect(await currentValue()).toBe(30);

    const listed = (await listTaskEntries(task.id, cadre)).find((e) => e.id === latest.id)!;
    expect(listed).toMatchObject({
      withdrawn: true,
      counts: false,
      lock: "withdrawn",
      amendable: false,
    });
    expect(rowOf(latest.id).withdrawnAt).toEqual(NOW);
    expect(auditRowsOf(db, "entry", latest.id).at(-1)).toMatchObject({
      action: "withdraw",
      actorId: cadre.id,
      before: { withdrawn: false },
      after: { withdrawn: true },
    });
  });

  it("closes a withdrawn entry to edits and to a second withdrawal", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    await withdrawEntry(cadre, entry.id, 1);
    const before = await stateOf(entry.id);
    const edit = await refusal(
      updateEntry(cadre, entry.id, patch({ version: 2, note: "撤回后修改" })),
      "conflict",
    );
    expect(edit.fields).toEqual({ _: "validation.entryWithdrawn" });
    const again = await refusal(withdrawEntry(cadre, entry.id, 2), "conflict");
    expect(again.fields).toEqual({ _: "validation.entryWithdrawn" });
    expect(await stateOf(entry.id)).toEqual(before);
  });

  it("refuses anyone but the author, and a stale version", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    await updateEntry(cadre, entry.id, patch({ version: 1, note: "改过" }));
    const before = await stateOf(entry.id);
    await refusal(withdrawEntry(leader, entry.id, 2), "forbidden");
    const stale = await refusal(withdrawEntry(cadre, entry.id, 1), "conflict");
    expect(stale.details?.current).toMatchObject({ id: entry.id, version: 2, withdrawn: false });
    expect(await stateOf(entry.id)).toEqual(before);
  });
});

describe("locks", () => {
  it("closes a reviewed entry: 409 with fields._ validation.entryReviewed", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    db.update(progressEntries)
      .set({ reviewStatus: "approved", reviewedById: office.leader.id, reviewedAt: new Date() })
      .where(eq(progressEntries.id, entry.id))
      .run();
    const before = await stateOf(entry.id);
    const error = await refusal(
      updateEntry(cadre, entry.id, patch({ version: 1, note: "审核后修改" })),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.fields).toEqual({ _: "validation.entryReviewed" });
    expect(error.details).toEqual({ reason: "reviewed" });
    const withdraw = await refusal(withdrawEntry(cadre, entry.id, 1), "conflict");
    expect(withdraw.fields).toEqual({ _: "validation.entryReviewed" });
    expect(await stateOf(entry.id)).toEqual(before);
    expect((await getEntry(entry.id, cadre)).lock).toBe("reviewed");
  });

  it("tells the lock before the version: a locked entry is not reported as stale", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    db.update(progressEntries)
      .set({ reviewStatus: "approved", reviewedById: office.leader.id, reviewedAt: new Date() })
      .where(eq(progressEntries.id, entry.id))
      .run();
    const error = await refusal(
      updateEntry(cadre, entry.id, patch({ version: 7, note: "x" })),
      "conflict",
    );
    expect(error.fields).toEqual({ _: "validation.entryReviewed" });
    expect(error.details).toEqual({ reason: "reviewed" });
  });

  it("closes an entry in a published month, and refuses moving an entry into one", async () => {
    const plan = insertPlan(db, { year: 2023, title: "五月已定稿" });
    const project = insertProject(db, { planId: plan.id });
    const task = taskWith([], project.id);
    const may = await create(task.id, { date: "2023-05-20", percent: 10 });
    const june = await create(task.id, { date: "2023-06-05", percent: 20 });
    publish(plan.id, "2023-05");

    const before = await stateOf(may.id);
    const edit = await refusal(
      updateEntry(cadre, may.id, patch({ version: 1, note: "定稿后修改" })),
      "month_published",
    );
    expect(edit.status).toBe(409);
    expect(edit.fields).toEqual({ _: "validation.entryPublished" });
    expect(edit.details).toEqual({ reason: "published" });
    const withdraw = await refusal(withdrawEntry(cadre, may.id, 1), "month_published");
    expect(withdraw.fields).toEqual({ _: "validation.entryPublished" });
    expect(await stateOf(may.id)).toEqual(before);

    const move = await refusal(
      updateEntry(cadre, june.id, patch({ version: 1, date: "2023-05-31" })),
      "month_published",
    );
    expect(move.fields).toEqual({ date: "validation.monthPublished" });
    expect(rowOf(june.id)).toMatchObject({ entryDate: "2023-06-05", version: 1 });

    const listed = await listTaskEntries(task.id, cadre);
    expect(listed.map((e) => [e.date, e.lock, e.amendable])).toEqual([
      ["2023-06-05", null, true],
      ["2023-05-20", "published", false],
    ]);
  });

  it("freezes an entry of a month earlier than the published one too", async () => {
    const plan = insertPlan(db, { year: 2023, title: "五月已定稿（四月随之冻结）" });
    const project = insertProject(db, { planId: plan.id });
    const task = taskWith([], project.id);
    const april = await create(task.id, { date: "2023-04-12", percent: 10 });
    const june = await create(task.id, { date: "2023-06-05", percent: 20 });
    publish(plan.id, "2023-05");

    const before = await stateOf(april.id);
    const edit = await refusal(
      updateEntry(cadre, april.id, patch({ version: 1, note: "定稿后修改四月" })),
      "month_published",
    );
    expect(edit.fields).toEqual({ _: "validation.entryPublished" });
    const withdraw = await refusal(withdrawEntry(cadre, april.id, 1), "month_published");
    expect(withdraw.fields).toEqual({ _: "validation.entryPublished" });
    expect(await stateOf(april.id)).toEqual(before);
    expect((await getEntry(april.id, cadre)).lock).toBe("published");

    const move = await refusal(
      updateEntry(cadre, june.id, patch({ version: 1, date: "2023-04-30" })),
      "month_published",
    );
    expect(move.fields).toEqual({ date: "validation.monthPublished" });
    expect(rowOf(june.id)).toMatchObject({ entryDate: "2023-06-05", version: 1 });
  });

  it("leaves the month after the published one open", async () => {
    const plan = insertPlan(db, { year: 2023, title: "五月已定稿（六月照常）" });
    const project = insertProject(db, { planId: plan.id });
    const task = taskWith([], project.id);
    const june = await create(task.id, { date: "2023-06-05", percent: 20 });
    publish(plan.id, "2023-05");

    const edited = await updateEntry(
      cadre,
      june.id,
      patch({ version: 1, note: "六月仍可修改", date: "2023-06-01" }),
    );
    expect(edited).toMatchObject({ date: "2023-06-01", note: "六月仍可修改", lock: null });
    const withdrawn = await withdrawEntry(cadre, june.id, edited.version);
    expect(withdrawn).toMatchObject({ withdrawn: true, lock: "withdrawn" });
  });
});

/** Returns an entry as a reviewer would (straight into the table): pending → returned. */
function returnEntry(id: number, reason = "数据有误") {
  const row = rowOf(id);
  db.update(progressEntries)
    .set({
      reviewStatus: "returned",
      reviewReason: reason,
      reviewedById: office.leader.id,
      reviewedAt: new Date(),
      version: row.version + 1,
    })
    .where(eq(progressEntries.id, id))
    .run();
  return row.version + 1;
}

describe("resubmitting a returned entry", () => {
  it("opens a returned entry to its author; saving it resubmits it and it counts again", async () => {
    const task = taskWith([{ name: "新增车位", target: 100 }]);
    const indicatorId = task.indicators[0]!.id;
    const entry = await create(task.id, { readings: [{ indicatorId, value: 40 }] });
    const version = returnEntry(entry.id, "车位数与台账不符");

    const returned = (await listTaskEntries(task.id, cadre)).find((e) => e.id === entry.id)!;
    expect(returned).toMatchObject({
      reviewStatus: "returned",
      reviewReason: "车位数与台账不符",
      counts: false,
      lock: null,
      amendable: true,
    });
    // Another person sees it open but may not change it.
    expect((await getEntry(entry.id, leader)).amendable).toBe(false);
    const before = await getTask(task.id, "2023-06-30");
    expect(before.indicators[0]!.current).toBeNull();
    expect(before.progress).toBe(0);
    expect(before.notReported).toBe(true);

    const resubmitted = await updateEntry(
      cadre,
      entry.id,
      patch({ version, readings: [{ indicatorId, value: 45 }] }),
    );
    expect(resubmitted).toMatchObject({
      reviewStatus: "pending",
      reviewReason: null,
      counts: true,
      lock: null,
      version: version + 1,
    });
    expect(rowOf(entry.id)).toMatchObject({
      reviewStatus: "pending",
      reviewReason: null,
      reviewedById: null,
      reviewedAt: null,
    });
    const after = await getTask(task.id, "2023-06-30");
    expect(after.indicators[0]!.current).toBe(45);
    expect(after.progress).toBeCloseTo(0.45, 10);
    expect(after.notReported).toBe(false);

    const audit = auditRowsOf(db, "entry", entry.id).at(-1)!;
    expect(audit).toMatchObject({ action: "update", actorId: cadre.id });
    expect(audit.before).toEqual({
      readings: [{ indicatorId, value: 40 }],
      reviewStatus: "returned",
    });
    expect(audit.after).toEqual({
      readings: [{ indicatorId, value: 45 }],
      reviewStatus: "pending",
    });
  });

  it("resubmits a returned entry even when nothing in it changes", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 30, note: "已核实" });
    const version = returnEntry(entry.id);
    expect((await getTask(task.id, "2023-06-30")).progress).toBe(0);

    const resubmitted = await updateEntry(cadre, entry.id, patch({ version, note: "已核实" }));
    expect(resubmitted).toMatchObject({
      reviewStatus: "pending",
      reviewReason: null,
      note: "已核实",
      percent: 30,
      version: version + 1,
    });
    expect((await getTask(task.id, "2023-06-30")).progress).toBeCloseTo(0.3, 10);
    const audit = auditRowsOf(db, "entry", entry.id);
    expect(audit.map((r) => r.action)).toEqual(["create", "update"]);
    expect(audit[1]!.before).toEqual({ reviewStatus: "returned" });
    expect(audit[1]!.after).toEqual({ reviewStatus: "pending" });

    // Saved again unchanged, a pending entry writes nothing.
    const again = await updateEntry(cadre, entry.id, patch({ version: version + 1 }));
    expect(again.version).toBe(version + 1);
    expect(auditRowsOf(db, "entry", entry.id)).toHaveLength(2);
  });

  it("checks a resubmission's content, and a refused one stays returned", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 30 });
    const version = returnEntry(entry.id, "日期有误");
    const before = await stateOf(entry.id);
    const error = await refusal(
      updateEntry(cadre, entry.id, patch({ version, date: "2023-07-05" })),
      "validation_failed",
    );
    expect(error.fields).toEqual({ date: "validation.entryDateFuture" });
    expect(await stateOf(entry.id)).toEqual(before);
    expect(rowOf(entry.id)).toMatchObject({ reviewStatus: "returned", reviewReason: "日期有误" });
  });

  it("refuses another person (403) and a stale version (409), leaving it returned", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 30 });
    const version = returnEntry(entry.id);
    const before = await stateOf(entry.id);
    await refusal(updateEntry(leader, entry.id, patch({ version, note: "代改" })), "forbidden");
    const stale = await refusal(
      updateEntry(cadre, entry.id, patch({ version: version - 1, note: "旧版本" })),
      "conflict",
    );
    expect(stale.details?.current).toMatchObject({
      id: entry.id,
      reviewStatus: "returned",
      version,
    });
    expect(await stateOf(entry.id)).toEqual(before);
  });

  it("lets the author withdraw a returned entry instead", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 30 });
    const version = returnEntry(entry.id);
    const withdrawn = await withdrawEntry(cadre, entry.id, version);
    expect(withdrawn).toMatchObject({ withdrawn: true, lock: "withdrawn", version: version + 1 });
  });

  it("keeps a returned entry in a published month closed", async () => {
    const plan = insertPlan(db, { year: 2023, title: "三月已定稿" });
    const project = insertProject(db, { planId: plan.id });
    const task = taskWith([], project.id);
    const entry = await create(task.id, { date: "2023-03-15", percent: 10 });
    const version = returnEntry(entry.id);
    publish(plan.id, "2023-03");
    const before = await stateOf(entry.id);
    const error = await refusal(
      updateEntry(cadre, entry.id, patch({ version, note: "定稿后重报" })),
      "month_published",
    );
    expect(error.fields).toEqual({ _: "validation.entryPublished" });
    expect(error.details).toEqual({ reason: "published" });
    expect(await stateOf(entry.id)).toEqual(before);
    expect((await getEntry(entry.id, cadre)).lock).toBe("published");
  });
});

describe("attachments of an entry", () => {
  it("adds files up to ten, and refuses the eleventh", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 }, pngs(8));
    expect(entry.attachments).toHaveLength(8);

    const before = await stateOf(entry.id);
    const tooMany = await refusal(addAttachments(cadre, entry.id, pngs(3)), "validation_failed");
    expect(tooMany.fields).toEqual({ files: "validation.tooManyFiles" });
    expect(await stateOf(entry.id)).toEqual(before);

    const filesBefore = storedFiles();
    const withTen = await addAttachments(cadre, entry.id, pngs(2));
    expect(withTen.attachments).toHaveLength(10);
    // Two pictures, each with its thumbnail.
    expect(storedFiles()).toHaveLength(filesBefore.length + 4);
    const audit = auditRowsOf(db, "entry", entry.id).at(-1)!;
    expect(audit.action).toBe("evidence");
    expect((audit.before as { attachments: unknown[] }).attachments).toHaveLength(8);
    expect((audit.after as { attachments: unknown[] }).attachments).toHaveLength(10);

    await refusal(addAttachments(cadre, entry.id, [png()]), "validation_failed");
    expect((await getEntry(entry.id)).attachments).toHaveLength(10);
  });

  it("frees a place by removing one, which is then neither listed nor removable again", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 }, pngs(10));
    const removedId = entry.attachments[3]!.id;

    const after = await removeAttachment(cadre, removedId);
    expect(after.attachments).toHaveLength(9);
    expect(after.attachments.map((a) => a.id)).not.toContain(removedId);
    expect(
      db.select().from(attachments).where(eq(attachments.id, removedId)).get()!.removedAt,
    ).toEqual(NOW);
    const audit = auditRowsOf(db, "entry", entry.id).at(-1)!;
    expect((audit.before as { attachments: { id: number }[] }).attachments).toContainEqual(
      expect.objectContaining({ id: removedId }),
    );
    expect((audit.after as { attachments: { id: number }[] }).attachments).not.toContainEqual(
      expect.objectContaining({ id: removedId }),
    );

    await refusal(removeAttachment(cadre, removedId), "not_found");
    const refilled = await addAttachments(cadre, entry.id, [png()]);
    expect(refilled.attachments).toHaveLength(10);
  });

  it("refuses an empty upload", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    const error = await refusal(addAttachments(cadre, entry.id, []), "validation_failed");
    expect(error.fields).toEqual({ files: "validation.noFiles" });
  });

  it("leaves another's entry alone (403)", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 }, [png()]);
    const before = await stateOf(entry.id);
    await refusal(addAttachments(leader, entry.id, [png()]), "forbidden");
    await refusal(removeAttachment(leader, entry.attachments[0]!.id), "forbidden");
    expect(await stateOf(entry.id)).toEqual(before);
  });

  it("respects the lock: no adding to or removing from a withdrawn or reviewed entry", async () => {
    const task = taskWith();
    const withdrawn = await create(task.id, { percent: 10 }, [png()]);
    await withdrawEntry(cadre, withdrawn.id, 1);
    const reviewed = await create(task.id, { percent: 20 }, [png()]);
    db.update(progressEntries)
      .set({ reviewStatus: "approved" })
      .where(eq(progressEntries.id, reviewed.id))
      .run();

    for (const [entry, reason] of [
      [withdrawn, "validation.entryWithdrawn"],
      [reviewed, "validation.entryReviewed"],
    ] as const) {
      const before = await stateOf(entry.id);
      const add = await refusal(addAttachments(cadre, entry.id, [png()]), "conflict");
      expect(add.fields).toEqual({ _: reason });
      const remove = await refusal(removeAttachment(cadre, entry.attachments[0]!.id), "conflict");
      expect(remove.fields).toEqual({ _: reason });
      expect(await stateOf(entry.id)).toEqual(before);
    }
  });

  it("respects a published month", async () => {
    const plan = insertPlan(db, { year: 2023, title: "四月已定稿" });
    const project = insertProject(db, { planId: plan.id });
    const task = taskWith([], project.id);
    const entry = await create(task.id, { date: "2023-04-15", percent: 10 }, [png()]);
    publish(plan.id, "2023-04");
    const before = await stateOf(entry.id);
    const add = await refusal(addAttachments(cadre, entry.id, [png()]), "month_published");
    expect(add.fields).toEqual({ _: "validation.entryPublished" });
    const remove = await refusal(
      removeAttachment(cadre, entry.attachments[0]!.id),
      "month_published",
    );
    expect(remove.fields).toEqual({ _: "validation.entryPublished" });
    expect(await stateOf(entry.id)).toEqual(before);
  });

  it("respects a month earlier than the published one, and not the month after", async () => {
    const plan = insertPlan(db, { year: 2023, title: "四月已定稿（三月冻结，五月照常）" });
    const project = insertProject(db, { planId: plan.id });
    const task = taskWith([], project.id);
    const march = await create(task.id, { date: "2023-03-15", percent: 10 }, [png()]);
    const may = await create(task.id, { date: "2023-05-02", percent: 20 }, [png()]);
    publish(plan.id, "2023-04");
    const before = await stateOf(march.id);
    const add = await refusal(addAttachments(cadre, march.id, [png()]), "month_published");
    expect(add.fields).toEqual({ _: "validation.entryPublished" });
    const remove = await refusal(
      removeAttachment(cadre, march.attachments[0]!.id),
      "month_published",
    );
    expect(remove.fields).toEqual({ _: "validation.entryPublished" });
    expect(await stateOf(march.id)).toEqual(before);

    expect((await addAttachments(cadre, may.id, [png()])).attachments).toHaveLength(2);
  });

  it("does not touch the task", async () => {
    const task = taskWith();
    const entry = await create(task.id, { percent: 10 });
    await addAttachments(cadre, entry.id, [png()]);
    expect(db.select().from(tasks).where(eq(tasks.id, task.id)).get()!.version).toBe(task.version);
  });
});
