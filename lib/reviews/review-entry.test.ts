import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, monthSnapshots, notifications, progressEntries } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { updateEntry } from "@/lib/entries/update-entry";
import { entryPatchSchema } from "@/lib/entries/schemas";
import { getTask, listTasks } from "@/lib/tasks/queries";
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
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { listReviews } from "./queries";
import { approveEntries, reviewEntry } from "./review-entry";
import { bulkApproveSchema, reviewSchema } from "./schemas";

// 2023-06-30 20:00 UTC: 2023-07-01 in the office (Asia/Shanghai).
const NOW = new Date("2023-06-30T20:00:00Z");
const AS_OF = "2023-06-30";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let cadre: Actor;
let leader: Actor;
let admin: Actor;
let planId: number;
let projectId: number;

fakeDateAt(NOW);

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  admin = asActor(office.admin);
  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  projectId = insertProject(db, { planId, title: "惠民生", leadLeaderId: office.leader.id }).id;
});

afterAll(closeTestDatabase);

/** A task with one indicator (target 100), owned by the cadre. */
const taskWithIndicator = (project = projectId) =>
  insertTask(db, {
    projectId: project,
    ownerId: cadre.id,
    leadUnitId: office.unit.id,
    indicators: [{ name: "托育托位", target: 100 }],
  });

/** A task with a pending entry reading `value` on `date`. */
function pendingEntry(value = 40, date = "2023-06-10", project = projectId) {
  const task = taskWithIndicator(project);
  const indicatorId = task.indicators[0]!.id;
  const entry = insertEntry(db, {
    taskId: task.id,
    authorId: cadre.id,
    entryDate: date,
    readings: { [indicatorId]: value },
  });
  return { task, indicatorId, entry };
}

const review = (actor: Actor, id: number, input: Record<string, unknown>) =>
  reviewEntry(actor, id, reviewSchema.parse(input));

/** Entries as the leader saw them (id and version), for bulk approval. */
const seen = (...entries: { id: number; version: number }[]) =>
  entries.map(({ id, version }) => ({ id, version }));

/** Bulk approval of entries at their current versions (as just loaded). */
const approveCurrent = (actor: Actor, ids: number[]) =>
  approveEntries(actor, seen(...ids.map(rowOf)));

const rowOf = (id: number) =>
  db.select().from(progressEntries).where(eq(progressEntries.id, id)).get()!;

const notificationsOf = (userId: number) =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.id)
    .all();

/** Everything a refused review must leave as it was. */
const stateOf = (id: number) => ({
  row: rowOf(id),
  auditRows: db.select({ n: count() }).from(auditLog).get()!.n,
  notifications: db.select({ n: count() }).from(notifications).get()!.n,
});

const taskItem = async (taskId: number) =>
  (await listTasks(leader, { planId, asOf: AS_OF, limit: 1000 })).items.find(
    (t) => t.id === taskId,
  )!;

describe("reviewSchema", () => {
  it("needs a reason to return an entry, and none to approve it", () => {
    for (const input of [{ decision: "return" }, { decision: "return", reason: "   " }]) {
      const result = reviewSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error!.issues).toEqual([
        expect.objectContaining({ path: ["reason"], message: "validation.returnNeedsReason" }),
      ]);
    }
    expect(reviewSchema.parse({ decision: "return", reason: "  缺少照片 " })).toEqual({
      decision: "return",
      reason: "缺少照片",
    });
    expect(reviewSchema.parse({ decision: "approve" })).toEqual({ decision: "approve" });
    expect(reviewSchema.safeParse({ decision: "reject", reason: "x" }).success).toBe(false);
  });

  it("takes 1 to 100 entries to approve together, each once and at a version", () => {
    const items = [
      { id: 3, version: 2 },
      { id: 1, version: 1 },
    ];
    expect(bulkApproveSchema.parse({ items })).toEqual({ items });
    expect(bulkApproveSchema.safeParse({ items: [] }).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => ({ id: i + 1, version: 1 }));
    expect(bulkApproveSchema.safeParse({ items: many }).success).toBe(false);
    expect(bulkApproveSchema.safeParse({ items: many.slice(0, 100) }).success).toBe(true);

    const twice = bulkApproveSchema.safeParse({ items: [...items, { id: 3, version: 2 }] });
    expect(twice.error?.issues).toEqual([
      expect.objectContaining({ path: ["items", 2, "id"], message: "validation.duplicateEntry" }),
    ]);
    // Ids alone (the old body) and missing or bad versions are refused.
    for (const body of [
      { ids: [1, 2] },
      { items: [1, 2] },
      { items: [{ id: 1 }] },
      { items: [{ id: 1, version: 0 }] },
    ]) {
      expect(bulkApproveSchema.safeParse(body).success).toBe(false);
    }
  });
});

describe("reviewEntry", () => {
  it("approves a pending entry: it keeps counting and is closed to its author", async () => {
    const { task, entry } = pendingEntry(40);
    const progressBefore = (await getTask(task.id, AS_OF)).progress;
    expect(progressBefore).toBeCloseTo(0.4, 10);

    const approved = await review(leader, entry.id, { decision: "approve", version: 1 });
    expect(approved).toMatchObject({
      id: entry.id,
      reviewStatus: "approved",
      reviewReason: null,
      counts: true,
      lock: "reviewed",
      version: 2,
    });
    expect(rowOf(entry.id)).toMatchObject({
      reviewStatus: "approved",
      reviewedById: leader.id,
      reviewedAt: NOW,
      version: 2,
    });
    expect((await getTask(task.id, AS_OF)).progress).toBeCloseTo(0.4, 10);
    expect(auditRowsOf(db, "entry", entry.id)).toEqual([
      expect.objectContaining({
        action: "review",
        actorId: leader.id,
        before: { reviewStatus: "pending" },
        after: { reviewStatus: "approved" },
      }),
    ]);
    // Approval tells nobody.
    expect(notificationsOf(cadre.id).filter((n) => n.refId === entry.id)).toEqual([]);
    // The author can no longer change it.
    const edit = await refusal(
      updateEntry(cadre, entry.id, entryPatchSchema.parse({ version: 2, note: "改" })),
      "conflict",
    );
    expect(edit.details).toEqual({ reason: "reviewed" });
  });

  it("returns an entry with its reason, telling the author; it stops counting until resubmitted", async () => {
    const { task, indicatorId, entry } = pendingEntry(60);
    expect((await getTask(task.id, AS_OF)).progress).toBeCloseTo(0.6, 10);
    expect(await taskItem(task.id)).toMatchObject({ notReported: false });
    const inboxBefore = notificationsOf(cadre.id).length;

    const returned = await review(leader, entry.id, {
      decision: "return",
      reason: "托位数与备案不符",
    });
    expect(returned).toMatchObject({
      reviewStatus: "returned",
      reviewReason: "托位数与备案不符",
      counts: false,
      lock: null,
      version: 2,
    });
    expect(rowOf(entry.id)).toMatchObject({
      reviewStatus: "returned",
      reviewReason: "托位数与备案不符",
      reviewedById: leader.id,
      reviewedAt: NOW,
    });

    const inbox = notificationsOf(cadre.id);
    expect(inbox).toHaveLength(inboxBefore + 1);
    expect(inbox.at(-1)).toMatchObject({
      userId: cadre.id,
      kind: "entry_returned",
      taskId: task.id,
      refId: entry.id,
      body: "托位数与备案不符",
      readAt: null,
    });
    expect(auditRowsOf(db, "entry", entry.id)).toEqual([
      expect.objectContaining({
        action: "review",
        actorId: leader.id,
        before: { reviewStatus: "pending" },
        after: { reviewStatus: "returned", reviewReason: "托位数与备案不符" },
      }),
    ]);

    // Not counting: the task falls back to no reading at all, and is not reported this month.
    const detail = await getTask(task.id, AS_OF);
    expect(detail.progress).toBe(0);
    expect(detail.indicators[0]!.current).toBeNull();
    expect(await taskItem(task.id)).toMatchObject({ progress: 0, notReported: true });

    // The author fixes it and saves: resubmitted, it counts again and waits for review again.
    const resubmitted = await updateEntry(
      cadre,
      entry.id,
      entryPatchSchema.parse({ version: 2, readings: [{ indicatorId, value: 55 }] }),
    );
    expect(resubmitted).toMatchObject({ reviewStatus: "pending", reviewReason: null, version: 3 });
    expect((await getTask(task.id, AS_OF)).progress).toBeCloseTo(0.55, 10);
    expect(await taskItem(task.id)).toMatchObject({ notReported: false });
    const queue = await listReviews(leader, { planId });
    expect(queue.items.map((i) => i.id)).toContain(entry.id);

    // And it can be reviewed again.
    const approved = await review(leader, entry.id, { decision: "approve", version: 3 });
    expect(approved).toMatchObject({ reviewStatus: "approved", counts: true, version: 4 });
  });

  it("refuses a cadre and an admin with 403, changing nothing", async () => {
    const { entry } = pendingEntry();
    const before = stateOf(entry.id);
    for (const actor of [cadre, admin]) {
      for (const input of [{ decision: "approve" }, { decision: "return", reason: "不行" }]) {
        const error = await refusal(review(actor, entry.id, input), "forbidden");
        expect(error.status).toBe(403);
      }
      await refusal(approveEntries(actor, seen(entry)), "forbidden");
    }
    expect(stateOf(entry.id)).toEqual(before);
  });

  it("is 404 for an entry that does not exist", async () => {
    await refusal(review(leader, 999_999, { decision: "approve" }), "not_found");
  });

  it("refuses a leader's review of their own entry with 403: another leader checks it", async () => {
    const task = taskWithIndicator();
    const own = insertEntry(db, {
      taskId: task.id,
      authorId: leader.id,
      entryDate: "2023-06-12",
      readings: { [task.indicators[0]!.id]: 10 },
    });
    const before = stateOf(own.id);
    await refusal(review(leader, own.id, { decision: "approve" }), "forbidden");
    await refusal(approveEntries(leader, seen(own)), "forbidden");
    expect(stateOf(own.id)).toEqual(before);
    const queue = await listReviews(leader, { scope: "all" });
    expect(queue.items.map((i) => i.id)).not.toContain(own.id);
  });

  it("refuses a withdrawn entry with 409 (withdrawn)", async () => {
    const { task } = pendingEntry();
    const withdrawn = insertEntry(db, {
      taskId: task.id,
      authorId: cadre.id,
      entryDate: "2023-06-20",
      percent: null,
      withdrawnAt: new Date(),
    });
    const before = stateOf(withdrawn.id);
    for (const input of [{ decision: "approve" }, { decision: "return", reason: "x" }]) {
      const error = await refusal(review(leader, withdrawn.id, input), "conflict");
      expect(error.status).toBe(409);
      expect(error.details).toEqual({ reason: "withdrawn" });
      expect(error.fields).toEqual({ _: "validation.entryWithdrawn" });
    }
    expect(stateOf(withdrawn.id)).toEqual(before);
  });

  it("refuses an entry already reviewed with 409 (not_pending)", async () => {
    const { entry: approved } = pendingEntry();
    await review(leader, approved.id, { decision: "approve" });
    const { entry: returned } = pendingEntry();
    await review(leader, returned.id, { decision: "return", reason: "补充材料" });

    for (const id of [approved.id, returned.id]) {
      const before = stateOf(id);
      for (const input of [{ decision: "approve" }, { decision: "return", reason: "再退" }]) {
        const error = await refusal(review(leader, id, input), "conflict");
        expect(error.details).toEqual({ reason: "not_pending", ids: [id] });
        expect(error.fields).toEqual({ _: "validation.entryNotPending" });
      }
      expect(stateOf(id)).toEqual(before);
    }
  });

  it("answers a stale version with 409 and the entry as it now is", async () => {
    const { indicatorId, entry } = pendingEntry(30);
    await updateEntry(
      cadre,
      entry.id,
      entryPatchSchema.parse({ version: 1, readings: [{ indicatorId, value: 35 }] }),
    );
    const before = stateOf(entry.id);
    const error = await refusal(
      review(leader, entry.id, { decision: "approve", version: 1 }),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.details?.current).toMatchObject({
      id: entry.id,
      version: 2,
      reviewStatus: "pending",
      readings: [expect.objectContaining({ indicatorId, value: 35 })],
    });
    expect(error.details?.changedBy).toMatchObject({ id: cadre.id });
    expect(stateOf(entry.id)).toEqual(before);
  });

  it("does not return an entry of a published month, but approves one", async () => {
    const plan = insertPlan(db, { year: 2023, title: "五月已定稿" });
    const project = insertProject(db, { planId: plan.id });
    const { entry: first } = pendingEntry(20, "2023-05-20", project.id);
    const { entry: second } = pendingEntry(25, "2023-05-21", project.id);
    db.insert(monthSnapshots)
      .values({
        planId: plan.id,
        month: "2023-05",
        content: {},
        publishedById: leader.id,
        publishedAt: new Date(),
      })
      .run();

    const before = stateOf(first.id);
    const error = await refusal(
      review(leader, first.id, { decision: "return", reason: "定稿后退回" }),
      "month_published",
    );
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ reason: "published" });
    expect(error.fields).toEqual({ _: "validation.entryPublished" });
    expect(stateOf(first.id)).toEqual(before);

    const approved = await review(leader, first.id, { decision: "approve" });
    expect(approved).toMatchObject({ reviewStatus: "approved", version: 2 });
    expect(await approveCurrent(leader, [second.id])).toEqual({ approved: 1 });
    expect(rowOf(second.id).reviewStatus).toBe("approved");
  });

  it("does not return an entry of a month earlier than the published one, but does the month after", async () => {
    const plan = insertPlan(db, { year: 2023, title: "五月已定稿（四月冻结，六月照常）" });
    const project = insertProject(db, { planId: plan.id });
    const { entry: april } = pendingEntry(20, "2023-04-28", project.id);
    const { entry: june } = pendingEntry(25, "2023-06-01", project.id);
    db.insert(monthSnapshots)
      .values({
        planId: plan.id,
        month: "2023-05",
        content: {},
        publishedById: leader.id,
        publishedAt: new Date(),
      })
      .run();

    const before = stateOf(april.id);
    const error = await refusal(
      review(leader, april.id, { decision: "return", reason: "定稿后退回四月" }),
      "month_published",
    );
    expect(error.fields).toEqual({ _: "validation.entryPublished" });
    expect(stateOf(april.id)).toEqual(before);

    const returned = await review(leader, june.id, { decision: "return", reason: "六月可退回" });
    expect(returned).toMatchObject({ reviewStatus: "returned", reviewReason: "六月可退回" });
    expect(rowOf(june.id).reviewStatus).toBe("returned");
  });
});

describe("approveEntries", () => {
  it("approves routine entries together, each with its audit row", async () => {
    const entries = [pendingEntry(10), pendingEntry(20), pendingEntry(30)].map((e) => e.entry);
    const ids = entries.map((e) => e.id);
    expect(await approveEntries(leader, seen(...entries))).toEqual({ approved: 3 });
    for (const id of ids) {
      expect(rowOf(id)).toMatchObject({
        reviewStatus: "approved",
        reviewedById: leader.id,
        reviewedAt: NOW,
        reviewReason: null,
        version: 2,
      });
      expect(auditRowsOf(db, "entry", id)).toEqual([
        expect.objectContaining({
          action: "review",
          actorId: leader.id,
          before: { reviewStatus: "pending" },
          after: { reviewStatus: "approved" },
        }),
      ]);
    }
  });

  it("approves none when any is no longer pending, naming those", async () => {
    const fresh = [pendingEntry(10), pendingEntry(20)].map((e) => e.entry);
    const { entry: returned } = pendingEntry(30);
    await review(leader, returned.id, { decision: "return", reason: "重填" });
    const { task } = pendingEntry();
    const withdrawn = insertEntry(db, {
      taskId: task.id,
      authorId: cadre.id,
      entryDate: "2023-06-11",
      withdrawnAt: new Date(),
    });
    const ids = [fresh[0]!.id, returned.id, fresh[1]!.id, withdrawn.id];
    const before = ids.map(stateOf);

    const error = await refusal(approveCurrent(leader, ids), "conflict");
    expect(error.details).toEqual({ reason: "not_pending", ids: [returned.id, withdrawn.id] });
    expect(error.fields).toEqual({ _: "validation.entryNotPending" });
    expect(ids.map(stateOf)).toEqual(before);
    for (const entry of fresh) expect(rowOf(entry.id).reviewStatus).toBe("pending");
  });

  it("approves none when an id does not exist (404)", async () => {
    const { entry } = pendingEntry();
    const before = stateOf(entry.id);
    await refusal(
      approveEntries(leader, [...seen(entry), { id: 999_999, version: 1 }]),
      "not_found",
    );
    expect(stateOf(entry.id)).toEqual(before);
  });

  it("approves none when an entry was edited by its author after the leader read it (409 stale)", async () => {
    const { indicatorId, entry: edited } = pendingEntry(10);
    const { entry: untouched } = pendingEntry(20);
    // The leader loads the queue: both at version 1.
    const queue = await listReviews(leader, { planId, scope: "all" });
    const shown = queue.items.filter((i) => i.id === edited.id || i.id === untouched.id);
    expect(shown.map((i) => i.version)).toEqual([1, 1]);

    // Then the author changes one: 10 becomes 90, which the leader never saw.
    await updateEntry(
      cadre,
      edited.id,
      entryPatchSchema.parse({ version: 1, readings: [{ indicatorId, value: 90 }] }),
    );
    expect(rowOf(edited.id)).toMatchObject({ reviewStatus: "pending", version: 2 });
    const before = [edited.id, untouched.id].map(stateOf);

    const error = await refusal(approveEntries(leader, seen(...shown)), "conflict");
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ reason: "stale", ids: [edited.id] });
    expect(error.fields).toEqual({ _: "validation.entriesChanged" });
    // Nothing approved, not even the untouched one.
    expect([edited.id, untouched.id].map(stateOf)).toEqual(before);
    expect(rowOf(untouched.id).reviewStatus).toBe("pending");

    // At the version it now has (the leader has looked again), it is approved.
    expect(
      await approveEntries(leader, [...seen(untouched), { id: edited.id, version: 2 }]),
    ).toEqual({ approved: 2 });
    expect(rowOf(edited.id)).toMatchObject({ reviewStatus: "approved", version: 3 });
  });

  it("names entries no longer pending before stale ones", async () => {
    const { entry: stale } = pendingEntry(10);
    const { entry: reviewed } = pendingEntry(20);
    await review(leader, reviewed.id, { decision: "approve" });
    const error = await refusal(
      approveEntries(leader, [
        { id: stale.id, version: 7 },
        { id: reviewed.id, version: 1 },
      ]),
      "conflict",
    );
    expect(error.details).toEqual({ reason: "not_pending", ids: [reviewed.id] });
    expect(rowOf(stale.id).reviewStatus).toBe("pending");
  });
});
