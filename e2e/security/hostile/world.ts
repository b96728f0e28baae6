/**
 * The rows the hostile requests aim at, made through the API on the spec's own server: the
 * actors' sessions, and for each write endpoint a target the actor may write to plus rows of
 * OTHER plans, units, tasks, users and indicators whose ids a hostile body may borrow.
 */
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { signInByApi } from "../../fixtures";
import { PNG } from "./generators";

export type Actor = "admin" | "leader" | "cadre" | "newcomer";

export interface World {
  baseURL: string;
  as: Record<Actor, APIRequestContext>;
  users: { admin: number; leader: number; cadre: number; newcomer: number };
  /** The demo plan (current) and a second one. */
  planA: number;
  planB: number;
  projectA: number;
  projectB: number;
  /** The cadre's own task in plan A (made by the leader), and a task of plan B. */
  taskA: number;
  taskB: number;
  unitA: number;
  unitB: number;
  indicatorA: number;
  indicatorB: number;
  /** An indicator of task A for the DELETE endpoint alone. */
  indicatorToRemove: number;
  /** The cadre's entries on task A, one per endpoint that may close or change it. */
  entries: { patch: number; withdraw: number; review: number; approve: number; attach: number };
  attachment: number;
  instruction: number;
  notifications: number[];
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** A signed-in API client; Origin says it is a page of the app itself (lib/security/origin.ts). */
async function signedIn(baseURL: string, username: string, password?: string) {
  const context = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Origin: baseURL },
  });
  await signInByApi(context, username, password);
  return context;
}

export async function makeWorld(baseURL: string): Promise<World> {
  const admin = await signedIn(baseURL, "admin");
  const leader = await signedIn(baseURL, "leader");
  const cadre = await signedIn(baseURL, "cadre");
  const me = async (r: APIRequestContext) =>
    json<{ id: number; unitId: number }>(await r.get("/api/v1/me"), 200);
  const [adminMe, leaderMe, cadreMe] = [await me(admin), await me(leader), await me(cadre)];

  const unitB = await json<{ id: number }>(
    await admin.post("/api/v1/units", { data: { name: "模糊测试第二单位", type: "other" } }),
    201,
  );
  // Someone who must change their one-time password: the one write open to them is that change.
  const newcomer = await json<{ id: number; temporaryPassword: string }>(
    await admin.post("/api/v1/users", {
      data: {
        username: "fuzz.newcomer",
        displayName: "模糊测试新人",
        unitId: unitB.id,
        role: "cadre",
      },
    }),
    201,
  );
  const planB = await json<{ id: number }>(
    await admin.post("/api/v1/plans", { data: { year: 2030 } }),
    201,
  );
  const plans = await json<{ items: { id: number; year: number }[] }>(
    await admin.get("/api/v1/plans"),
    200,
  );
  const planA = plans.items.find((plan) => plan.year === 2023)!.id;

  const projects = await json<{ items: { id: number }[] }>(
    await leader.get(`/api/v1/projects?planId=${planA}`),
    200,
  );
  const projectB = await json<{ id: number }>(
    await leader.post("/api/v1/projects", { data: { planId: planB.id, title: "第二计划板块" } }),
    201,
  );
  const indicator = { name: "新增车位", unit: "个", target: 100 };
  const task = async (projectId: number, year: number) =>
    json<{ id: number; indicators: { id: number }[] }>(
      await leader.post("/api/v1/tasks", {
        data: {
          projectId,
          title: `模糊测试任务 ${year}`,
          ownerId: cadreMe.id,
          leadUnitId: cadreMe.unitId,
          startDate: `${year}-01-01`,
          dueDate: `${year}-12-31`,
          indicators: [indicator],
        },
      }),
      201,
    );
  const taskA = await task(projects.items[0]!.id, 2023);
  const taskB = await task(projectB.id, 2030);
  const toRemove = await json<{ id: number }>(
    await leader.post(`/api/v1/tasks/${taskA.id}/indicators`, {
      data: { ...indicator, name: "待删指标" },
    }),
    201,
  );

  const entry = async (day: number, withFile = false) => {
    const data = { date: `2023-11-${day}`, note: `模糊测试进展 ${day}`, readings: [] };
    const response = withFile
      ? await cadre.post(`/api/v1/tasks/${taskA.id}/entries`, {
          multipart: {
            data: JSON.stringify(data),
            files: { name: "证据.png", mimeType: "image/png", buffer: PNG },
          },
        })
      : await cadre.post(`/api/v1/tasks/${taskA.id}/entries`, { data });
    return json<{ id: number; attachments: { id: number }[] }>(response, 201);
  };
  const entries = {
    patch: (await entry(10)).id,
    withdraw: (await entry(11)).id,
    review: (await entry(12)).id,
    approve: (await entry(13)).id,
    attach: (await entry(14)).id,
  };
  const withFile = await entry(15, true);

  const instruction = await json<{ id: number }>(
    await leader.post(`/api/v1/tasks/${taskA.id}/instructions`, { data: { text: "请加快进度" } }),
    201,
  );
  const notifications = await json<{ items: { id: number }[] }>(
    await cadre.get("/api/v1/notifications"),
    200,
  );

  return {
    baseURL,
    as: {
      admin,
      leader,
      cadre,
      newcomer: await signedIn(baseURL, "fuzz.newcomer", newcomer.temporaryPassword),
    },
    users: { admin: adminMe.id, leader: leaderMe.id, cadre: cadreMe.id, newcomer: newcomer.id },
    planA,
    planB: planB.id,
    projectA: projects.items[0]!.id,
    projectB: projectB.id,
    taskA: taskA.id,
    taskB: taskB.id,
    unitA: cadreMe.unitId,
    unitB: unitB.id,
    indicatorA: taskA.indicators[0]!.id,
    indicatorB: taskB.indicators[0]!.id,
    indicatorToRemove: toRemove.id,
    entries,
    attachment: withFile.attachments[0]!.id,
    instruction: instruction.id,
    notifications: notifications.items.map((item) => item.id).slice(0, 5),
  };
}

export async function disposeWorld(world: World | undefined) {
  for (const context of Object.values(world?.as ?? {})) await context.dispose();
}
