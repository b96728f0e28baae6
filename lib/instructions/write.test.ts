import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, instructions, notifications, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUser,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import {
  findInstruction,
  listInstructionsBy,
  listOpenInstructionsFor,
  listTaskInstructions,
} from "./queries";
import { instructionAckSchema, instructionCreateSchema } from "./schemas";
import { answerInstruction, createInstruction } from "./write";

const NOW = new Date("2023-06-30T02:00:00Z");
const LATER = new Date("2023-06-30T05:00:00Z");

let db: Db;
let office: ReturnType<typeof insertOffice>;
let cadre: Actor;
let leader: Actor;
let admin: Actor;
/** A cadre of the task's own unit who does not own it. */
let colleague: Actor;
let otherLeader: Actor;
let projectId: number;
let archivedProjectId: number;

fakeDateAt(NOW);

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  cadre = asActor(office.cadre);
  leader = asActor(office.leader);
  admin = asActor(office.admin);
  colleague = asActor(
    insertUser(db, { unitId: office.unit.id, role: "cadre", username: "colleague" }),
  );
  otherLeader = asActor(
    insertUser(db, { unitId: office.unit.id, role: "leader", username: "other-leader" }),
  );
  const planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  projectId = insertProject(db, { planId, title: "守平安" }).id;
  archivedProjectId = insertProject(db, { planId, title: "已归档", archivedAt: new Date() }).id;
});

afterAll(closeTestDatabase);

const newTask = (title = "消防隐患排查", ownerId = cadre.id) =>
  insertTask(db, { projectId, title, ownerId, leadUnitId: office.unit.id });

const instruct = (actor: Actor, taskId: number, text: string) =>
  createInstruction(actor, taskId, instructionCreateSchema.parse({ text }));

const answer = (actor: Actor, id: number, value: Record<string, unknown> = {}) =>
  answerInstruction(actor, id, instructionAckSchema.parse(value));

const rowOf = (id: number) => db.select().from(instructions).where(eq(instructions.id, id)).get()!;

const totals = () => ({
  instructions: db.select({ n: count() }).from(instructions).get()!.n,
  notifications: db.select({ n: count() }).from(notifications).get()!.n,
  audit: db.select({ n: count() }).from(auditLog).get()!.n,
});

describe("createInstruction", () => {
  it("lets a leader instruct on a task; its owner finds it in their bell", async () => {
    const task = newTask();
    const created = await instruct(leader, task.id, "  月底前完成全部排查  ");
    expect(created).toMatchObject({
      taskId: task.id,
      taskTitle: "消防隐患排查",
      ownerId: cadre.id,
      ownerName: "测试cadre",
      authorId: leader.id,
      authorName: "测试leader",
      text: "月底前完成全部排查",
      reply: null,
      state: "unread",
      acknowledgedAt: null,
      repliedAt: null,
      createdAt: NOW.toISOString(),
      // The author may not answer their own instruction.
      answerable: false,
    });
    expect(rowOf(created.id)).toMatchObject({ authorId: leader.id, acknowledgedById: null });

    const bell = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, cadre.id))
      .all()
      .filter((n) => n.refId === created.id);
    expect(bell).toEqual([
      expect.objectContaining({
        kind: "instruction_received",
        taskId: task.id,
        body: "月底前完成全部排查",
        readAt: null,
      }),
    ]);
    expect(auditRowsOf(db, "instruction", created.id)).toEqual([
      expect.objectContaining({
        action: "create",
        actorId: leader.id,
        before: null,
        after: { taskId: task.id, text: "月底前完成全部排查" },
      }),
    ]);
  });

  it("refuses a cadre and an admin with 403, writing nothing", async () => {
    const task = newTask();
    const before = totals();
    for (const actor of [cadre, admin]) {
      const error = await refusal(instruct(actor, task.id, "加快进度"), "forbidden");
      expect(error.status).toBe(403);
    }
    expect(totals()).toEqual(before);
  });

  it("refuses an archived task (400) and a missing one (404)", async () => {
    const task = newTask("已归档任务");
    db.update(tasks).set({ archivedAt: new Date() }).where(eq(tasks.id, task.id)).run();
    const before = totals();
    const error = await refusal(instruct(leader, task.id, "加快进度"), "validation_failed");
    expect(error.fields).toEqual({ _: "validation.taskArchived" });
    await refusal(instruct(leader, 999_999, "加快进度"), "not_found");
    expect(totals()).toEqual(before);
  });

  it("refuses a task whose theme is archived, and no longer lists its open instructions", async () => {
    const task = insertTask(db, {
      projectId: archivedProjectId,
      title: "归档板块下的任务",
      ownerId: cadre.id,
      leadUnitId: office.unit.id,
    });
    const before = totals();
    const error = await refusal(instruct(leader, task.id, "加快进度"), "validation_failed");
    expect(error.fields).toEqual({ _: "validation.taskArchived" });
    expect(totals()).toEqual(before);
    db.insert(instructions).values({ taskId: task.id, authorId: leader.id, text: "旧批示" }).run();
    const open = await listOpenInstructionsFor(cadre);
    expect(open.map((i) => i.taskId)).not.toContain(task.id);
  });

  it("needs some text", () => {
    expect(instructionCreateSchema.safeParse({ text: "   " }).success).toBe(false);
    expect(instructionCreateSchema.safeParse({ text: "x".repeat(1001) }).success).toBe(false);
  });
});

describe("answerInstruction", () => {
  it("lets the owner acknowledge, then answer once; the first answer is kept", async () => {
    const task = newTask();
    const { id } = await instruct(leader, task.id, "请报送排查台账");

    const acknowledged = await answer(cadre, id);
    expect(acknowledged).toMatchObject({
      state: "acknowledged",
      acknowledgedAt: NOW.toISOString(),
      reply: null,
      repliedAt: null,
      answerable: true,
    });
    expect(rowOf(id).acknowledgedById).toBe(cadre.id);

    vi.setSystemTime(LATER);
    try {
      // A bare acknowledgement again changes nothing.
      const auditBefore = auditRowsOf(db, "instruction", id).length;
      const again = await answer(cadre, id, { reply: "" });
      expect(again).toEqual(acknowledged);
      expect(auditRowsOf(db, "instruction", id)).toHaveLength(auditBefore);

      const answered = await answer(cadre, id, { reply: "台账已报送，共排查 42 处" });
      expect(answered).toMatchObject({
        state: "answered",
        reply: "台账已报送，共排查 42 处",
        // Acknowledged when it was first acknowledged, answered now.
        acknowledgedAt: NOW.toISOString(),
        repliedAt: LATER.toISOString(),
        answerable: false,
      });

      const before = rowOf(id);
      const second = await refusal(answer(cadre, id, { reply: "改一下答复" }), "conflict");
      expect(second.status).toBe(409);
      expect(second.fields).toEqual({ reply: "validation.instructionAnswered" });
      expect(rowOf(id)).toEqual(before);
      // Nor does a bare acknowledgement touch an answered instruction.
      expect(await answer(cadre, id)).toMatchObject({
        state: "answered",
        reply: "台账已报送，共排查 42 处",
      });
      expect(rowOf(id)).toEqual(before);
    } finally {
      vi.setSystemTime(NOW);
    }

    expect(auditRowsOf(db, "instruction", id).map((r) => [r.action, r.before, r.after])).toEqual([
      ["create", null, { taskId: task.id, text: "请报送排查台账" }],
      ["answer", { acknowledged: false, reply: null }, { acknowledged: true, reply: null }],
      [
        "answer",
        { acknowledged: true, reply: null },
        { acknowledged: true, reply: "台账已报送，共排查 42 处" },
      ],
    ]);
  });

  it("acknowledges and answers at once when the answer comes with the acknowledgement", async () => {
    const task = newTask();
    const { id } = await instruct(leader, task.id, "抓紧整改");
    const answered = await answer(cadre, id, { reply: "已整改完毕" });
    expect(answered).toMatchObject({
      state: "answered",
      reply: "已整改完毕",
      acknowledgedAt: NOW.toISOString(),
      repliedAt: NOW.toISOString(),
    });
    expect(rowOf(id).acknowledgedById).toBe(cadre.id);
  });

  it("refuses anyone but the task's owner with 403, even a leader or a colleague", async () => {
    const task = newTask();
    const { id } = await instruct(leader, task.id, "抓紧整改");
    const before = rowOf(id);
    const auditBefore = totals().audit;
    for (const actor of [leader, otherLeader, admin, colleague]) {
      await refusal(answer(actor, id), "forbidden");
      await refusal(answer(actor, id, { reply: "代为答复" }), "forbidden");
    }
    expect(rowOf(id)).toEqual(before);
    expect(totals().audit).toBe(auditBefore);
    expect((await findInstruction(id, colleague))!.answerable).toBe(false);
    expect((await findInstruction(id, cadre))!.answerable).toBe(true);
  });

  it("is 404 for an instruction that does not exist", async () => {
    await refusal(answer(cadre, 999_999), "not_found");
  });
});

describe("listings", () => {
  it("lists a task's instructions newest first, each in its state", async () => {
    const task = newTask("列表任务");
    const first = await instruct(leader, task.id, "第一条");
    const second = await instruct(otherLeader, task.id, "第二条");
    const third = await instruct(leader, task.id, "第三条");
    await answer(cadre, first.id, { reply: "已办" });
    await answer(cadre, second.id);

    const listed = await listTaskInstructions(task.id, cadre);
    expect(listed.map((i) => [i.id, i.text, i.state, i.authorName, i.answerable])).toEqual([
      [third.id, "第三条", "unread", "测试leader", true],
      [second.id, "第二条", "acknowledged", "other-leader", true],
      [first.id, "第一条", "answered", "测试leader", false],
    ]);
    expect((await listTaskInstructions(task.id, leader)).every((i) => !i.answerable)).toBe(true);
    expect(await listTaskInstructions(999_999)).toEqual([]);
  });

  it("lists what waits for an owner's answer, and what a leader wrote", async () => {
    const owner = asActor(
      insertUser(db, { unitId: office.unit.id, role: "cadre", username: "owner" }),
    );
    const author = asActor(
      insertUser(db, { unitId: office.unit.id, role: "leader", username: "author" }),
    );
    const live = newTask("在办任务", owner.id);
    const archived = newTask("将归档任务", owner.id);
    const someoneElses = newTask("别人的任务");
    const unread = await instruct(author, live.id, "未签收");
    const acknowledged = await instruct(author, live.id, "已签收");
    const answered = await instruct(author, live.id, "已答复");
    const onArchived = await instruct(author, archived.id, "归档前");
    const notOwners = await instruct(author, someoneElses.id, "别人的");
    const byOther = await instruct(leader, live.id, "其他领导");
    await answer(owner, acknowledged.id);
    await answer(owner, answered.id, { reply: "办好了" });
    db.update(tasks).set({ archivedAt: new Date() }).where(eq(tasks.id, archived.id)).run();

    expect((await listOpenInstructionsFor(owner)).map((i) => [i.id, i.state])).toEqual([
      [byOther.id, "unread"],
      [acknowledged.id, "acknowledged"],
      [unread.id, "unread"],
    ]);
    expect((await listInstructionsBy(author)).map((i) => [i.id, i.state])).toEqual([
      [notOwners.id, "unread"],
      [onArchived.id, "unread"],
      [answered.id, "answered"],
      [acknowledged.id, "acknowledged"],
      [unread.id, "unread"],
    ]);
    expect(await listInstructionsBy(author, 2)).toHaveLength(2);
  });
});
