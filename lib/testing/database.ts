import { and, eq, max } from "drizzle-orm";
import { closeDb, getDb, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/policy";
import { migrateDatabase } from "@/db/migrate";
import {
  auditLog,
  indicatorReadings,
  indicators,
  plans,
  progressEntries,
  projects,
  taskCoUnits,
  tasks,
  units,
  users,
  type Role,
  type UnitType,
} from "@/db/schema";

/**
 * The test file's own SQLite file (see vitest-setup.ts), migrated. Call in beforeAll; call
 * `closeTestDatabase` in afterAll.
 */
export function openTestDatabase(): Db {
  const db = getDb();
  migrateDatabase(db);
  return db;
}

export const closeTestDatabase = closeDb;

/** A user row as the policy sees it. */
export function asActor(user: { id: number; role: Role; unitId: number }): Actor {
  return { id: user.id, role: user.role, unitId: user.unitId };
}

/** A minimal office: one unit and one user per role (password hashes are supplied by the test). */
export function insertOffice(db: Db, passwordHash = "unused") {
  const unit = db.insert(units).values({ name: "测试社区", type: "community" }).returning().get();
  const [admin, leader, cadre] = (["admin", "leader", "cadre"] as const).map((role) =>
    db
      .insert(users)
      .values({
        username: `t-${role}`,
        displayName: `测试${role}`,
        unitId: unit.id,
        role,
        passwordHash,
      })
      .returning()
      .get(),
  );
  return { unit, admin: admin!, leader: leader!, cadre: cadre! };
}

export function insertPlan(db: Db, values: Partial<typeof plans.$inferInsert> & { year: number }) {
  return db
    .insert(plans)
    .values({
      title: `${values.year}年工作计划`,
      startDate: `${values.year}-01-01`,
      endDate: `${values.year}-12-31`,
      ...values,
    })
    .returning()
    .get();
}

export function insertUnit(db: Db, name: string, type: UnitType = "department") {
  return db.insert(units).values({ name, type }).returning().get();
}

export function insertUser(
  db: Db,
  values: { unitId: number; role: Role; username: string; displayName?: string },
) {
  return db
    .insert(users)
    .values({ displayName: values.username, passwordHash: "unused", ...values })
    .returning()
    .get();
}

/** A project at the end of its plan unless a position is given. */
export function insertProject(
  db: Db,
  values: Partial<typeof projects.$inferInsert> & { planId: number },
) {
  const last = db
    .select({ position: max(projects.position) })
    .from(projects)
    .where(eq(projects.planId, values.planId))
    .get();
  return db
    .insert(projects)
    .values({ position: (last?.position ?? 0) + 1, title: "板块", ...values })
    .returning()
    .get();
}

export type TestIndicator = Partial<Omit<typeof indicators.$inferInsert, "taskId">> & {
  target: number;
};

/**
 * A task at the end of its project unless a position is given, with its co-units and indicators
 * (written straight to the tables: no audit rows, no checks beyond the database's).
 */
export function insertTask(
  db: Db,
  values: Partial<typeof tasks.$inferInsert> & {
    projectId: number;
    ownerId: number;
    leadUnitId: number;
    coUnitIds?: number[];
    indicators?: TestIndicator[];
  },
) {
  const { coUnitIds = [], indicators: indicatorValues = [], ...taskValues } = values;
  const last = db
    .select({ position: max(tasks.position) })
    .from(tasks)
    .where(eq(tasks.projectId, values.projectId))
    .get();
  const task = db
    .insert(tasks)
    .values({
      position: (last?.position ?? 0) + 1,
      title: "任务",
      startDate: "2023-01-01",
      dueDate: "2023-12-31",
      ...taskValues,
    })
    .returning()
    .get();
  for (const unitId of coUnitIds) db.insert(taskCoUnits).values({ taskId: task.id, unitId }).run();
  const indicatorRows = indicatorValues.map((indicator, i) =>
    db
      .insert(indicators)
      .values({
        name: `指标${i + 1}`,
        measureUnit: "个",
        position: i + 1,
        ...indicator,
        taskId: task.id,
      })
      .returning()
      .get(),
  );
  return { ...task, indicators: indicatorRows };
}

/** A progress entry with its indicator readings (`indicatorId → cumulative value`). */
export function insertEntry(
  db: Db,
  values: Partial<typeof progressEntries.$inferInsert> & {
    taskId: number;
    authorId: number;
    entryDate: string;
    readings?: Record<number, number>;
  },
) {
  const { readings = {}, ...entryValues } = values;
  const entry = db
    .insert(progressEntries)
    .values({ note: "进展", ...entryValues })
    .returning()
    .get();
  for (const [indicatorId, value] of Object.entries(readings)) {
    db.insert(indicatorReadings)
      .values({ entryId: entry.id, indicatorId: Number(indicatorId), value })
      .run();
  }
  return entry;
}

/** The audit rows of one thing, oldest first. */
export function auditRowsOf(db: Db, entityType: string, entityId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id)
    .all();
}
