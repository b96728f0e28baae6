import { closeDb, getDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { plans, units, users } from "@/db/schema";

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
