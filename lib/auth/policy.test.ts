import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { authorize, can, type Actor } from "./policy";

const admin: Actor = { id: 1, role: "admin", unitId: 1 };
const leader: Actor = { id: 2, role: "leader", unitId: 2 };
const cadre: Actor = { id: 3, role: "cadre", unitId: 10 };

const ownTask = { ownerId: 3, leadUnitId: 99, coUnitIds: [] };
const unitTask = { ownerId: 50, leadUnitId: 10, coUnitIds: [] };
const coUnitTask = { ownerId: 50, leadUnitId: 11, coUnitIds: [12, 10] };
const otherTask = { ownerId: 50, leadUnitId: 11, coUnitIds: [12] };

describe("policy", () => {
  it("lets everyone signed in read the plan, and nobody without a session", () => {
    for (const actor of [admin, leader, cadre]) expect(can(actor, "plan:read")).toBe(true);
    expect(can(null, "plan:read")).toBe(false);
    expect(can(undefined, "plan:read")).toBe(false);
  });

  it("lets leaders and admins edit the plan, not cadres", () => {
    expect(can(admin, "plan:edit")).toBe(true);
    expect(can(leader, "plan:edit")).toBe(true);
    expect(can(cadre, "plan:edit")).toBe(false);
  });

  it("lets a cadre report on tasks they own or whose lead or co-unit is theirs", () => {
    expect(can(cadre, "task:report", ownTask)).toBe(true);
    expect(can(cadre, "task:report", unitTask)).toBe(true);
    expect(can(cadre, "task:report", coUnitTask)).toBe(true);
    expect(can(cadre, "task:report", otherTask)).toBe(false);
    expect(can(null, "task:report", ownTask)).toBe(false);
  });

  it("keeps people management to admins", () => {
    expect(can(admin, "admin:manage")).toBe(true);
    expect(can(leader, "admin:manage")).toBe(false);
    expect(can(cadre, "admin:manage")).toBe(false);
  });

  it("authorize throws a 403 AppError when denied", () => {
    expect(() => authorize(cadre, "plan:edit")).toThrowError(AppError);
    expect(() => authorize(cadre, "plan:edit")).toThrowError(
      expect.objectContaining({ status: 403, code: "forbidden" }),
    );
    expect(() => authorize(null, "plan:read")).toThrowError(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => authorize(leader, "plan:edit")).not.toThrow();
  });
});
