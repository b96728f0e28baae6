import { describe, expect, it } from "vitest";
import { canChangeStatus, STATUS_TRANSITIONS, TASK_STATUSES } from "./status";

describe("status changes", () => {
  it("goes forward, blocks and unblocks, and reopens only to in progress", () => {
    expect(canChangeStatus("not_started", "in_progress")).toBe(true);
    expect(canChangeStatus("in_progress", "completed")).toBe(true);
    expect(canChangeStatus("blocked", "in_progress")).toBe(true);
    expect(canChangeStatus("completed", "in_progress")).toBe(true);
    expect(canChangeStatus("completed", "not_started")).toBe(false);
    expect(canChangeStatus("completed", "blocked")).toBe(false);
    expect(canChangeStatus("blocked", "not_started")).toBe(false);
  });

  it("always allows keeping the status (e.g. to change the blocked reason)", () => {
    for (const status of TASK_STATUSES) expect(canChangeStatus(status, status)).toBe(true);
  });

  it("lists every status", () => {
    expect(Object.keys(STATUS_TRANSITIONS).sort()).toEqual([...TASK_STATUSES].sort());
  });
});
