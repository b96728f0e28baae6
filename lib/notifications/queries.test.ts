import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { notifications, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { fakeDateAt } from "@/lib/testing/clock";
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
import { listNotifications, markNotificationsRead } from "./queries";
import { raiseReminders } from "./reminders";
import { markReadSchema } from "./schemas";

// 10:00 in the office (Asia/Shanghai) on the day named.
const at = (date: string) => new Date(`${date}T02:00:00Z`);
const NOW = at("2023-06-20");

let db: Db;
let office: ReturnType<typeof insertOffice>;
let cadre: Actor;
let other: Actor;
let projectId: number;
let bellTaskId: number;

fakeDateAt(NOW);

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  cadre = asActor(office.cadre);
  other = asActor(insertUser(db, { unitId: office.unit.id, role: "cadre", username: "other" }));
  insertPlan(db, { year: 2022 });
  const planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  projectId = insertProject(db, { planId, title: "惠民生" }).id;
  // The cadre's one task is reported this month and far from due: it raises no reminder here.
  bellTaskId = insertTask(db, {
    projectId,
    title: "加装电梯",
    ownerId: cadre.id,
    leadUnitId: office.unit.id,
  }).id;
  insertEntry(db, { taskId: bellTaskId, authorId: cadre.id, entryDate: "2023-06-01" });
});

afterAll(closeTestDatabase);

const message = (userId: number, kind: string, createdAt: Date, body = "") =>
  db
    .insert(notifications)
    .values({
      userId,
      kind: kind as "urged",
      taskId: bellTaskId,
      refId: 7,
      body,
      createdAt,
      updatedAt: createdAt,
    })
    .returning()
    .get().id;

const readAtOf = (id: number) =>
  db.select().from(notifications).where(eq(notifications.id, id)).get()!.readAt;

describe("listNotifications and markNotificationsRead", () => {
  let mine: { urged: number; returned: number; instruction: number };
  let others: number;

  beforeAll(() => {
    mine = {
      returned: message(cadre.id, "entry_returned", at("2023-06-18"), "数据有误"),
      instruction: message(cadre.id, "instruction_received", at("2023-06-19"), "抓紧"),
      urged: message(cadre.id, "urged", at("2023-06-17"), "尽快报送"),
    };
    others = message(other.id, "urged", at("2023-06-19"));
  });

  it("lists a user's own messages newest first, with how many are unread", async () => {
    const bell = await listNotifications(cadre);
    expect(bell.unread).toBe(3);
    expect(bell.items).toEqual([
      {
        id: mine.instruction,
        kind: "instruction_received",
        taskId: bellTaskId,
        taskTitle: "加装电梯",
        refId: 7,
        body: "抓紧",
        read: false,
        createdAt: at("2023-06-19").toISOString(),
      },
      expect.objectContaining({ id: mine.returned, kind: "entry_returned", body: "数据有误" }),
      expect.objectContaining({ id: mine.urged, kind: "urged", body: "尽快报送" }),
    ]);
    expect((await listNotifications(cadre, 2)).items.map((i) => i.id)).toEqual([
      mine.instruction,
      mine.returned,
    ]);
  });

  it("marks some read: others' ids change nothing", async () => {
    const result = await markNotificationsRead(cadre, { ids: [mine.returned, others] });
    expect(result).toEqual({ unread: 2 });
    expect(readAtOf(mine.returned)).toEqual(NOW);
    expect(readAtOf(others)).toBeNull();
    expect(readAtOf(mine.urged)).toBeNull();
    const bell = await listNotifications(cadre);
    expect(bell.unread).toBe(2);
    expect(bell.items.map((i) => [i.id, i.read])).toEqual([
      [mine.instruction, false],
      [mine.returned, true],
      [mine.urged, false],
    ]);
    expect((await listNotifications(other)).unread).toBe(1);
  });

  it("marks all of the user's own read, keeping when each was first read", async () => {
    vi.setSystemTime(at("2023-06-21"));
    try {
      expect(await markNotificationsRead(cadre, { all: true })).toEqual({ unread: 0 });
    } finally {
      vi.setSystemTime(NOW);
    }
    expect(readAtOf(mine.returned)).toEqual(NOW);
    expect(readAtOf(mine.urged)).toEqual(at("2023-06-21"));
    expect(readAtOf(mine.instruction)).toEqual(at("2023-06-21"));
    expect(readAtOf(others)).toBeNull();
    expect((await listNotifications(cadre)).items.every((i) => i.read)).toBe(true);
    expect((await listNotifications(other)).unread).toBe(1);
  });

  it("takes some ids or all", () => {
    expect(markReadSchema.parse({ ids: [1, 2] })).toEqual({ ids: [1, 2] });
    expect(markReadSchema.parse({ all: true })).toEqual({ all: true });
    expect(markReadSchema.safeParse({ ids: [] }).success).toBe(false);
    expect(markReadSchema.safeParse({ all: false }).success).toBe(false);
    expect(markReadSchema.safeParse({}).success).toBe(false);
  });
});

describe("reminders", () => {
  let owner: Actor;
  const t = {} as Record<
    | "dueIn4"
    | "dueIn7"
    | "dueIn8"
    | "completed"
    | "overdue"
    | "notStarted"
    | "late"
    | "withdrawn"
    | "startsAfterDeadline",
    number
  >;

  beforeAll(() => {
    owner = asActor(insertUser(db, { unitId: office.unit.id, role: "cadre", username: "owner" }));
    const task = (title: string, dueDate: string, extra: object = {}) =>
      insertTask(db, {
        projectId,
        title,
        ownerId: owner.id,
        leadUnitId: office.unit.id,
        dueDate,
        ...extra,
      }).id;
    const entry = (taskId: number, entryDate: string, extra: object = {}) =>
      insertEntry(db, { taskId, authorId: owner.id, entryDate, ...extra });
    t.dueIn4 = task("七月一日到期", "2023-07-01");
    t.dueIn7 = task("七月四日到期", "2023-07-04");
    entry(t.dueIn7, "2023-06-10");
    t.dueIn8 = task("七月五日到期", "2023-07-05");
    // Only a returned entry this month: it does not count, so the month is not reported.
    entry(t.dueIn8, "2023-06-15", { reviewStatus: "returned", reviewReason: "重填" });
    t.completed = task("已完成", "2023-07-01", {
      status: "completed",
      completedOn: "2023-06-01",
    });
    t.overdue = task("已逾期", "2023-06-20");
    t.notStarted = task("未开始", "2023-09-30", { startDate: "2023-07-10" });
    // Begins after June's reporting day: its first entry is owed in July.
    t.startsAfterDeadline = task("月底才开始", "2023-12-31", { startDate: "2023-06-26" });
    t.late = task("月底才报", "2023-12-31");
    entry(t.late, "2023-06-26");
    t.withdrawn = task("撤回了", "2023-12-31");
    entry(t.withdrawn, "2023-06-05", { withdrawnAt: new Date() });
    // Neither another person's task nor an archived one reminds the owner.
    insertTask(db, {
      projectId,
      title: "别人的",
      ownerId: other.id,
      leadUnitId: office.unit.id,
      dueDate: "2023-06-28",
    });
    const archived = task("已归档", "2023-06-28");
    db.update(tasks).set({ archivedAt: new Date() }).where(eq(tasks.id, archived)).run();
  });

  const remindersOf = () =>
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, owner.id))
      .orderBy(notifications.id)
      .all()
      .map((n) => [n.kind, n.taskId, n.body]);

  it("on the reporting day: a task due within 7 days, and last month's missed entries", async () => {
    // 2023-06-25, the plan's reporting day (the 25th): June's deadline has not passed, so 未填报
    // is judged by May's (05-25): no counting entry since 05-01.
    vi.setSystemTime(at("2023-06-25"));
    try {
      const bell = await listNotifications(owner);
      const kinds = (kind: string) =>
        bell.items
          .filter((i) => i.kind === kind)
          .map((i) => [i.taskId, i.body])
          .sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(kinds("task_due_soon")).toEqual([[t.dueIn4, "2023-07-01"]]);
      // Not: due 07-04 (reported 06-10), begun 06-26 or 07-10, completed.
      expect(kinds("entry_missing")).toEqual(
        [t.dueIn4, t.dueIn8, t.overdue, t.late, t.withdrawn]
          .sort((a, b) => a - b)
          .map((id) => [id, "2023-05"]),
      );
      expect(bell.unread).toBe(6);
    } finally {
      vi.setSystemTime(NOW);
    }
  });

  it("after the reporting day: entry missing for tasks without a counting entry, each once", async () => {
    vi.setSystemTime(at("2023-06-27"));
    try {
      const before = remindersOf().length;
      await listNotifications(owner);
      const raised = remindersOf();
      const added = raised.slice(before);
      // Within 7 days of 06-27: due 07-04 (7 days), not 07-05 (8 days); 07-01 was raised already.
      expect(added.filter(([kind]) => kind === "task_due_soon")).toEqual([
        ["task_due_soon", t.dueIn7, "2023-07-04"],
      ]);
      // June's deadline (06-25) has passed: not the task reported on 06-26, nor the one begun then.
      expect(
        added
          .filter(([kind]) => kind === "entry_missing")
          .map(([, taskId, body]) => [taskId, body])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
      ).toEqual(
        [t.dueIn4, t.dueIn8, t.overdue, t.withdrawn]
          .sort((a, b) => a - b)
          .map((id) => [id, "2023-06"]),
      );
      expect(added).toHaveLength(5);

      // Reading the bell again, or raising again, adds nothing.
      const bell = await listNotifications(owner);
      await raiseReminders(owner);
      expect(remindersOf()).toEqual(raised);
      expect(bell.unread).toBe(before + 5);
      expect(new Set(bell.items.map((i) => i.kind))).toEqual(
        new Set(["task_due_soon", "entry_missing"]),
      );
    } finally {
      vi.setSystemTime(NOW);
    }
  });

  it("raises this month's entry missing again in a new month, never for a completed task", async () => {
    vi.setSystemTime(at("2023-07-26"));
    try {
      const before = remindersOf().length;
      await listNotifications(owner);
      const added = remindersOf().slice(before);
      expect(added.map(([, taskId]) => taskId)).not.toContain(t.completed);
      // Every open, begun task lacks a July entry now: the one started on 07-10 included, and the
      // one begun after June's reporting day, whose first entry was owed in July.
      expect(
        added
          .filter(([kind]) => kind === "entry_missing")
          .map(([, taskId, body]) => [taskId, body])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
      ).toEqual(
        [
          t.dueIn4,
          t.dueIn7,
          t.dueIn8,
          t.overdue,
          t.notStarted,
          t.late,
          t.withdrawn,
          t.startsAfterDeadline,
        ]
          .sort((a, b) => a - b)
          .map((id) => [id, "2023-07"]),
      );
      expect(added.filter(([kind]) => kind === "task_due_soon")).toEqual([]);
    } finally {
      vi.setSystemTime(NOW);
    }
  });
});
