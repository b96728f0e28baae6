import { expect, type APIRequestContext, type Browser } from "@playwright/test";
import { signInByApi } from "../fixtures";
import type { MonthlyReport } from "../../lib/reports/types";

/** A separate signed-in API client, e.g. a leader setting up data for a cadre's test. */
export async function apiAs(browser: Browser, username: string) {
  const context = await browser.newContext();
  await signInByApi(context.request, username);
  return { request: context.request, close: () => context.close() };
}

export async function me(request: APIRequestContext) {
  const response = await request.get("/api/v1/me");
  expect(response.status()).toBe(200);
  return (await response.json()) as { id: number; unitId: number; name: string };
}

/** Creates a task through the API (as a leader) and returns it. */
export async function createTask(
  request: APIRequestContext,
  fields: { title: string; ownerId: number; leadUnitId: number; projectId?: number } & Record<
    string,
    unknown
  >,
) {
  const projectId =
    fields.projectId ??
    ((await (await request.get("/api/v1/projects")).json()) as { items: { id: number }[] })
      .items[0]!.id;
  const response = await request.post("/api/v1/tasks", {
    data: { startDate: "2023-01-01", dueDate: "2023-12-31", ...fields, projectId },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: number; version: number; title: string };
}

/** Archives a task through the API (as a leader), at its current version. */
export async function archiveTask(request: APIRequestContext, taskId: number) {
  const current = await request.get(`/api/v1/tasks/${taskId}`);
  expect(current.status()).toBe(200);
  const { version } = (await current.json()) as { version: number };
  const archived = await request.patch(`/api/v1/tasks/${taskId}`, {
    data: { version, archived: true },
  });
  expect(archived.status()).toBe(200);
}

/** Creates a user through the API (as an admin); answers their id and one-time password. */
export async function createUserByApi(
  request: APIRequestContext,
  fields: { username: string; displayName: string; unitId: number; role: string; title?: string },
) {
  const response = await request.post("/api/v1/users", { data: fields });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number; temporaryPassword: string };
}

/** A unique username for a user a test creates (3–32 of a-z 0-9 . _ -). */
export const uniqueUsername = (prefix: string) =>
  `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The month's report (月报) as the JSON API serves it: published (定稿) or live. */
export async function monthlyReport(request: APIRequestContext, month: string) {
  const response = await request.get(`/api/v1/reports/monthly?month=${month}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as MonthlyReport;
}

/**
 * Reopens a published month of the current plan through the API (as an admin), if it is still
 * published; answers whether it was. A safety net for tests that publish (定稿) a month.
 */
export async function reopenMonthIfPublished(
  request: APIRequestContext,
  month: string,
  reason = "E2E 测试结束，恢复原状",
) {
  const report = await monthlyReport(request, month);
  if (!report.published) return false;
  const response = await request.post("/api/v1/reports/monthly/reopen", {
    data: { planId: report.planId, month, reason },
  });
  expect(response.status(), await response.text()).toBe(200);
  return true;
}

/** A task's progress entries (填报), withdrawn ones included, through the API. */
export async function taskEntries(request: APIRequestContext, taskId: number) {
  const response = await request.get(`/api/v1/tasks/${taskId}/entries`);
  expect(response.status()).toBe(200);
  return (
    (await response.json()) as {
      items: { id: number; date: string; note: string; version: number; withdrawn: boolean }[];
    }
  ).items;
}
