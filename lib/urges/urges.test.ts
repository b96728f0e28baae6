import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, notifications, tasks, urges } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { getTask, listTasks } from "@/lib/tasks/queries";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { urgeCreateSchema } from "./schemas";
import { listTaskUrges, urgeCounts, urgeTask } from "./urges";

const NOW = new Date("2023-06-30T02:00:00Z");

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
  projectId = insertProject(db, { planId, title: "壮队伍" }).id;
});

afterAll(closeTestDatabase);

const newTask = (title = "党员教育培训", extra: object = {}) =>
  insertTask(db, { projectId, title, ownerId: cadre.id, leadUnitId: office.unit.id, ...extra });

const urge = (actor: Actor, taskId: number, value: Record<string, unknown> = {}) =>
  urgeTask(actor, taskId, urgeCreateSchema.parse(value));

const totals = () => ({
  urges: db.select({ n: count() }).from(urges).get()!.n,
  notifications: db.select({ n: count() }).from(notifications).get()!.n,
  audit: db.select({ n: count() }).from(auditLog).get()!.n,
});

describe("urgeTask", () => {
  it("lets a leader urge the owner, who is notified; the task's count goes up", async () => {
    const task = newTask();
    const first = await urge(leader, task.id, { message: "  本周内报送进展 " });
    expect(first).toEqual({
      id: expect.any(Number),
      taskId: task.id,
      message: "本周内报送进展",
      count: 1,
    });
    expect(db.select().from(urges).where(eq(urges.id, first.id)).get()).toMatchObject({
      taskId: task.id,
      authorId: leader.id,
      recipientId: cadre.id,
      message: "本周内报送进展",
      createdAt: NOW,
    });
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.refId, first.id))
        .all()
        .filter((n) => n.kind === "urged"),
    ).toEqual([
      expect.objectContaining({
        userId: cadre.id,
        taskId: task.id,
        body: "本周内报送进展",
        readAt: null,
      }),
    ]);
    expect(auditRowsOf(db, "urge", first.id)).toEqual([
      expect.objectContaining({
        action: "create",
        actorId: leader.id,
        after: { taskId: task.id, recipientId: cadre.id, message: "本周内报送进展" },
      }),
    ]);

    // Without a message: one click.
    const second = await urge(leader, task.id);
    expect(second).toMatchObject({ taskId: task.id, message: "", count: 2 });
    expect((await getTask(task.id, "2023-06-30")).urgeCount).toBe(2);
  });

  it("refuses a cadre and an admin with 403, writing nothing", async () => {
    const task = newTask();
    const before = totals();
    for (const actor of [cadre, admin]) {
      const error = await refusal(urge(actor, task.id, { message: "快" }), "forbidden");
      expect(error.status).toBe(403);
    }
    expect(totals()).toEqual(before);
  });

  it("refuses a completed task (409), an archived one (400) and a missing one (404)", async () => {
    const completed = newTask("已完成任务", { status: "completed", completedOn: "2023-06-01" });
    const archived = newTask("已归档任务");
    db.update(tasks).set({ archivedAt: new Date() }).where(eq(tasks.id, archived.id)).run();
    const before = totals();
    const done = await refusal(urge(leader, completed.id), "conflict");
    expect(done.fields).toEqual({ _: "validation.urgeCompleted" });
    const gone = await refusal(urge(leader, archived.id), "validation_failed");
    expect(gone.fields).toEqual({ _: "validation.taskArchived" });
    await refusal(urge(leader, 999_999), "not_found");
    expect(totals()).toEqual(before);
  });

  it("refuses a task whose theme is archived (400)", async () => {
    const theme = insertProject(db, { planId, title: "已归档板块", archivedAt: new Date() });
    const task = newTask("归档板块下的任务", { projectId: theme.id });
    const before = totals();
    const error = await refusal(urge(leader, task.id), "validation_failed");
    expect(error.fields).toEqual({ _: "validation.taskArchived" });
    expect(totals()).toEqual(before);
  });

  it("takes a message of at most 200 characters", () => {
    expect(urgeCreateSchema.safeParse({ message: "催".repeat(200) }).success).toBe(true);
    expect(urgeCreateSchema.safeParse({ message: "催".repeat(201) }).success).toBe(false);
  });
});

describe("urgeCounts and listTaskUrges", () => {
  it("counts urges per task and lists a task's urges newest first", async () => {
    const a = newTask("甲");
    const b = newTask("乙");
    const never = newTask("丙");
    vi.setSystemTime(new Date("2023-06-28T02:00:00Z"));
    const oldest = await urge(leader, a.id, { message: "第一次" });
    vi.setSystemTime(new Date("2023-06-29T02:00:00Z"));
    const middle = await urge(leader, a.id, { message: "第二次" });
    await urge(leader, b.id);
    vi.setSystemTime(NOW);
    const newest = await urge(leader, a.id, { message: "第三次" });
    expect(newest.count).toBe(3);

    expect(urgeCounts([a.id, b.id, never.id])).toEqual(
      new Map([
        [a.id, 3],
        [b.id, 1],
      ]),
    );
    expect(urgeCounts([])).toEqual(new Map());

    const listed = await listTaskUrges(a.id);
    expect(listed).toEqual([
      {
        id: newest.id,
        taskId: a.id,
        authorName: "测试leader",
        recipientName: "测试cadre",
        message: "第三次",
        createdAt: NOW.toISOString(),
      },
      expect.objectContaining({
        id: middle.id,
        message: "第二次",
        createdAt: "2023-06-29T02:00:00.000Z",
      }),
      expect.objectContaining({
        id: oldest.id,
        message: "第一次",
        createdAt: "2023-06-28T02:00:00.000Z",
      }),
    ]);
    expect(await listTaskUrges(never.id)).toEqual([]);

    const { items } = await listTasks(leader, { planId, asOf: "2023-06-30", limit: 1000 });
    const countOf = (id: number) => items.find((t) => t.id === id)!.urgeCount;
    expect([countOf(a.id), countOf(b.id), countOf(never.id)]).toEqual([3, 1, 0]);
  });
});
