/**
 * For each write endpoint: who may write there, the id in its path that they may write to (and
 * ids of other rows), and what its body is made of. The spec fails for an endpoint missing here.
 */
import fc from "fast-check";
import { choice, custom, date, flag, id, ids, number, text, type Field } from "./bodies";
import type { EndpointKey } from "./endpoints";
import { hostileId, hostileText, wrongType } from "./generators";
import type { Actor, World } from "./world";

export type Body =
  /** A JSON body, or (`files`) multipart with that JSON in `data` and files beside it. */
  | { kind: "json"; fields: Record<string, Field>; files?: boolean }
  /** Multipart only: the form's text fields and its file fields. */
  | { kind: "multipart"; text: Record<string, Field>; files: string[] }
  /** No body is read: whatever is sent must be ignored. */
  | { kind: "none" };

export interface Target {
  actor: Actor;
  /** The `:id` of the path: one the actor may write to, and ids of other rows. */
  pathId?: { valid: number; others: number[] };
  /** The query string (e.g. DELETE `?version=`). */
  query?: Record<string, Field>;
  body: Body;
  /** Tables a refusal may write, and why (none unless said). */
  refusalMayWrite?: { tables: string[]; why: string };
}

const version: Field = {
  valid: 1,
  hostile: fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 53, "1", 999_999),
};

export function targets(w: World): Record<EndpointKey, Target> {
  const otherTasks = [w.taskB, w.taskA + 1_000_000];
  const otherUnits = [w.unitB, w.unitA];
  const otherUsers = [w.users.admin, w.users.newcomer, w.users.leader];
  const otherPlans = [w.planB, w.planA];
  const otherProjects = [w.projectB];
  const otherIndicators = [w.indicatorB, w.indicatorToRemove];
  const allEntries = Object.values(w.entries);
  const indicator = {
    name: text("新增车位"),
    unit: text("个"),
    baseline: number(0),
    target: number(10),
    direction: choice("increase", "decrease", "up"),
    decimals: number(0),
    weight: number(1),
  };
  const reading = custom(
    [{ indicatorId: w.indicatorA, value: 5 }],
    fc.array(
      fc.record({
        indicatorId: hostileId(otherIndicators),
        value: fc.oneof(fc.double(), wrongType),
      }),
      { maxLength: 3 },
    ),
  );
  const entry = {
    date: date("2023-11-20"),
    note: text("本周进展"),
    problems: text(""),
    nextSteps: text(""),
    readings: reading,
  };
  const task = {
    projectId: id(w.projectA, otherProjects),
    title: text("模糊测试新任务"),
    description: text(""),
    ownerId: id(w.users.cadre, otherUsers),
    leadUnitId: id(w.unitA, otherUnits),
    coUnitIds: ids([], otherUnits),
    startDate: date("2023-02-01"),
    dueDate: date("2023-10-31"),
    weight: number(1),
  };
  return {
    "DELETE /api/v1/attachments/:id": {
      actor: "cadre",
      pathId: { valid: w.attachment, others: [w.attachment + 1_000] },
      body: { kind: "none" },
    },
    "POST /api/v1/entries/:id/attachments": {
      actor: "cadre",
      pathId: { valid: w.entries.attach, others: [w.entries.review] },
      body: { kind: "multipart", text: {}, files: ["files", "files", "file", "data"] },
    },
    "POST /api/v1/entries/:id/review": {
      actor: "leader",
      pathId: { valid: w.entries.review, others: allEntries },
      body: {
        kind: "json",
        fields: {
          decision: choice("return", "approve", "reject"),
          reason: text("请补充照片"),
          version: version,
        },
      },
    },
    "PATCH /api/v1/entries/:id": {
      actor: "cadre",
      pathId: { valid: w.entries.patch, others: allEntries },
      body: { kind: "json", fields: { version, ...entry, percent: number(50) } },
    },
    "DELETE /api/v1/entries/:id": {
      actor: "cadre",
      pathId: { valid: w.entries.withdraw, others: allEntries },
      query: {
        version: {
          valid: "1",
          hostile: fc.constantFrom<unknown>("0", "-1", "1e0", "", "x", "9".repeat(40), "1.0"),
        },
      },
      body: { kind: "none" },
    },
    "POST /api/v1/imports/plan-text/commit": {
      actor: "admin",
      body: {
        kind: "json",
        fields: {
          plan: custom(
            { year: 2031 },
            fc.record({
              year: fc.oneof(fc.constantFrom<unknown>(2023, 2030, 1999, 3000, "2031")),
              title: hostileText,
            }),
          ),
          projects: custom(
            [
              {
                title: "导入板块",
                tasks: [
                  {
                    title: "导入任务",
                    ownerId: w.users.cadre,
                    leadUnitId: w.unitA,
                    startDate: "2031-01-01",
                    dueDate: "2031-06-30",
                  },
                ],
              },
            ],
            fc.array(
              fc.record({
                title: hostileText,
                leadLeaderId: hostileId(otherUsers),
                tasks: fc.array(
                  fc.record({
                    title: fc.oneof(hostileText, fc.constant("导入任务")),
                    ownerId: hostileId(otherUsers),
                    leadUnitId: hostileId(otherUnits),
                    startDate: date("2031-01-01").hostile,
                    dueDate: fc.constant("2031-06-30"),
                    indicators: fc.array(
                      fc.record({ name: hostileText, unit: hostileText, target: fc.double() }),
                      { maxLength: 2 },
                    ),
                  }),
                  { maxLength: 3 },
                ),
              }),
              { maxLength: 3 },
            ),
          ),
        },
      },
    },
    "POST /api/v1/imports/plan-text/preview": {
      actor: "admin",
      body: {
        kind: "json",
        fields: { text: text("一、经济发展\n1. 新增车位 100 个"), section: text("一") },
        files: true,
      },
    },
    "POST /api/v1/imports/tasks-xlsx": {
      actor: "admin",
      body: {
        kind: "multipart",
        text: {
          planId: {
            valid: String(w.planA),
            hostile: fc.oneof(hostileText, fc.constantFrom("0", "-1", "1e3", String(w.planB))),
          },
        },
        files: ["file"],
      },
    },
    "PATCH /api/v1/indicators/:id": {
      actor: "leader",
      pathId: { valid: w.indicatorA, others: otherIndicators },
      body: { kind: "json", fields: { version, ...indicator, position: number(1) } },
    },
    "DELETE /api/v1/indicators/:id": {
      actor: "leader",
      pathId: { valid: w.indicatorToRemove, others: otherIndicators },
      query: {
        version: {
          valid: "1",
          hostile: fc.constantFrom<unknown>("0", "-1", "1e0", "", "x", "9".repeat(40)),
        },
      },
      body: { kind: "none" },
    },
    "POST /api/v1/instructions/:id/ack": {
      actor: "cadre",
      pathId: { valid: w.instruction, others: [w.instruction + 1_000] },
      body: { kind: "json", fields: { reply: text("已落实") } },
    },
    "POST /api/v1/me/password": {
      actor: "newcomer",
      refusalMayWrite: {
        tables: ["sign_in_throttles", "sqlite_sequence"],
        why: "a wrong current password counts toward the account's sign-in lock (lib/users/change-password.ts)",
      },
      body: {
        kind: "json",
        // Never the right current password: these must all be refused.
        fields: {
          currentPassword: text("not-the-password"),
          newPassword: text("Correct-Horse-42"),
        },
      },
    },
    "POST /api/v1/notifications/read": {
      actor: "cadre",
      body: { kind: "json", fields: { ids: ids(w.notifications, [1, 999_999]), all: flag(true) } },
    },
    "POST /api/v1/plans/:id/copy": {
      actor: "admin",
      pathId: { valid: w.planA, others: otherPlans },
      body: { kind: "json", fields: { year: number(2032), title: text("复制的计划") } },
    },
    "POST /api/v1/plans/:id/current": {
      actor: "admin",
      // Making another plan current would change what every later request defaults to.
      pathId: { valid: w.planA, others: [w.planA + 1_000] },
      body: { kind: "none" },
    },
    "PATCH /api/v1/plans/:id": {
      actor: "admin",
      pathId: { valid: w.planB, others: [w.planA + 1_000] },
      body: {
        kind: "json",
        fields: {
          version,
          title: text("第二计划"),
          startDate: date("2030-01-01"),
          endDate: date("2030-12-31"),
          timeZone: {
            valid: "Asia/Shanghai",
            hostile: fc.oneof(
              hostileText,
              fc.constantFrom(
                "+08:00",
                "Mars/Olympus",
                "asia/shanghai",
                "Etc/GMT+14",
                "../../etc/localtime",
              ),
            ),
          },
          reportingDay: number(5),
          greenMaxGap: number(5),
          yellowMaxGap: number(15),
        },
      },
    },
    "POST /api/v1/plans": {
      actor: "admin",
      body: {
        kind: "json",
        fields: {
          year: number(2033),
          title: text("新计划"),
          startDate: date("2033-01-01"),
          endDate: date("2033-12-31"),
          timeZone: text("Asia/Shanghai"),
          reportingDay: number(5),
          greenMaxGap: number(5),
          yellowMaxGap: number(15),
        },
      },
    },
    "PATCH /api/v1/projects/:id": {
      actor: "leader",
      pathId: { valid: w.projectA, others: otherProjects },
      body: {
        kind: "json",
        fields: {
          version,
          title: text("板块"),
          description: text(""),
          leadLeaderId: id(w.users.leader, otherUsers),
          position: number(1),
          archived: flag(false),
        },
      },
    },
    "POST /api/v1/projects": {
      actor: "leader",
      body: {
        kind: "json",
        fields: {
          planId: id(w.planA, otherPlans),
          title: text("新板块"),
          description: text(""),
          leadLeaderId: id(w.users.leader, otherUsers),
        },
      },
    },
    "POST /api/v1/reports/monthly/publish": {
      actor: "leader",
      body: {
        kind: "json",
        // Plan B's months are not over: a publish there is refused, whatever else is sent.
        fields: {
          planId: id(w.planB, [w.planA + 1_000]),
          month: {
            valid: "2030-03",
            hostile: fc.constantFrom<unknown>(
              "2030-13",
              "2030-3",
              "2030-00",
              "",
              "2030-03-01",
              203003,
            ),
          },
          narrative: text(""),
        },
      },
    },
    "POST /api/v1/reports/monthly/reopen": {
      actor: "admin",
      body: {
        kind: "json",
        fields: {
          planId: id(w.planA, otherPlans),
          month: {
            valid: "2023-03",
            hostile: fc.constantFrom<unknown>("2023-13", "2023-3", "", 202303),
          },
          reason: text("更正"),
        },
      },
    },
    "POST /api/v1/reviews/approve": {
      actor: "leader",
      body: {
        kind: "json",
        fields: {
          items: custom(
            [{ id: w.entries.approve, version: 1 }],
            fc.oneof(
              fc.array(fc.record({ id: hostileId(allEntries), version: version.hostile }), {
                maxLength: 4,
              }),
              fc.constant(Array.from({ length: 101 }, (_, i) => ({ id: i + 1, version: 1 }))),
              fc.constant([
                { id: w.entries.approve, version: 1 },
                { id: w.entries.approve, version: 1 },
              ]),
            ),
          ),
        },
      },
    },
    "POST /api/v1/tasks/:id/entries": {
      actor: "cadre",
      pathId: { valid: w.taskA, others: otherTasks },
      body: {
        kind: "json",
        fields: {
          ...entry,
          status: choice("in_progress", "done", "completed"),
          taskVersion: version,
        },
        files: true,
      },
    },
    "POST /api/v1/tasks/:id/indicators": {
      actor: "leader",
      pathId: { valid: w.taskA, others: otherTasks },
      body: { kind: "json", fields: indicator },
    },
    "POST /api/v1/tasks/:id/instructions": {
      actor: "leader",
      pathId: { valid: w.taskA, others: otherTasks },
      body: { kind: "json", fields: { text: text("请加快") } },
    },
    "PATCH /api/v1/tasks/:id": {
      actor: "leader",
      pathId: { valid: w.taskA, others: otherTasks },
      body: {
        kind: "json",
        fields: {
          version,
          ...task,
          status: choice("in_progress", "done"),
          blockedReason: text(""),
          completionNote: text(""),
          position: number(1),
          archived: flag(false),
        },
      },
    },
    "POST /api/v1/tasks/:id/urges": {
      actor: "leader",
      pathId: { valid: w.taskA, others: otherTasks },
      body: { kind: "json", fields: { message: text("请尽快填报") } },
    },
    "POST /api/v1/tasks": {
      actor: "leader",
      body: {
        kind: "json",
        fields: {
          ...task,
          indicators: custom(
            [],
            fc.array(
              fc.record({
                name: hostileText,
                unit: hostileText,
                target: fc.oneof(fc.double(), wrongType),
              }),
              { maxLength: 3 },
            ),
          ),
        },
      },
    },
    "PATCH /api/v1/units/:id": {
      actor: "admin",
      pathId: { valid: w.unitB, others: [w.unitA + 1_000] },
      body: {
        kind: "json",
        fields: {
          name: text("模糊测试第二单位"),
          type: choice("other", "department", "team"),
          archived: flag(false),
        },
      },
    },
    "POST /api/v1/units": {
      actor: "admin",
      body: { kind: "json", fields: { name: text("新单位"), type: choice("community", "team") } },
    },
    "POST /api/v1/users/:id/reset-password": {
      actor: "admin",
      // Resetting a demo actor's password would end the session this spec signs in with.
      pathId: { valid: w.users.newcomer + 1_000, others: [w.users.newcomer + 2_000] },
      body: { kind: "none" },
    },
    "POST /api/v1/users/:id/unlock": {
      actor: "admin",
      pathId: { valid: w.users.newcomer, others: [w.users.newcomer + 1_000, w.users.cadre] },
      body: { kind: "none" },
    },
    "PATCH /api/v1/users/:id": {
      actor: "admin",
      pathId: { valid: w.users.newcomer, others: [w.users.newcomer + 1_000] },
      body: {
        kind: "json",
        // `active: false` is left out of the valid values: it would sign the newcomer out.
        fields: {
          displayName: text("新人"),
          title: text("科员"),
          unitId: id(w.unitB, otherUnits),
          role: choice("cadre", "root", "superadmin"),
        },
      },
    },
    "POST /api/v1/users": {
      actor: "admin",
      body: {
        kind: "json",
        fields: {
          username: {
            valid: "fuzz.user",
            hostile: fc.oneof(
              hostileText,
              fc.constantFrom("ADMIN", "admin", "a", "a b", "用户", "x".repeat(33)),
            ),
          },
          displayName: text("测试用户"),
          title: text(""),
          unitId: id(w.unitA, otherUnits),
          role: choice("cadre", "root"),
        },
      },
    },
  };
}
