import type { APIRequestContext } from "@playwright/test";
import { expect, test as base } from "./fixtures";
import { apiAs, archiveTask, createTask, me } from "./support/api";
import { expectDocumented, failure, json } from "./support/responses";

// The leaders' API of #5 (dashboard, reviews, instructions, urges, the bell, plan settings), with
// real sign-ins (plan settings: e2e/plan-settings.spec.ts, which runs after the rest). Tests run in parallel on one shared demo database: each one works on a task of
// its own, made by the leader, owned by the cadre and archived afterwards; entries are dated
// 2023-11-20, before the demo's last reported day (2023-11-24), so the default as-of date stays.
// Nothing here asserts a global count that another test can change, except the dashboard's
// agreement with the task list, which is read at a past date and retried when a writer races it.
const DATE = "2023-11-20";
/** A past as-of date: no test's entry (dated `DATE`) is counted there. */
const PAST = "2023-10-31";
const LIGHTS = ["green", "yellow", "red", "blue"] as const;

const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

type Light = (typeof LIGHTS)[number];
type LightCounts = Record<Light, number>;
interface Entry {
  id: number;
  taskId: number;
  version: number;
  reviewStatus: "pending" | "approved" | "returned";
  reviewReason: string | null;
  counts: boolean;
  amendable: boolean;
  lock: string | null;
}
interface Instruction {
  id: number;
  taskId: number;
  text: string;
  reply: string | null;
  state: "unread" | "acknowledged" | "answered";
  answerable: boolean;
  acknowledgedAt: string | null;
  repliedAt: string | null;
}
interface Notification {
  id: number;
  kind: string;
  taskId: number | null;
  taskTitle: string | null;
  refId: number | null;
  body: string;
  read: boolean;
}
interface Dashboard {
  planId: number;
  asOf: string;
  plan: {
    id: number;
    progress: number;
    timeProgress: number;
    taskCount: number;
    lights: LightCounts;
    overdue: number;
    notReported: number;
    dueSoon: number;
  };
  projects: {
    id: number;
    title: string;
    progress: number;
    timeProgress: number;
    taskCount: number;
    lights: LightCounts;
    notReported: number;
    overdue: number;
  }[];
  units: { id: number; name: string; lights: LightCounts; onTime: unknown }[];
  trend: { date: string; progress: number; timeProgress: number }[];
  lists: Record<"red" | "overdue" | "dueSoon" | "notReported", { total: number; items: unknown[] }>;
}

interface Oversight {
  leader: APIRequestContext;
  cadre: APIRequestContext;
  cadreUser: { id: number; unitId: number; name: string };
  /** A task of the test's own, without indicators, owned by the cadre. */
  task: { id: number; title: string };
}

/**
 * `o`: the leader's and a cadre's sessions and a task of the test's own (no indicators, so the
 * cadre reports a percent), archived when the test ends, passed or failed.
 */
const test = base.extend<{ o: Oversight }>({
  o: async ({ browser }, use) => {
    const leader = await apiAs(browser, "leader");
    // The 邻里社区 head, not `cadre`: e2e/oversight.spec.ts watches `cadre`'s bell count, and
    // this file marks messages read.
    const cadre = await apiAs(browser, "linli");
    const cadreUser = await me(cadre.request);
    const task = await createTask(leader.request, {
      title: unique("E2E 督办"),
      ownerId: cadreUser.id,
      leadUnitId: cadreUser.unitId,
    });
    try {
      await use({ leader: leader.request, cadre: cadre.request, cadreUser, task });
    } finally {
      await archiveTask(leader.request, task.id);
      await leader.close();
      await cadre.close();
    }
  },
});

/** The cadre reports progress on their task (a percent: the task has no indicators). */
async function report(o: Oversight, percent: number, problems = "") {
  return json<Entry>(
    await o.cadre.post(`/api/v1/tasks/${o.task.id}/entries`, {
      data: { date: DATE, note: `完成${percent}%`, problems, percent },
    }),
    201,
  );
}

const entryOf = async (request: APIRequestContext, id: number) =>
  json<Entry>(await request.get(`/api/v1/entries/${id}`), 200);

const bellOf = async (request: APIRequestContext) =>
  json<{ unread: number; items: Notification[] }>(await request.get("/api/v1/notifications"), 200);

test.describe("anonymous calls to the leaders' API", () => {
  for (const [method, path] of [
    ["GET", "/api/v1/dashboard"],
    ["GET", "/api/v1/reviews"],
    ["POST", "/api/v1/reviews/approve"],
    ["POST", "/api/v1/entries/1/review"],
    ["GET", "/api/v1/tasks/1/instructions"],
    ["POST", "/api/v1/tasks/1/instructions"],
    ["GET", "/api/v1/instructions"],
    ["POST", "/api/v1/instructions/1/ack"],
    ["GET", "/api/v1/tasks/1/urges"],
    ["POST", "/api/v1/tasks/1/urges"],
    ["GET", "/api/v1/notifications"],
    ["POST", "/api/v1/notifications/read"],
    ["GET", "/api/v1/plans/1"],
    ["PATCH", "/api/v1/plans/1"],
  ] as const) {
    test(`${method} ${path} answers 401`, async ({ request }) => {
      const response = await request.fetch(path, {
        method,
        ...(method === "GET" ? {} : { data: {} }),
      });
      await failure(response, 401, "unauthorized");
    });
  }
});

test.describe("dashboard", () => {
  test("has the documented shape, and refuses a bad asOf by field", async ({ o }) => {
    const dashboard = await json<Dashboard>(
      await o.leader.get(`/api/v1/dashboard?asOf=${PAST}`),
      200,
    );
    expect(dashboard.asOf).toBe(PAST);
    await expectDocumented(o.leader, "Dashboard", dashboard);
    await expectDocumented(o.leader, "DashboardPlan", dashboard.plan);
    await expectDocumented(o.leader, "DashboardProject", dashboard.projects[0]!);
    await expectDocumented(o.leader, "DashboardUnit", dashboard.units[0]!);
    await expectDocumented(o.leader, "TrendPoint", dashboard.trend[0]!);
    await expectDocumented(o.leader, "DashboardList", dashboard.lists.red);
    expect(dashboard.plan).toMatchObject({
      id: dashboard.planId,
      progress: expect.any(Number),
      timeProgress: expect.any(Number),
      lights: {
        green: expect.any(Number),
        yellow: expect.any(Number),
        red: expect.any(Number),
        blue: expect.any(Number),
      },
    });
    const sum = (lights: LightCounts) => LIGHTS.reduce((n, light) => n + lights[light], 0);
    expect(sum(dashboard.plan.lights)).toBe(dashboard.plan.taskCount);
    // The demo's five themes, each with its card.
    expect(dashboard.projects.length).toBeGreaterThanOrEqual(5);
    for (const project of dashboard.projects) {
      expect(project).toMatchObject({
        id: expect.any(Number),
        title: expect.any(String),
        progress: expect.any(Number),
        timeProgress: expect.any(Number),
        notReported: expect.any(Number),
      });
      expect(Object.keys(project.lights).sort()).toEqual([...LIGHTS].sort());
      expect(sum(project.lights)).toBe(project.taskCount);
    }
    expect(dashboard.units.length).toBeGreaterThan(0);
    expect(dashboard.trend.at(-1)?.date).toBe(PAST);
    expect(dashboard.lists.red.total).toBe(dashboard.plan.lights.red);

    // The task just made (owned by the cadre, due 2023-12-31) is among the counted ones.
    const now = await json<Dashboard>(await o.leader.get(`/api/v1/dashboard?asOf=${DATE}`), 200);
    expect(now.asOf).toBe(DATE);
    expect(now.plan.taskCount).toBeGreaterThan(0);

    for (const asOf of ["2023-02-30", "yesterday", "20231031"]) {
      const body = await failure(
        await o.leader.get(`/api/v1/dashboard?asOf=${asOf}`),
        400,
        "validation_failed",
      );
      expect(Object.keys(body.error.fields ?? {}), asOf).toEqual(["asOf"]);
    }
    // A date outside the plan's period (the demo plan is 2023) is a 400, however far away.
    for (const asOf of ["2022-12-31", "2024-01-01", "9999-12-31"]) {
      const body = await failure(
        await o.leader.get(`/api/v1/dashboard?planId=${dashboard.planId}&asOf=${asOf}`),
        400,
        "validation_failed",
      );
      expect(body.error.fields, asOf).toEqual({ asOf: expect.stringContaining("计划期") });
    }
    await failure(await o.leader.get("/api/v1/dashboard?planId=999999"), 404, "not_found");
  });

  for (const asOf of [PAST, undefined]) {
    test(`its counts equal the task list's totals for the same asOf (${asOf ?? "default"})`, async ({
      o,
    }) => {
      const { leader } = o; // the test's own task is live while the figures are compared
      const total = async (query: string) =>
        (await json<{ total: number }>(await leader.get(`/api/v1/tasks?${query}&limit=1`), 200))
          .total;
      const dashboardAt = async () =>
        json<Dashboard>(await leader.get(`/api/v1/dashboard${asOf ? `?asOf=${asOf}` : ""}`), 200);

      // Other tests add tasks, report and archive meanwhile: the figures are compared only when
      // the dashboard read before and after the lists is the same, and read again when it is not.
      await expect(async () => {
        const before = await dashboardAt();
        if (asOf) expect(before.asOf).toBe(asOf);
        const base = `planId=${before.planId}&asOf=${before.asOf}`;
        const plan = await Promise.all([
          ...LIGHTS.map((light) => total(`${base}&light=${light}`)),
          total(`${base}&overdue=1`),
          total(`${base}&notReported=1`),
          total(`${base}&dueWithin=30`),
        ]);
        const projects = await Promise.all(
          before.projects.map((project) =>
            Promise.all([
              ...LIGHTS.map((light) => total(`${base}&projectId=${project.id}&light=${light}`)),
              total(`${base}&projectId=${project.id}&notReported=1`),
              total(`${base}&projectId=${project.id}&overdue=1`),
            ]),
          ),
        );
        const after = await dashboardAt();
        expect(after, "the dashboard changed while the lists were read").toEqual(before);

        expect(plan).toEqual([
          ...LIGHTS.map((light) => before.plan.lights[light]),
          before.plan.overdue,
          before.plan.notReported,
          before.plan.dueSoon,
        ]);
        expect(projects).toEqual(
          before.projects.map((project) => [
            ...LIGHTS.map((light) => project.lights[light]),
            project.notReported,
            project.overdue,
          ]),
        );
      }).toPass({ timeout: 20_000 });
    });
  }
});

test.describe("reviews", () => {
  test("a leader returns an entry with a reason; its author resubmits it; a leader approves it", async ({
    o,
  }) => {
    const entry = await report(o, 30);
    expect(entry).toMatchObject({ reviewStatus: "pending", counts: true });

    const queue = await json<{ items: { id: number; taskId: number; routine: boolean }[] }>(
      await o.leader.get("/api/v1/reviews?status=pending&scope=all"),
      200,
    );
    expect(queue.items).toContainEqual(
      expect.objectContaining({ id: entry.id, taskId: o.task.id, routine: true }),
    );
    await expectDocumented(o.leader, "ReviewQueue", queue);
    await expectDocumented(
      o.leader,
      "ReviewItem",
      queue.items.find((i) => i.id === entry.id)!,
    );
    await failure(await o.cadre.get("/api/v1/reviews"), 403, "forbidden");
    await failure(
      await o.cadre.post(`/api/v1/entries/${entry.id}/review`, { data: { decision: "approve" } }),
      403,
      "forbidden",
    );
    await failure(await o.leader.get("/api/v1/reviews?status=waiting"), 400, "validation_failed");

    // A return needs its reason, for the author to act on.
    for (const data of [{ decision: "return" }, { decision: "return", reason: "   " }]) {
      const body = await failure(
        await o.leader.post(`/api/v1/entries/${entry.id}/review`, { data }),
        400,
        "validation_failed",
      );
      expect(Object.keys(body.error.fields ?? {})).toEqual(["reason"]);
    }
    expect((await entryOf(o.cadre, entry.id)).reviewStatus).toBe("pending");

    const reason = "请补充本月停车位划线的照片";
    const returned = await json<Entry>(
      await o.leader.post(`/api/v1/entries/${entry.id}/review`, {
        data: { decision: "return", reason, version: entry.version },
      }),
      200,
    );
    expect(returned).toMatchObject({
      id: entry.id,
      reviewStatus: "returned",
      reviewReason: reason,
      counts: false,
    });

    // The author sees it returned, with the reason, in the entry and in the bell; it no longer counts.
    expect(await entryOf(o.cadre, entry.id)).toMatchObject({
      reviewStatus: "returned",
      reviewReason: reason,
      amendable: true,
    });
    const task = await json<{ progress: number }>(
      await o.cadre.get(`/api/v1/tasks/${o.task.id}?asOf=${DATE}`),
      200,
    );
    expect(task.progress).toBe(0);
    expect((await bellOf(o.cadre)).items).toContainEqual(
      expect.objectContaining({
        kind: "entry_returned",
        taskId: o.task.id,
        refId: entry.id,
        body: reason,
      }),
    );
    const returnedQueue = await json<{ items: { id: number }[] }>(
      await o.leader.get("/api/v1/reviews?status=returned&scope=all"),
      200,
    );
    expect(returnedQueue.items.map((item) => item.id)).toContain(entry.id);

    // Saving it resubmits it: pending again, counting again.
    const resubmitted = await json<Entry>(
      await o.cadre.patch(`/api/v1/entries/${entry.id}`, {
        data: { version: returned.version, note: "已补充照片" },
      }),
      200,
    );
    expect(resubmitted).toMatchObject({ reviewStatus: "pending", counts: true });
    const progress = await json<{ progress: number }>(
      await o.cadre.get(`/api/v1/tasks/${o.task.id}?asOf=${DATE}`),
      200,
    );
    expect(progress.progress).toBeCloseTo(0.3);

    // A stale version is a 409 with the current entry; the current one approves it.
    const stale = await failure(
      await o.leader.post(`/api/v1/entries/${entry.id}/review`, {
        data: { decision: "approve", version: returned.version },
      }),
      409,
      "conflict",
    );
    expect(stale.error.current).toMatchObject({ id: entry.id, version: resubmitted.version });
    const approved = await json<Entry>(
      await o.leader.post(`/api/v1/entries/${entry.id}/review`, {
        data: { decision: "approve", version: resubmitted.version },
      }),
      200,
    );
    expect(approved).toMatchObject({ reviewStatus: "approved", counts: true });
    const again = await failure(
      await o.leader.post(`/api/v1/entries/${entry.id}/review`, {
        data: { decision: "return", reason },
      }),
      409,
      "conflict",
    );
    expect(again.error).toMatchObject({ reason: "not_pending", ids: [entry.id] });
    expect(await entryOf(o.cadre, entry.id)).toMatchObject({
      reviewStatus: "approved",
      lock: "reviewed",
      amendable: false,
    });
  });

  test("bulk approval approves all the entries or none, each at the version the leader saw", async ({
    o,
  }) => {
    const first = await report(o, 10);
    const second = await report(o, 20);
    const seen = (...entries: Entry[]) => entries.map(({ id, version }) => ({ id, version }));
    await json<Entry>(
      await o.leader.post(`/api/v1/entries/${first.id}/review`, { data: { decision: "approve" } }),
      200,
    );

    const refused = await failure(
      await o.leader.post("/api/v1/reviews/approve", { data: { items: seen(first, second) } }),
      409,
      "conflict",
    );
    expect(refused.error).toMatchObject({ reason: "not_pending", ids: [first.id] });
    await expectDocumented(o.leader, "EntryNotPending", refused);
    expect((await entryOf(o.leader, second.id)).reviewStatus).toBe("pending");

    await failure(
      await o.cadre.post("/api/v1/reviews/approve", { data: { items: seen(second) } }),
      403,
      "forbidden",
    );
    for (const data of [
      { items: [] },
      { ids: [second.id] },
      { items: [{ id: second.id }] },
      { items: [...seen(second), ...seen(second)] },
    ]) {
      const bad = await failure(
        await o.leader.post("/api/v1/reviews/approve", { data }),
        400,
        "validation_failed",
      );
      expect(Object.keys(bad.error.fields ?? {}).length, JSON.stringify(data)).toBeGreaterThan(0);
    }

    const done = await json<{ approved: number }>(
      await o.leader.post("/api/v1/reviews/approve", { data: { items: seen(second) } }),
      200,
    );
    expect(done).toEqual({ approved: 1 });
    expect((await entryOf(o.leader, second.id)).reviewStatus).toBe("approved");
  });

  test("bulk approval approves none when an entry was edited after the leader read it", async ({
    o,
  }) => {
    const edited = await report(o, 30);
    const untouched = await report(o, 40);
    // The leader reads the queue; then the cadre changes the entry: 30 % becomes 90 %.
    const queue = await json<{ items: { id: number; version: number }[] }>(
      await o.leader.get("/api/v1/reviews?status=pending&scope=all"),
      200,
    );
    const shown = queue.items.filter((i) => i.id === edited.id || i.id === untouched.id);
    expect(shown.map((i) => i.id).sort()).toEqual([edited.id, untouched.id].sort());
    const changed = await json<Entry>(
      await o.cadre.patch(`/api/v1/entries/${edited.id}`, {
        data: { version: edited.version, percent: 90 },
      }),
      200,
    );
    expect(changed.version).toBe(edited.version + 1);

    const refused = await failure(
      await o.leader.post("/api/v1/reviews/approve", {
        data: { items: shown.map(({ id, version }) => ({ id, version })) },
      }),
      409,
      "conflict",
    );
    expect(refused.error).toMatchObject({ reason: "stale", ids: [edited.id] });
    await expectDocumented(o.leader, "EntryStale", refused);
    for (const id of [edited.id, untouched.id]) {
      expect((await entryOf(o.leader, id)).reviewStatus).toBe("pending");
    }

    // Looked at again, at its new version, it is approved with the other.
    const done = await json<{ approved: number }>(
      await o.leader.post("/api/v1/reviews/approve", {
        data: {
          items: [
            { id: edited.id, version: changed.version },
            { id: untouched.id, version: untouched.version },
          ],
        },
      }),
      200,
    );
    expect(done).toEqual({ approved: 2 });
  });
});

test.describe("instructions", () => {
  test("a leader's instruction is acknowledged and answered once by the owner", async ({ o }) => {
    const text = "请本月底前完成华顺公寓加装电梯意见征询";
    const created = await json<Instruction>(
      await o.leader.post(`/api/v1/tasks/${o.task.id}/instructions`, { data: { text } }),
      201,
    );
    await expectDocumented(o.leader, "Instruction", created);
    expect(created).toMatchObject({
      taskId: o.task.id,
      text,
      state: "unread",
      reply: null,
      answerable: false,
    });

    await failure(
      await o.cadre.post(`/api/v1/tasks/${o.task.id}/instructions`, { data: { text: "自批" } }),
      403,
      "forbidden",
    );
    const blank = await failure(
      await o.leader.post(`/api/v1/tasks/${o.task.id}/instructions`, { data: { text: "  " } }),
      400,
      "validation_failed",
    );
    expect(Object.keys(blank.error.fields ?? {})).toEqual(["text"]);

    const received = await json<{ items: Instruction[] }>(
      await o.cadre.get("/api/v1/instructions?box=received"),
      200,
    );
    expect(received.items).toContainEqual(
      expect.objectContaining({ id: created.id, state: "unread", answerable: true }),
    );
    expect((await bellOf(o.cadre)).items).toContainEqual(
      expect.objectContaining({
        kind: "instruction_received",
        taskId: o.task.id,
        taskTitle: o.task.title,
        refId: created.id,
        body: text,
      }),
    );

    // Only the task's owner acknowledges and answers.
    await failure(
      await o.leader.post(`/api/v1/instructions/${created.id}/ack`, { data: {} }),
      403,
      "forbidden",
    );
    const acknowledged = await json<Instruction>(
      await o.cadre.post(`/api/v1/instructions/${created.id}/ack`, { data: {} }),
      200,
    );
    expect(acknowledged).toMatchObject({ state: "acknowledged", reply: null, answerable: true });
    expect(acknowledged.acknowledgedAt).not.toBeNull();

    const reply = "已召开居民协商会，完成意见征询";
    const answered = await json<Instruction>(
      await o.cadre.post(`/api/v1/instructions/${created.id}/ack`, { data: { reply } }),
      200,
    );
    expect(answered).toMatchObject({ state: "answered", reply, answerable: false });
    expect(answered.repliedAt).not.toBeNull();

    const second = await failure(
      await o.cadre.post(`/api/v1/instructions/${created.id}/ack`, { data: { reply: "再答" } }),
      409,
      "conflict",
    );
    expect(Object.keys(second.error.fields ?? {})).toEqual(["reply"]);

    // The leader follows it up: answered, on the task and among those they sent.
    const onTask = await json<{ items: Instruction[] }>(
      await o.leader.get(`/api/v1/tasks/${o.task.id}/instructions`),
      200,
    );
    expect(onTask.items).toEqual([
      expect.objectContaining({ id: created.id, state: "answered", reply }),
    ]);
    const sent = await json<{ items: Instruction[] }>(
      await o.leader.get("/api/v1/instructions?box=sent"),
      200,
    );
    expect(sent.items).toContainEqual(
      expect.objectContaining({ id: created.id, state: "answered" }),
    );
    const stillOpen = await json<{ items: Instruction[] }>(
      await o.cadre.get("/api/v1/instructions"),
      200,
    );
    expect(stillOpen.items.map((item) => item.id)).not.toContain(created.id);
    await failure(await o.cadre.get("/api/v1/instructions?box=inbox"), 400, "validation_failed");
    await failure(await o.cadre.get("/api/v1/tasks/999999999/instructions"), 404, "not_found");
  });
});

test.describe("urges", () => {
  test("a leader urges the owner: counted on the task and in the owner's bell", async ({ o }) => {
    const message = "本月进展尚未填报，请尽快报送";
    const first = await json<{ id: number; taskId: number; message: string; count: number }>(
      await o.leader.post(`/api/v1/tasks/${o.task.id}/urges`, { data: { message } }),
      201,
    );
    expect(first).toEqual({ id: expect.any(Number), taskId: o.task.id, message, count: 1 });
    await expectDocumented(o.leader, "UrgeResult", first);
    const second = await json<{ id: number; count: number; message: string }>(
      await o.leader.post(`/api/v1/tasks/${o.task.id}/urges`, { data: {} }),
      201,
    );
    expect(second).toMatchObject({ count: 2, message: "" });

    await failure(
      await o.cadre.post(`/api/v1/tasks/${o.task.id}/urges`, { data: {} }),
      403,
      "forbidden",
    );

    const urges = await json<{ items: { id: number; message: string }[] }>(
      await o.cadre.get(`/api/v1/tasks/${o.task.id}/urges`),
      200,
    );
    expect(urges.items.map((urge) => urge.id)).toEqual([second.id, first.id]);
    await expectDocumented(o.cadre, "Urge", urges.items[0]!);
    const task = await json<{ urgeCount: number }>(
      await o.leader.get(`/api/v1/tasks/${o.task.id}`),
      200,
    );
    expect(task.urgeCount).toBe(2);
    const list = await json<{ items: { id: number; urgeCount: number; notReported: boolean }[] }>(
      await o.leader.get(`/api/v1/tasks?q=${encodeURIComponent(o.task.title)}&asOf=${DATE}`),
      200,
    );
    expect(list.items).toEqual([
      expect.objectContaining({ id: o.task.id, urgeCount: 2, notReported: true }),
    ]);

    const bell = await bellOf(o.cadre);
    expect(bell.items).toContainEqual(
      expect.objectContaining({ kind: "urged", taskId: o.task.id, refId: first.id, body: message }),
    );
    expect(bell.items).toContainEqual(
      expect.objectContaining({ kind: "urged", taskId: o.task.id, refId: second.id }),
    );
  });
});

test.describe("notifications", () => {
  test("the cadre's bell has the instruction, urge and return; marking them read lowers the unread count", async ({
    o,
  }) => {
    const instruction = await json<Instruction>(
      await o.leader.post(`/api/v1/tasks/${o.task.id}/instructions`, {
        data: { text: "请抓紧推进" },
      }),
      201,
    );
    const urge = await json<{ id: number }>(
      await o.leader.post(`/api/v1/tasks/${o.task.id}/urges`, { data: { message: "请尽快填报" } }),
      201,
    );
    const entry = await report(o, 40);
    await json<Entry>(
      await o.leader.post(`/api/v1/entries/${entry.id}/review`, {
        data: { decision: "return", reason: "数据有误" },
      }),
      200,
    );

    const before = await bellOf(o.cadre);
    const mine = [
      { kind: "instruction_received", refId: instruction.id, body: "请抓紧推进" },
      { kind: "urged", refId: urge.id, body: "请尽快填报" },
      { kind: "entry_returned", refId: entry.id, body: "数据有误" },
    ].map((expected) => {
      const found = before.items.find(
        (item) => item.kind === expected.kind && item.refId === expected.refId,
      );
      expect(found, expected.kind).toMatchObject({
        ...expected,
        taskId: o.task.id,
        taskTitle: o.task.title,
        read: false,
      });
      return found!.id;
    });
    expect(before.unread).toBeGreaterThanOrEqual(3);
    await expectDocumented(o.cadre, "Notifications", before);
    await expectDocumented(o.cadre, "Notification", before.items[0]!);

    const marked = await json<{ unread: number }>(
      await o.cadre.post("/api/v1/notifications/read", { data: { ids: mine } }),
      200,
    );
    // Other tests may notify the cadre meanwhile, but not three times within these few requests.
    expect(marked.unread).toBeLessThan(before.unread);
    const after = await bellOf(o.cadre);
    for (const id of mine) {
      expect(after.items.find((item) => item.id === id)?.read, String(id)).toBe(true);
    }

    // The leader's ids are not the cadre's to mark: nothing of theirs changes.
    const leaderBell = await bellOf(o.leader);
    const leaderMarked = await json<{ unread: number }>(
      await o.leader.post("/api/v1/notifications/read", { data: { ids: mine } }),
      200,
    );
    expect(leaderMarked.unread).toBe(leaderBell.unread);

    for (const data of [{}, { ids: [] }, { all: false }, { ids: ["x"] }]) {
      await failure(
        await o.cadre.post("/api/v1/notifications/read", { data }),
        400,
        "validation_failed",
      );
    }
  });

  test("marking all read leaves nothing unread", async ({ browser }) => {
    // The admin, whom nothing in these tests notifies, so the cadre's bell is left to the others.
    const admin = await apiAs(browser, "admin");
    try {
      const marked = await json<{ unread: number }>(
        await admin.request.post("/api/v1/notifications/read", { data: { all: true } }),
        200,
      );
      expect(marked).toEqual({ unread: 0 });
      const bell = await bellOf(admin.request);
      expect(bell.items.every((item) => item.read)).toBe(true);
    } finally {
      await admin.close();
    }
  });
});
