import ExcelJS from "exceljs";
import type { APIRequestContext } from "@playwright/test";
import { signInByApi } from "../fixtures";
import type { Method } from "./routes";
import { ENTRY_DATE, pngFile, stamp, type ActorName, type World } from "./world";

/**
 * The permission matrix of the API: every route × method (routes.ts reads them from app/api) ×
 * actor → the status expected, with a valid request for each cell, so that a refusal is the
 * policy's and not the validator's. Writes that change or delete get a fresh thing per cell.
 *
 * Actors: anonymous; a cadre on their own task (owner, in its lead unit); a cadre of another unit;
 * a leader; an admin — all made by the spec (world.ts).
 */

type Expected = number | readonly number[];
export type Cells = Record<ActorName, Expected>;

type FilePart = { name: string; mimeType: string; buffer: Buffer };

export interface Call {
  path: string;
  data?: unknown;
  multipart?: Record<string, string | FilePart>;
  /** A GET whose answer a refused request must leave as it was. */
  probe?: string;
  /** Only this item of the probe's `items`: a list other specs change too (all units). */
  probeItem?: number;
  /** Who the request goes as when not the actor's session: a fresh user of the actor's kind. */
  as?: { request: APIRequestContext; id: number };
  /** The id the audit row names: known before the call, or read from the answer. */
  entityId?: number | ((answer: Record<string, unknown>) => number);
}

/** What a write leaves in the audit log: a row for this entity, or nothing, and why. */
export type AuditRule = { entity: string } | { exempt: string };

export interface ApiEntry {
  route: string;
  method: Method;
  /** Several entries for one route × method test different permissions (e.g. plan vs status). */
  variant?: string;
  expect: Cells;
  /**
   * "role": refused on who the actor is alone, so refused before the body is read and whether
   * the thing exists (an id that names nothing is still 403). "resource": refused on the thing
   * (its owner, its author): looked up first, then refused before the body counts.
   */
  gate?: "role" | "resource";
  call: (w: World, actor: ActorName) => Promise<Call>;
  /** Required for every write (POST, PUT, PATCH, DELETE). */
  audit?: AuditRule;
}

const cells = (
  anonymous: Expected,
  cadreOwn: Expected,
  cadreOther: Expected,
  leader: Expected,
  admin: Expected,
): Cells => ({ anonymous, cadreOwn, cadreOther, leader, admin });

/** Anyone signed in (the plan is open to all its staff). */
const ALL = cells(401, 200, 200, 200, 200);
/** Admins only. */
const ADMIN = (ok = 200) => cells(401, 403, 403, 403, ok);
/** Leaders and admins: they edit the plan. */
const EDITORS = (ok = 200) => cells(401, 403, 403, ok, ok);
/** Leaders only: review, instructions, urging, publishing are a leader's word. */
const LEADER = (ok = 200) => cells(401, 403, 403, ok, 403);
/** The author of the entry (the own-unit cadre) only. */
const AUTHOR = (ok = 200) => cells(401, ok, 403, 403, 403);

const read = (route: string, expect: Cells, path: (w: World) => string): ApiEntry => ({
  route,
  method: "GET",
  expect,
  call: async (w) => ({ path: path(w) }),
});

const idOf = (answer: Record<string, unknown>) => answer.id as number;

const XLSX_HEADERS = [
  "工作板块",
  "任务名称",
  "任务说明",
  "责任人(用户名)",
  "牵头单位",
  "配合单位(、分隔)",
  "开始日期",
  "完成时限",
  "权重",
];

/** A one-row task import for a plan of `year`, owned by the other-unit cadre. */
async function importFile(w: World, year: number): Promise<FilePart> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务");
  sheet.addRow(XLSX_HEADERS);
  sheet.addRow([
    `E2E 导入板块 ${stamp()}`,
    `E2E 导入任务 ${stamp()}`,
    "权限矩阵",
    w.people.cadreOther.username,
    w.unitOtherName,
    null,
    `${year}-02-01`,
    `${year}-11-30`,
    1,
  ]);
  return {
    name: "tasks.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** A fresh user of the actor's kind, signed in with their one-time password (for /me/password). */
async function freshSelf(w: World, actor: ActorName) {
  const role = actor === "cadreOwn" || actor === "cadreOther" ? "cadre" : actor;
  const unitId = actor === "cadreOther" ? w.unitOther : w.unitOwn;
  const user = await w.newUser(role, unitId);
  const request = await w.context();
  await signInByApi(request, user.username, user.temporaryPassword);
  return { user, request };
}

export const API_MATRIX: ApiEntry[] = [
  // Any API path without a route: the API's 404, after the 401 for no session.
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method): ApiEntry => ({
    route: "/api/[[...path]]",
    method,
    expect: cells(401, 404, 404, 404, 404),
    call: async () => ({ path: "/api/v1/no-such-route", data: method === "GET" ? undefined : {} }),
    audit: method === "GET" ? undefined : { exempt: "no route: nothing is written" },
  })),

  read("/api/v1/attachments/[id]", ALL, (w) => `/api/v1/attachments/${w.entry.attachments[0]!.id}`),
  {
    route: "/api/v1/attachments/[id]",
    method: "DELETE",
    expect: AUTHOR(),
    gate: "resource",
    call: async (w) => {
      const entry = await w.newEntry(true);
      return {
        path: `/api/v1/attachments/${entry.attachments[0]!.id}`,
        probe: `/api/v1/entries/${entry.id}`,
        entityId: entry.id,
      };
    },
    audit: { entity: "entry" },
  },
  read(
    "/api/v1/attachments/[id]/thumbnail",
    ALL,
    (w) => `/api/v1/attachments/${w.entry.attachments[0]!.id}/thumbnail`,
  ),
  read("/api/v1/dashboard", ALL, (w) => `/api/v1/dashboard?planId=${w.planId}`),
  {
    route: "/api/v1/entries/[id]/attachments",
    method: "POST",
    expect: AUTHOR(201),
    gate: "resource",
    call: async (w) => {
      const entry = await w.newEntry();
      return {
        path: `/api/v1/entries/${entry.id}/attachments`,
        multipart: { files: pngFile() },
        probe: `/api/v1/entries/${entry.id}`,
        entityId: entry.id,
      };
    },
    audit: { entity: "entry" },
  },
  read("/api/v1/entries/[id]/history", ALL, (w) => `/api/v1/entries/${w.entry.id}/history`),
  {
    route: "/api/v1/entries/[id]/review",
    method: "POST",
    expect: LEADER(),
    gate: "role",
    call: async (w) => {
      const entry = await w.newEntry();
      return {
        path: `/api/v1/entries/${entry.id}/review`,
        data: { decision: "approve", version: entry.version },
        probe: `/api/v1/entries/${entry.id}`,
        entityId: entry.id,
      };
    },
    audit: { entity: "entry" },
  },
  read("/api/v1/entries/[id]", ALL, (w) => `/api/v1/entries/${w.entry.id}`),
  {
    route: "/api/v1/entries/[id]",
    method: "PATCH",
    expect: AUTHOR(),
    gate: "resource",
    call: async (w) => {
      const entry = await w.newEntry();
      return {
        path: `/api/v1/entries/${entry.id}`,
        data: { version: entry.version, note: `改过的进展 ${stamp()}` },
        probe: `/api/v1/entries/${entry.id}`,
        entityId: entry.id,
      };
    },
    audit: { entity: "entry" },
  },
  {
    route: "/api/v1/entries/[id]",
    method: "DELETE",
    expect: AUTHOR(),
    gate: "resource",
    call: async (w) => {
      const entry = await w.newEntry();
      return {
        path: `/api/v1/entries/${entry.id}?version=${entry.version}`,
        probe: `/api/v1/entries/${entry.id}`,
        entityId: entry.id,
      };
    },
    audit: { entity: "entry" },
  },
  {
    route: "/api/v1/imports/plan-text/commit",
    method: "POST",
    expect: ADMIN(201),
    gate: "role",
    call: async (w) => {
      const year = w.freeYear();
      return {
        path: "/api/v1/imports/plan-text/commit",
        data: {
          plan: { year, title: `E2E 导入计划 ${stamp()}` },
          projects: [
            {
              title: "抓经济",
              tasks: [
                {
                  title: `E2E 导入任务 ${stamp()}`,
                  ownerId: w.people.cadreOwn.id,
                  leadUnitId: w.unitOwn,
                  startDate: `${year}-01-01`,
                  dueDate: `${year}-06-30`,
                },
              ],
            },
          ],
        },
        entityId: (answer) => answer.planId as number,
      };
    },
    audit: { entity: "plan" },
  },
  {
    route: "/api/v1/imports/plan-text/preview",
    method: "POST",
    expect: ADMIN(),
    gate: "role",
    call: async () => ({
      path: "/api/v1/imports/plan-text/preview",
      data: { text: "一、抓经济\n1. 推进老旧小区改造，完成3个小区。" },
    }),
    audit: { exempt: "a preview: reads the text and writes nothing" },
  },
  {
    route: "/api/v1/imports/tasks-xlsx",
    method: "POST",
    expect: ADMIN(201),
    gate: "role",
    call: async (w) => {
      const plan = await w.newPlan();
      const year = (
        (await (await w.people.admin.request.get(`/api/v1/plans/${plan.id}`)).json()) as {
          year: number;
        }
      ).year;
      return {
        path: "/api/v1/imports/tasks-xlsx",
        multipart: { planId: String(plan.id), file: await importFile(w, year) },
        probe: `/api/v1/tasks?planId=${plan.id}`,
      };
    },
    audit: { entity: "task" },
  },
  read("/api/v1/imports/tasks-xlsx/template", ADMIN(), () => "/api/v1/imports/tasks-xlsx/template"),
  read(
    "/api/v1/indicators/[id]/history",
    ALL,
    (w) => `/api/v1/indicators/${w.indicatorId}/history`,
  ),
  read("/api/v1/indicators/[id]", ALL, (w) => `/api/v1/indicators/${w.indicatorId}`),
  {
    route: "/api/v1/indicators/[id]",
    method: "PATCH",
    expect: EDITORS(),
    gate: "role",
    call: async (w) => {
      const indicator = await w.newIndicator();
      return {
        path: `/api/v1/indicators/${indicator.id}`,
        data: { version: indicator.version, name: `改名指标 ${stamp()}` },
        probe: `/api/v1/indicators/${indicator.id}`,
        entityId: indicator.id,
      };
    },
    audit: { entity: "indicator" },
  },
  {
    route: "/api/v1/indicators/[id]",
    method: "DELETE",
    expect: EDITORS(),
    gate: "role",
    call: async (w) => {
      const indicator = await w.newIndicator();
      return {
        path: `/api/v1/indicators/${indicator.id}?version=${indicator.version}`,
        probe: `/api/v1/indicators/${indicator.id}`,
        entityId: indicator.id,
      };
    },
    audit: { entity: "indicator" },
  },
  {
    // 签收: the task's owner answers an instruction on it; not its author, not another unit.
    route: "/api/v1/instructions/[id]/ack",
    method: "POST",
    expect: AUTHOR(),
    gate: "resource",
    call: async (w) => {
      const instruction = await w.newInstruction();
      return {
        path: `/api/v1/instructions/${instruction.id}/ack`,
        data: { reply: "已按批示办理" },
        probe: `/api/v1/tasks/${w.taskId}/instructions`,
        entityId: instruction.id,
      };
    },
    audit: { entity: "instruction" },
  },
  read("/api/v1/instructions", ALL, () => "/api/v1/instructions"),
  {
    // Everyone for themselves: a fresh user of each kind sets the password they were given.
    route: "/api/v1/me/password",
    method: "POST",
    expect: ALL,
    call: async (w, actor) => {
      if (actor === "anonymous") {
        return {
          path: "/api/v1/me/password",
          data: { currentPassword: "whatever-it-was", newPassword: "Quiet-Harbor-31" },
        };
      }
      const { user, request } = await freshSelf(w, actor);
      return {
        path: "/api/v1/me/password",
        data: { currentPassword: user.temporaryPassword, newPassword: "Quiet-Harbor-31" },
        as: { request, id: user.id },
        entityId: user.id,
      };
    },
    audit: { entity: "user" },
  },
  read("/api/v1/me", ALL, () => "/api/v1/me"),
  {
    route: "/api/v1/notifications/read",
    method: "POST",
    expect: ALL,
    call: async () => ({ path: "/api/v1/notifications/read", data: { all: true } }),
    // Like opening a letter: the caller's own inbox, seen by no one else, changes nothing of the
    // plan's; what the notice was about (an urge, an instruction, a review) is audited itself.
    audit: {
      exempt: "marks the caller's own notifications read: their inbox, not the plan's data",
    },
  },
  read("/api/v1/notifications", ALL, () => "/api/v1/notifications"),
  // Documentation, open without a session (proxy.ts lets exactly this path through).
  read("/api/v1/openapi.json", cells(200, 200, 200, 200, 200), () => "/api/v1/openapi.json"),
  {
    route: "/api/v1/plans/[id]/copy",
    method: "POST",
    expect: ADMIN(201),
    gate: "role",
    call: async (w) => ({
      path: `/api/v1/plans/${w.planId}/copy`,
      data: { year: w.freeYear(), title: `E2E 复制计划 ${stamp()}` },
      entityId: (answer) => (answer.plan as { id: number } | undefined)?.id ?? idOf(answer),
    }),
    audit: { entity: "plan" },
  },
  {
    // On the suite's shared server the admin's cell makes the current plan current again (a
    // no-op: never switch the plan under other specs); on a server of its own, this spec's plan.
    route: "/api/v1/plans/[id]/current",
    method: "POST",
    expect: ADMIN(),
    gate: "role",
    call: async (w) => {
      const id = w.ownServer ? w.planId : w.db.currentPlanId();
      return { path: `/api/v1/plans/${id}/current`, probe: `/api/v1/plans/${id}`, entityId: id };
    },
    audit: { entity: "plan" },
  },
  read("/api/v1/plans/[id]/export.xlsx", EDITORS(), (w) => `/api/v1/plans/${w.planId}/export.xlsx`),
  read("/api/v1/plans/[id]", ALL, (w) => `/api/v1/plans/${w.planId}`),
  {
    route: "/api/v1/plans/[id]",
    method: "PATCH",
    expect: EDITORS(),
    gate: "role",
    call: async (w) => ({
      path: `/api/v1/plans/${w.planId}`,
      data: {
        version: await w.version(`/api/v1/plans/${w.planId}`),
        title: `E2E 权限矩阵 ${stamp()}`,
      },
      probe: `/api/v1/plans/${w.planId}`,
      entityId: w.planId,
    }),
    audit: { entity: "plan" },
  },
  read("/api/v1/plans", ALL, () => "/api/v1/plans"),
  {
    route: "/api/v1/plans",
    method: "POST",
    expect: ADMIN(201),
    gate: "role",
    call: async (w) => ({
      path: "/api/v1/plans",
      data: { year: w.freeYear(), title: `E2E 权限计划 ${stamp()}` },
      entityId: idOf,
    }),
    audit: { entity: "plan" },
  },
  read("/api/v1/projects/[id]/history", ALL, (w) => `/api/v1/projects/${w.projectId}/history`),
  read("/api/v1/projects/[id]", ALL, (w) => `/api/v1/projects/${w.projectId}`),
  {
    route: "/api/v1/projects/[id]",
    method: "PATCH",
    expect: EDITORS(),
    gate: "role",
    call: async (w) => ({
      path: `/api/v1/projects/${w.projectId}`,
      data: {
        version: await w.version(`/api/v1/projects/${w.projectId}`),
        description: `说明 ${stamp()}`,
      },
      probe: `/api/v1/projects/${w.projectId}`,
      entityId: w.projectId,
    }),
    audit: { entity: "project" },
  },
  read("/api/v1/projects", ALL, (w) => `/api/v1/projects?planId=${w.planId}`),
  {
    route: "/api/v1/projects",
    method: "POST",
    expect: EDITORS(201),
    gate: "role",
    call: async (w) => ({
      path: "/api/v1/projects",
      data: { planId: w.planId, title: `E2E 权限板块 ${stamp()}` },
      probe: `/api/v1/projects?planId=${w.planId}`,
      entityId: idOf,
    }),
    audit: { entity: "project" },
  },
  {
    route: "/api/v1/reports/monthly/publish",
    method: "POST",
    expect: LEADER(),
    gate: "role",
    call: async (w, actor) => {
      // Only the leader's cell publishes: it takes a month of its own. The others try November.
      const month = actor === "leader" ? w.nextMonth() : "2021-11";
      return {
        path: "/api/v1/reports/monthly/publish",
        data: { planId: w.planId, month },
        probe: `/api/v1/reports/monthly?planId=${w.planId}&month=${month}`,
      };
    },
    audit: { entity: "report" },
  },
  {
    route: "/api/v1/reports/monthly/reopen",
    method: "POST",
    expect: ADMIN(),
    gate: "role",
    call: async (w, actor) => {
      // The admin reopens a month published for it, the latest; the others try January.
      let month = await w.publishedMonth();
      if (actor === "admin") {
        month = w.nextMonth();
        await w.publish(month);
      }
      return {
        path: "/api/v1/reports/monthly/reopen",
        data: { planId: w.planId, month, reason: "E2E 权限矩阵：更正" },
        probe: `/api/v1/reports/monthly?planId=${w.planId}&month=${month}`,
      };
    },
    audit: { entity: "report" },
  },
  read("/api/v1/reports/monthly", ALL, (w) => `/api/v1/reports/monthly?planId=${w.planId}`),
  {
    route: "/api/v1/reviews/approve",
    method: "POST",
    expect: LEADER(),
    gate: "role",
    call: async (w) => {
      const entry = await w.newEntry();
      return {
        path: "/api/v1/reviews/approve",
        data: { items: [{ id: entry.id, version: entry.version }] },
        probe: `/api/v1/entries/${entry.id}`,
        entityId: entry.id,
      };
    },
    audit: { entity: "entry" },
  },
  read("/api/v1/reviews", LEADER(), (w) => `/api/v1/reviews?planId=${w.planId}`),
  read("/api/v1/tasks/[id]/entries", ALL, (w) => `/api/v1/tasks/${w.taskId}/entries`),
  {
    // 填报: the task's people (owner, lead unit, co-units), leaders and admins; not another unit.
    route: "/api/v1/tasks/[id]/entries",
    method: "POST",
    expect: cells(401, 201, 403, 201, 201),
    gate: "resource",
    call: async (w) => ({
      path: `/api/v1/tasks/${w.taskId}/entries`,
      data: { date: ENTRY_DATE, note: `E2E 进展 ${stamp()}` },
      probe: `/api/v1/tasks/${w.taskId}/entries`,
      entityId: idOf,
    }),
    audit: { entity: "entry" },
  },
  read("/api/v1/tasks/[id]/history", ALL, (w) => `/api/v1/tasks/${w.taskId}/history`),
  {
    route: "/api/v1/tasks/[id]/indicators",
    method: "POST",
    expect: EDITORS(201),
    gate: "role",
    call: async (w) => ({
      path: `/api/v1/tasks/${w.taskId}/indicators`,
      data: { name: `指标 ${stamp()}`, unit: "个", target: 5 },
      probe: `/api/v1/tasks/${w.taskId}`,
      entityId: idOf,
    }),
    audit: { entity: "indicator" },
  },
  read("/api/v1/tasks/[id]/instructions", ALL, (w) => `/api/v1/tasks/${w.taskId}/instructions`),
  {
    route: "/api/v1/tasks/[id]/instructions",
    method: "POST",
    expect: LEADER(201),
    gate: "role",
    call: async (w) => ({
      path: `/api/v1/tasks/${w.taskId}/instructions`,
      data: { text: `E2E 批示 ${stamp()}` },
      probe: `/api/v1/tasks/${w.taskId}/instructions`,
      entityId: idOf,
    }),
    audit: { entity: "instruction" },
  },
  read("/api/v1/tasks/[id]", ALL, (w) => `/api/v1/tasks/${w.taskId}`),
  {
    route: "/api/v1/tasks/[id]",
    method: "PATCH",
    variant: "plan fields",
    expect: EDITORS(),
    // No gate: what is asked decides. The task's cadre may change its status, so a body they send
    // that cannot be read is a 400 for them; everyone else is refused first (the status variant).
    call: async (w) => {
      const task = await w.newTask();
      return {
        path: `/api/v1/tasks/${task.id}`,
        data: { version: task.version, title: `E2E 改名任务 ${stamp()}` },
        probe: `/api/v1/tasks/${task.id}`,
        entityId: task.id,
      };
    },
    audit: { entity: "task" },
  },
  {
    route: "/api/v1/tasks/[id]",
    method: "PATCH",
    variant: "status",
    expect: cells(401, 200, 403, 200, 200),
    gate: "resource",
    call: async (w) => {
      const task = await w.newTask();
      return {
        path: `/api/v1/tasks/${task.id}`,
        data: { version: task.version, status: "in_progress" },
        probe: `/api/v1/tasks/${task.id}`,
        entityId: task.id,
      };
    },
    audit: { entity: "task" },
  },
  read("/api/v1/tasks/[id]/urges", ALL, (w) => `/api/v1/tasks/${w.taskId}/urges`),
  {
    route: "/api/v1/tasks/[id]/urges",
    method: "POST",
    expect: LEADER(201),
    gate: "role",
    call: async (w) => ({
      path: `/api/v1/tasks/${w.taskId}/urges`,
      data: { message: "请尽快填报" },
      probe: `/api/v1/tasks/${w.taskId}/urges`,
      entityId: idOf,
    }),
    audit: { entity: "urge" },
  },
  read("/api/v1/tasks", ALL, (w) => `/api/v1/tasks?planId=${w.planId}`),
  {
    route: "/api/v1/tasks",
    method: "POST",
    expect: EDITORS(201),
    gate: "role",
    call: async (w) => ({
      path: "/api/v1/tasks",
      data: {
        projectId: w.projectId,
        title: `E2E 新任务 ${stamp()}`,
        ownerId: w.people.cadreOwn.id,
        leadUnitId: w.unitOwn,
        startDate: "2021-03-01",
        dueDate: "2021-09-30",
      },
      probe: `/api/v1/tasks?planId=${w.planId}`,
      entityId: idOf,
    }),
    audit: { entity: "task" },
  },
  {
    route: "/api/v1/units/[id]",
    method: "PATCH",
    expect: ADMIN(),
    gate: "role",
    call: async (w) => {
      const unit = await w.newUnit();
      return {
        path: `/api/v1/units/${unit.id}`,
        data: { name: `${unit.name} 改` },
        probe: "/api/v1/units?includeArchived=1",
        probeItem: unit.id,
        entityId: unit.id,
      };
    },
    audit: { entity: "unit" },
  },
  read("/api/v1/units", ADMIN(), () => "/api/v1/units"),
  {
    route: "/api/v1/units",
    method: "POST",
    expect: ADMIN(201),
    gate: "role",
    call: async () => ({
      path: "/api/v1/units",
      data: { name: `E2E 权限单位 ${stamp()}`, type: "community" },
      entityId: idOf,
    }),
    audit: { entity: "unit" },
  },
  {
    route: "/api/v1/users/[id]/reset-password",
    method: "POST",
    expect: ADMIN(),
    gate: "role",
    call: async (w) => {
      const user = await w.newUser("cadre");
      return { path: `/api/v1/users/${user.id}/reset-password`, entityId: user.id };
    },
    audit: { entity: "user" },
  },
  {
    // Being added (issue #8, sign-in abuse): an admin lifts a lock after repeated wrong passwords.
    route: "/api/v1/users/[id]/unlock",
    method: "POST",
    expect: cells(401, 403, 403, 403, [200, 204]),
    gate: "role",
    call: async (w) => {
      const user = await w.newUser("cadre");
      return { path: `/api/v1/users/${user.id}/unlock`, data: {}, entityId: user.id };
    },
    audit: { entity: "user" },
  },
  {
    route: "/api/v1/users/[id]",
    method: "PATCH",
    expect: ADMIN(),
    gate: "role",
    call: async (w) => {
      const user = await w.newUser("cadre");
      return {
        path: `/api/v1/users/${user.id}`,
        data: { displayName: `改名${stamp()}`.slice(0, 50) },
        probe: `/api/v1/users?q=${user.username}`,
        entityId: user.id,
      };
    },
    audit: { entity: "user" },
  },
  read("/api/v1/users/needs-owner", ADMIN(), () => "/api/v1/users/needs-owner"),
  read("/api/v1/users", ADMIN(), () => "/api/v1/users"),
  {
    route: "/api/v1/users",
    method: "POST",
    expect: ADMIN(201),
    gate: "role",
    call: async (w) => ({
      path: "/api/v1/users",
      data: {
        username: `e2e.matrix.${stamp()}`.slice(0, 32),
        displayName: "权限新人",
        unitId: w.unitOwn,
        role: "cadre",
      },
      entityId: idOf,
    }),
    audit: { entity: "user" },
  },
];

export const isWrite = (method: Method) => method !== "GET";
export const allows = (expected: Expected, status: number) =>
  typeof expected === "number" ? expected === status : expected.includes(status);
export const isSuccess = (expected: Expected) =>
  (typeof expected === "number" ? [expected] : expected).every((s) => s >= 200 && s < 300);
export const entryName = (entry: ApiEntry) =>
  `${entry.method} ${entry.route}${entry.variant ? ` (${entry.variant})` : ""}`;
