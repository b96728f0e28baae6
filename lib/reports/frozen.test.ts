import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { monthSnapshots } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  closeTestDatabase,
  insertOffice,
  insertPlan,
  openTestDatabase,
} from "@/lib/testing/database";
import { assertDateOpen, frozenThrough, isDateFrozen, monthPublished } from "./frozen";

let db: Db;
let office: ReturnType<typeof insertOffice>;
/** Nothing published. */
let fresh: number;
/** 2023-05 and 2023-08 published. */
let published: number;
/** 2023-11 published: another plan of the same year. */
let other: number;

/** Publishes a month of a plan (a 定稿 report), straight into the table. */
const publish = (planId: number, month: string) =>
  db
    .insert(monthSnapshots)
    .values({
      planId,
      month,
      content: {},
      publishedById: office.leader.id,
      publishedAt: new Date(),
    })
    .run();

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  fresh = insertPlan(db, { year: 2023, title: "未定稿" }).id;
  published = insertPlan(db, { year: 2023, title: "五月和八月已定稿" }).id;
  other = insertPlan(db, { year: 2023, title: "另一个计划" }).id;
  publish(published, "2023-05");
  publish(published, "2023-08");
  publish(other, "2023-11");
});

afterAll(closeTestDatabase);

describe("frozenThrough", () => {
  it("is the plan's latest published month, or null", () => {
    expect(frozenThrough(db, fresh)).toBeNull();
    expect(frozenThrough(db, published)).toBe("2023-08");
    expect(frozenThrough(db, other)).toBe("2023-11");
    expect(frozenThrough(db, 999_999)).toBeNull();
  });
});

describe("isDateFrozen", () => {
  it("freezes a published month, from its first day to its last", () => {
    for (const date of ["2023-08-01", "2023-08-15", "2023-08-31", "2023-05-01", "2023-05-31"]) {
      expect(isDateFrozen(db, published, date), date).toBe(true);
    }
  });

  it("freezes every earlier month too, unpublished ones between included", () => {
    for (const date of ["2023-01-01", "2023-04-30", "2023-06-15", "2023-07-31", "2022-12-31"]) {
      expect(isDateFrozen(db, published, date), date).toBe(true);
    }
  });

  it("leaves the months after the latest published one open", () => {
    for (const date of ["2023-09-01", "2023-09-30", "2023-12-31", "2024-01-01"]) {
      expect(isDateFrozen(db, published, date), date).toBe(false);
    }
  });

  it("freezes nothing of a plan by another plan's snapshot", () => {
    for (const date of ["2023-01-01", "2023-08-31", "2023-11-30"]) {
      expect(isDateFrozen(db, fresh, date), date).toBe(false);
    }
    // And the other plan's November freezes its own months only.
    expect(isDateFrozen(db, other, "2023-11-30")).toBe(true);
    expect(isDateFrozen(db, other, "2023-12-01")).toBe(false);
    expect(isDateFrozen(db, published, "2023-11-30")).toBe(false);
  });
});

describe("assertDateOpen and monthPublished", () => {
  it("throws 409 month_published on the date for a frozen date, nothing for an open one", () => {
    expect(() => assertDateOpen(db, published, "2023-09-01")).not.toThrow();
    expect(() => assertDateOpen(db, fresh, "2023-08-31")).not.toThrow();
    let thrown: unknown;
    try {
      assertDateOpen(db, published, "2023-07-10");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: "month_published",
      status: 409,
      fields: { date: "validation.monthPublished" },
      details: { reason: "published" },
    });
  });

  it("names an existing entry with `_`", () => {
    expect(monthPublished("_")).toMatchObject({
      code: "month_published",
      status: 409,
      fields: { _: "validation.entryPublished" },
    });
    expect(monthPublished().fields).toEqual({ date: "validation.monthPublished" });
  });
});
