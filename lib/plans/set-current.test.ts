import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, plans } from "@/db/schema";
import {
  asActor,
  auditRowsOf,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { getCurrentPlan } from "./queries";
import { setCurrentPlan } from "./set-current";

let db: Db;
let office: ReturnType<typeof insertOffice>;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
});

afterAll(closeTestDatabase);

const currentIds = () =>
  db
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.isCurrent, true))
    .all()
    .map((r) => r.id);
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

describe("setCurrentPlan", () => {
  it("makes a plan current and the old one not, with an audit row on each", async () => {
    const old = insertPlan(db, { year: 2023, isCurrent: true });
    const next = insertPlan(db, { year: 2024 });
    const admin = asActor(office.admin);

    const result = await setCurrentPlan(admin, next.id);
    expect(result).toMatchObject({ id: next.id, year: 2024, isCurrent: true, version: 1 });
    expect(currentIds()).toEqual([next.id]);
    expect((await getCurrentPlan())?.id).toBe(next.id);
    expect(auditRowsOf(db, "plan", old.id)).toEqual([
      expect.objectContaining({
        action: "update",
        actorId: admin.id,
        before: { isCurrent: true },
        after: { isCurrent: false },
      }),
    ]);
    expect(auditRowsOf(db, "plan", next.id)).toEqual([
      expect.objectContaining({
        action: "update",
        actorId: admin.id,
        before: { isCurrent: false },
        after: { isCurrent: true },
      }),
    ]);

    // Back again: the newer plan is no longer the one shown.
    await setCurrentPlan(admin, old.id);
    expect(currentIds()).toEqual([old.id]);
    expect((await getCurrentPlan())?.id).toBe(old.id);

    // The current plan made current again: nothing changes, nothing is recorded.
    const before = auditCount();
    expect(await setCurrentPlan(admin, old.id)).toMatchObject({ id: old.id, isCurrent: true });
    expect(auditCount()).toBe(before);
  });

  it("marks a plan current when none was marked", async () => {
    db.update(plans).set({ isCurrent: false }).where(eq(plans.isCurrent, true)).run();
    const plan = insertPlan(db, { year: 2019 });
    await setCurrentPlan(asActor(office.admin), plan.id);
    expect(currentIds()).toEqual([plan.id]);
    expect(auditRowsOf(db, "plan", plan.id)).toHaveLength(1);
  });

  it("refuses leaders and cadres with 403, and is 404 for a plan that does not exist", async () => {
    const [current] = currentIds();
    const other = insertPlan(db, { year: 2035 });
    const before = auditCount();
    for (const user of [office.leader, office.cadre]) {
      const error = await refusal(setCurrentPlan(asActor(user), other.id), "forbidden");
      expect(error.status).toBe(403);
    }
    await refusal(setCurrentPlan(asActor(office.admin), 999_999), "not_found");
    expect(currentIds()).toEqual([current]);
    expect(auditCount()).toBe(before);
  });
});
