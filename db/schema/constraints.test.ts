import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { plans, projects, tasks, users } from "@/db/schema";
import {
  closeTestDatabase,
  insertOffice,
  insertPlan,
  openTestDatabase,
} from "@/lib/testing/database";

// The database refuses what no code path should ever write, even if a bug tries.
let db: Db;
let office: ReturnType<typeof insertOffice>;
let projectId: number;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  const plan = insertPlan(db, { year: 2023, isCurrent: true });
  projectId = db
    .insert(projects)
    .values({ planId: plan.id, position: 1, title: "讲政治" })
    .returning()
    .get().id;
});

afterAll(closeTestDatabase);

const task = (values: Partial<typeof tasks.$inferInsert>) =>
  db
    .insert(tasks)
    .values({
      projectId,
      position: 1,
      title: "任务",
      ownerId: office.cadre.id,
      leadUnitId: office.unit.id,
      startDate: "2023-01-01",
      dueDate: "2023-12-31",
      ...values,
    })
    .run();

describe("schema constraints", () => {
  it("accepts a well-formed task", () => {
    expect(() => task({})).not.toThrow();
  });

  it("refuses dates that are not YYYY-MM-DD, and periods that end before they start", () => {
    expect(() => task({ dueDate: "2023/12/31" })).toThrow(/CHECK constraint failed/);
    expect(() => task({ startDate: "2023-1-1" })).toThrow(/CHECK constraint failed/);
    expect(() => task({ startDate: "2023-06-01", dueDate: "2023-05-01" })).toThrow(
      /tasks_period_check/,
    );
  });

  it("refuses unknown statuses and non-positive weights", () => {
    expect(() => task({ status: "done" as never })).toThrow(/tasks_status_check/);
    expect(() => task({ weight: 0 })).toThrow(/tasks_weight_check/);
  });

  it("refuses a task whose owner or unit does not exist", () => {
    expect(() => task({ ownerId: 999_999 })).toThrow(/FOREIGN KEY/);
  });

  it("keeps usernames lower case, and unique", () => {
    const user = (username: string) =>
      db
        .insert(users)
        .values({
          username,
          displayName: "x",
          unitId: office.unit.id,
          role: "cadre",
          passwordHash: "x",
        })
        .run();
    expect(() => user("ZhangSan")).toThrow(/users_username_check/);
    expect(() => user(" zhang")).toThrow(/users_username_check/);
    user("zhangsan");
    expect(() => user("zhangsan")).toThrow(/UNIQUE/);
  });

  it("allows only one current plan", () => {
    expect(() => insertPlan(db, { year: 2024, isCurrent: true })).toThrow(/UNIQUE/);
    expect(() => insertPlan(db, { year: 2024 })).not.toThrow();
    expect(
      db
        .select()
        .from(plans)
        .all()
        .filter((p) => p.isCurrent),
    ).toHaveLength(1);
  });
});
