import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, count, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import {
  indicatorReadings,
  indicators,
  instructions,
  notifications,
  plans,
  progressEntries,
  projects,
  taskCoUnits,
  tasks,
  units,
  urges,
  users,
} from "@/db/schema";
import {
  indicatorProgress,
  taskLight,
  taskProgress,
  timeProgress,
  type Light,
} from "@/lib/progress";
import { BAIYANG_PROJECTS } from "./baiyang-2023";
import { generateProgressHistory } from "./progress-history";
import {
  DEMO_ACCOUNTS,
  DEMO_AS_OF,
  DEMO_PASSWORD,
  seedDemo,
  type SeedDemoResult,
} from "./seed-demo";

const hashPassword = async (plain: string) => `test:${plain}`;

interface TempDb {
  db: Db;
  close: () => void;
}

const tempDirs: string[] = [];
const opened: TempDb[] = [];

function freshDatabase(): TempDb {
  const dir = mkdtempSync(path.join(tmpdir(), "street-goals-seed-"));
  tempDirs.push(dir);
  const { db, sqlite } = openDatabase(path.join(dir, "seed.db"));
  migrateDatabase(db);
  const handle = { db, close: () => sqlite.close() };
  opened.push(handle);
  return handle;
}

afterAll(() => {
  for (const handle of opened) handle.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tableCounts(db: Db) {
  const n = (table: SQLiteTable) => db.select({ n: count() }).from(table).get()?.n ?? 0;
  return {
    units: n(units),
    users: n(users),
    plans: n(plans),
    projects: n(projects),
    tasks: n(tasks),
    taskCoUnits: n(taskCoUnits),
    indicators: n(indicators),
    progressEntries: n(progressEntries),
    indicatorReadings: n(indicatorReadings),
    instructions: n(instructions),
    urges: n(urges),
  };
}

/** Every seeded row that matters, without its timestamps. */
function dump(db: Db) {
  const TIMESTAMPS = new Set(["createdAt", "updatedAt", "reviewedAt"]);
  const strip = (row: object) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => !TIMESTAMPS.has(key)));
  return {
    tasks: db.select().from(tasks).orderBy(asc(tasks.id)).all().map(strip),
    coUnits: db
      .select()
      .from(taskCoUnits)
      .orderBy(asc(taskCoUnits.taskId), asc(taskCoUnits.unitId))
      .all(),
    indicators: db.select().from(indicators).orderBy(asc(indicators.id)).all().map(strip),
    entries: db.select().from(progressEntries).orderBy(asc(progressEntries.id)).all().map(strip),
    readings: db
      .select()
      .from(indicatorReadings)
      .orderBy(asc(indicatorReadings.id))
      .all()
      .map(strip),
  };
}

describe("seedDemo", () => {
  let db: Db;
  let result: SeedDemoResult;

  beforeAll(async () => {
    db = freshDatabase().db;
    result = await seedDemo(db, { hashPassword });
  });

  it("reports what it wrote", () => {
    expect(result.seeded).toBe(true);
    const counts = tableCounts(db);
    expect(result).toMatchObject({
      units: counts.units,
      users: counts.users,
      plans: 1,
      projects: 5,
      tasks: counts.tasks,
      indicators: counts.indicators,
      progressEntries: counts.progressEntries,
      indicatorReadings: counts.indicatorReadings,
      instructions: counts.instructions,
      urges: counts.urges,
    });
  });

  it("seeds instructions in every state and urges on the red tasks, each announced in the bell", () => {
    const rows = db.select().from(instructions).all();
    const states = rows.map((r) =>
      r.repliedAt ? "answered" : r.acknowledgedAt ? "acknowledged" : "unread",
    );
    expect(states.sort()).toEqual(["acknowledged", "answered", "unread"]);
    const cadre = db.select().from(users).where(eq(users.username, "cadre")).get()!;
    const unread = rows.find((r) => r.acknowledgedAt === null)!;
    const unreadTask = db.select().from(tasks).where(eq(tasks.id, unread.taskId)).get()!;
    expect(unreadTask.ownerId).toBe(cadre.id);

    const urged = db.select().from(urges).all();
    expect(urged.length).toBeGreaterThan(0);
    for (const urge of urged) {
      const task = db.select().from(tasks).where(eq(tasks.id, urge.taskId)).get()!;
      expect(urge.recipientId).toBe(task.ownerId);
    }
    const bell = db.select().from(notifications).all();
    expect(bell.filter((n) => n.kind === "urged")).toHaveLength(urged.length);
    expect(bell.filter((n) => n.kind === "instruction_received")).toHaveLength(rows.length);
    // Only the unread instruction is unread among instruction messages.
    expect(bell.filter((n) => n.kind === "instruction_received" && n.readAt === null)).toHaveLength(
      1,
    );
  });

  it("writes the 2023 plan as the current plan", () => {
    const all = db.select().from(plans).all();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      year: 2023,
      title: "白杨街道2023年工作计划",
      startDate: "2023-01-01",
      endDate: "2023-12-31",
      reportingDay: 25,
      greenMaxGap: 10,
      yellowMaxGap: 30,
      timeZone: "Asia/Shanghai",
      isCurrent: true,
    });
  });

  it("writes the five themes in order, each with a lead leader", () => {
    const rows = db.select().from(projects).orderBy(asc(projects.position)).all();
    expect(rows.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
    ["讲政治", "抓经济", "惠民生", "守平安", "壮队伍"].forEach((word, i) => {
      expect(rows[i]?.title).toContain(word);
      expect(rows[i]?.description.length).toBeGreaterThan(10);
    });
    const leaders = new Map(
      db
        .select()
        .from(users)
        .all()
        .map((u) => [u.id, u]),
    );
    for (const project of rows) {
      expect(project.leadLeaderId).not.toBeNull();
      expect(leaders.get(project.leadLeaderId!)?.role).toBe("leader");
    }
  });

  it("gives every task a lead unit, an owner in that unit, dates within the plan and a weight", () => {
    const all = db.select().from(tasks).all();
    expect(all.length).toBeGreaterThanOrEqual(35);
    const userById = new Map(
      db
        .select()
        .from(users)
        .all()
        .map((u) => [u.id, u]),
    );
    for (const task of all) {
      const owner = userById.get(task.ownerId);
      expect(owner, task.title).toBeDefined();
      expect(owner?.unitId, task.title).toBe(task.leadUnitId);
      expect(task.startDate >= "2023-01-01" && task.startDate <= task.dueDate).toBe(true);
      expect(task.dueDate <= "2023-12-31").toBe(true);
      expect(task.weight).toBeGreaterThan(0);
      expect(task.title.length, task.title).toBeLessThanOrEqual(30);
      expect(task.description.length).toBeGreaterThan(0);
      if (task.status === "blocked") expect(task.blockedReason).toBeTruthy();
    }
    // A short task and a late-starting one exist.
    const charity = all.find((t) => t.title.includes("慈善分会"));
    expect(charity?.dueDate).toBe("2023-03-31");
    expect(all.some((t) => t.startDate > "2023-06-30")).toBe(true);
    expect(all.some((t) => t.title.includes("亚运") && t.dueDate < "2023-09-23")).toBe(true);
  });

  it("creates the indicators the text names, with sensible numbers", () => {
    const all = db.select().from(indicators).all();
    const named = (word: string) => all.filter((i) => i.name.includes(word));

    const estates = all.filter(
      (i) =>
        i.name.includes("华顺公寓") || i.name.includes("东海未名园") || i.name.includes("邻里中心"),
    );
    const estateTarget = estates.reduce((sum, i) => sum + (i.target - i.baseline), 0);
    expect(estateTarget).toBe(3);
    expect(estates.map((i) => i.name).join()).toMatch(/华顺公寓[\s\S]*东海未名园[\s\S]*邻里中心/);

    expect(named("电梯").length).toBeGreaterThan(0);
    expect(named("托位").length).toBeGreaterThan(0);
    expect(named("停车泊位").length).toBeGreaterThan(0);

    const intents = all.find((i) => i.name.includes("置换意向"));
    expect(intents).toMatchObject({ baseline: 312, target: 604, direction: "increase" });
    const swapped = all.find((i) => i.name.includes("置换业主"));
    expect(swapped).toMatchObject({ baseline: 283, target: 312, direction: "increase" });
    const pugongying = db
      .select()
      .from(tasks)
      .all()
      .find((t) => t.title.includes("蒲公英"));
    expect(pugongying?.id).toBe(intents?.taskId);
    expect(pugongying?.id).toBe(swapped?.taskId);

    expect(all.some((i) => i.direction === "decrease" && i.target < i.baseline)).toBe(true);
    expect(all.some((i) => i.decimals > 0)).toBe(true);
    for (const i of all) {
      expect(i.weight).toBeGreaterThan(0);
      expect(i.target).not.toBe(i.baseline);
      if (i.direction === "increase") expect(i.target).toBeGreaterThan(i.baseline);
    }

    // About half the tasks have indicators.
    const withIndicators = new Set(all.map((i) => i.taskId)).size;
    const taskCount = db.select({ n: count() }).from(tasks).get()!.n;
    expect(withIndicators / taskCount).toBeGreaterThan(0.4);
    expect(withIndicators / taskCount).toBeLessThan(0.9);
  });

  it("creates the accounts: admin, leader, cadre and one head per unit", () => {
    const allUsers = db.select().from(users).all();
    const allUnits = db.select().from(units).all();
    const unitById = new Map(allUnits.map((u) => [u.id, u]));
    const byName = new Map(allUsers.map((u) => [u.username, u]));

    expect(byName.get("admin")).toMatchObject({ role: "admin" });
    expect(unitById.get(byName.get("admin")!.unitId)?.name).toBe("党政办公室");
    expect(byName.get("leader")).toMatchObject({ role: "leader", title: "街道主任" });

    const cadre = byName.get("cadre")!;
    expect(cadre.role).toBe("cadre");
    expect(unitById.get(cadre.unitId)?.type).toBe("community");
    const cadreTasks = db
      .select()
      .from(tasks)
      .all()
      .filter((t) => t.ownerId === cadre.id);
    expect(cadreTasks.length).toBeGreaterThanOrEqual(3);
    const indicatorTaskIds = new Set(
      db
        .select()
        .from(indicators)
        .all()
        .map((i) => i.taskId),
    );
    expect(cadreTasks.some((t) => indicatorTaskIds.has(t.id))).toBe(true);

    for (const user of allUsers) {
      expect(user.username).toMatch(/^[a-z]+$/);
      expect(user.passwordHash).toBe(`test:${DEMO_PASSWORD}`);
      expect(user.active).toBe(true);
    }

    // Exactly one head per unit: leaders for the leadership unit, 主任/队长/书记 elsewhere.
    const isHead = (title: string | null) =>
      /^(主任|队长|社区党委书记|党工委书记)$/.test(title ?? "");
    for (const unit of allUnits) {
      const heads = allUsers.filter((u) => u.unitId === unit.id && isHead(u.title));
      expect(heads, unit.name).toHaveLength(1);
      if (unit.type !== "other") expect(heads[0]?.role).toBe("cadre");
    }

    expect(DEMO_ACCOUNTS.map((a) => a.username).sort()).toEqual(
      allUsers.map((u) => u.username).sort(),
    );
  });

  it("has the departments, the leadership and the communities the text names", () => {
    const allUnits = db.select().from(units).all();
    const byName = new Map(allUnits.map((u) => [u.name, u]));
    for (const name of ["邻里", "闻潮", "大北", "美达", "江潮", "观澜", "凌云", "江滨花园"]) {
      expect(byName.get(`${name}社区`)?.type, name).toBe("community");
    }
    expect(allUnits.filter((u) => u.type === "department").length).toBeGreaterThanOrEqual(8);
    expect(allUnits.filter((u) => u.type === "other").map((u) => u.name)).toEqual(["街道领导班子"]);
    expect(new Set(allUnits.map((u) => u.position)).size).toBe(allUnits.length);
  });

  it("dates the history within each task's period and up to 2023-11-30", () => {
    const taskById = new Map(
      db
        .select()
        .from(tasks)
        .all()
        .map((t) => [t.id, t]),
    );
    const projectById = new Map(
      db
        .select()
        .from(projects)
        .all()
        .map((p) => [p.id, p]),
    );
    const entries = db.select().from(progressEntries).all();
    expect(entries.length).toBeGreaterThan(200);
    for (const entry of entries) {
      const task = taskById.get(entry.taskId)!;
      expect(entry.entryDate <= DEMO_AS_OF).toBe(true);
      expect(entry.entryDate >= task.startDate).toBe(true);
      expect(entry.authorId).toBe(task.ownerId);
      const day = Number(entry.entryDate.slice(8));
      expect(day >= 18 && day <= 24).toBe(true);
      // 18:00 in Asia/Shanghai on the entry's date.
      expect(entry.createdAt.toISOString()).toBe(`${entry.entryDate}T10:00:00.000Z`);
      if (entry.entryDate < "2023-11-01") {
        expect(entry.reviewStatus).toBe("approved");
        expect(entry.reviewedById).toBe(projectById.get(task.projectId)?.leadLeaderId);
        expect(entry.reviewedAt).not.toBeNull();
      } else {
        expect(entry.reviewStatus).toBe("pending");
        expect(entry.reviewedById).toBeNull();
      }
      if (entry.percent !== null) expect(entry.percent >= 0 && entry.percent <= 100).toBe(true);
      expect(entry.note.length).toBeGreaterThan(0);
    }
  });

  it("records readings only of the entry's task's indicators, rising toward their targets", () => {
    const entries = new Map(
      db
        .select()
        .from(progressEntries)
        .all()
        .map((e) => [e.id, e]),
    );
    const inds = new Map(
      db
        .select()
        .from(indicators)
        .all()
        .map((i) => [i.id, i]),
    );
    const readings = db.select().from(indicatorReadings).all();
    expect(readings.length).toBeGreaterThan(100);

    const history = new Map<number, { date: string; value: number }[]>();
    for (const reading of readings) {
      const entry = entries.get(reading.entryId)!;
      const indicator = inds.get(reading.indicatorId)!;
      expect(indicator.taskId).toBe(entry.taskId);
      expect(entry.percent).toBeNull();
      const factor = 10 ** indicator.decimals;
      expect(Math.round(reading.value * factor) / factor).toBe(reading.value);
      const [low, high] = [indicator.baseline, indicator.target].sort((a, b) => a - b) as [
        number,
        number,
      ];
      expect(reading.value >= low && reading.value <= high).toBe(true);
      const list = history.get(indicator.id) ?? [];
      list.push({ date: entry.entryDate, value: reading.value });
      history.set(indicator.id, list);
    }
    for (const [id, list] of history) {
      const indicator = inds.get(id)!;
      list.sort((a, b) => a.date.localeCompare(b.date));
      for (let i = 1; i < list.length; i++) {
        const [prev, cur] = [list[i - 1]!.value, list[i]!.value];
        if (indicator.direction === "increase") expect(cur).toBeGreaterThanOrEqual(prev);
        else expect(cur).toBeLessThanOrEqual(prev);
      }
    }
    // Entries of tasks without indicators carry a percent.
    const taskIdsWithIndicators = new Set([...inds.values()].map((i) => i.taskId));
    for (const entry of entries.values()) {
      if (!taskIdsWithIndicators.has(entry.taskId)) expect(entry.percent).not.toBeNull();
    }
  });

  it("shows a realistic mix of lights as of 2023-11-30", () => {
    const asOf = DEMO_AS_OF;
    const plan = db.select().from(plans).get()!;
    const thresholds = { greenMaxGap: plan.greenMaxGap, yellowMaxGap: plan.yellowMaxGap };
    const allTasks = db.select().from(tasks).all();
    const inds = db.select().from(indicators).all();
    const entries = db
      .select()
      .from(progressEntries)
      .all()
      .filter((e) => e.withdrawnAt === null && e.reviewStatus !== "returned" && e.entryDate <= asOf)
      .sort((a, b) => a.entryDate.localeCompare(b.entryDate) || a.id - b.id);
    const entryById = new Map(entries.map((e) => [e.id, e]));
    const readings = db
      .select()
      .from(indicatorReadings)
      .all()
      .filter((r) => entryById.has(r.entryId));

    const lights: Record<Light, string[]> = { green: [], yellow: [], red: [], blue: [] };
    const notStarted: string[] = [];
    for (const task of allTasks) {
      const taskEntries = entries.filter((e) => e.taskId === task.id);
      if (task.status === "not_started") {
        expect(taskEntries, task.title).toHaveLength(0);
        notStarted.push(task.title);
      }
      const indicatorInputs = inds
        .filter((i) => i.taskId === task.id)
        .map((indicator) => {
          const latest = readings
            .filter((r) => r.indicatorId === indicator.id)
            .map((r) => ({ r, date: entryById.get(r.entryId)!.entryDate }))
            .sort((a, b) => a.date.localeCompare(b.date))
            .at(-1);
          return {
            weight: indicator.weight,
            progress: indicatorProgress(indicator, latest ? latest.r.value : null),
          };
        });
      const percent = taskEntries.at(-1)?.percent ?? null;
      const progress = taskProgress({ status: task.status, indicators: indicatorInputs, percent });
      if (task.status === "completed") {
        expect(indicatorInputs.every((i) => i.progress === 1)).toBe(true);
        if (indicatorInputs.length === 0) expect(percent).toBe(100);
      }
      const light = taskLight({
        status: task.status,
        progress,
        timeProgress: timeProgress(task.startDate, task.dueDate, asOf),
        dueDate: task.dueDate,
        asOf,
        thresholds,
      });
      lights[light].push(task.title);
    }

    expect(lights.blue.length).toBeGreaterThanOrEqual(4);
    expect(lights.green.length).toBeGreaterThan(allTasks.length / 2);
    expect(lights.yellow.length).toBeGreaterThanOrEqual(3);
    expect(lights.red.length).toBeGreaterThanOrEqual(3);
    expect(notStarted.length).toBeGreaterThanOrEqual(2);
    expect(allTasks.filter((t) => t.status === "blocked")).toHaveLength(1);
  });

  it("does nothing on a database that is not empty", async () => {
    const before = tableCounts(db);
    const again = await seedDemo(db, { hashPassword });
    expect(again.seeded).toBe(false);
    expect(tableCounts(db)).toEqual(before);
  });

  it("writes the same rows into two fresh databases", async () => {
    const a = freshDatabase().db;
    const b = freshDatabase().db;
    await seedDemo(a, { hashPassword });
    await seedDemo(b, { hashPassword });
    expect(dump(a)).toEqual(dump(b));
    expect(dump(a)).toEqual(dump(db));
  });
});

describe("generateProgressHistory", () => {
  it("is deterministic and keeps every task's history within its period", () => {
    for (const project of BAIYANG_PROJECTS) {
      for (const task of project.tasks) {
        const first = generateProgressHistory(task);
        expect(generateProgressHistory(task)).toEqual(first);
        for (const entry of first.entries) {
          expect(entry.entryDate >= task.startDate && entry.entryDate <= DEMO_AS_OF).toBe(true);
          expect(entry.readings).toHaveLength(task.indicators.length);
        }
        if (task.profile.kind === "completed") {
          expect(first.status).toBe("completed");
          expect(first.entries.at(-1)!.entryDate <= task.dueDate).toBe(true);
        }
      }
    }
  });
});
