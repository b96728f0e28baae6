import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, test as base } from "./fixtures";
import { apiAs, createUserByApi, me, uniqueUsername } from "./support/api";
import { expectDocumented, failure, json } from "./support/responses";

// The monthly report's API (#6, 月报). Specs run in parallel on one shared demo database, and a
// published month freezes every entry dated in it or before: so nothing here touches the demo plan
// (2023). Each test makes a past plan of its own (a free year in 2000–2022, never made current),
// with its own projects, tasks owned by people it creates, and entries dated in that year.

const unique = (label: string) => `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const randomYear = () => 2000 + Math.floor(Math.random() * 23);

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Light = "green" | "yellow" | "red" | "blue";
interface ReportRow {
  taskId: number;
  projectId: number;
  number: number;
  title: string;
  leadUnitId: number;
  coUnitIds: number[];
  ownerId: number;
  ownerName: string;
  indicators: { name: string; unit: string; target: number; current: number | null }[];
  progress: number;
  light: Light;
  notReported: boolean;
  monthProgress: string;
}
interface NotReportedOwner {
  unitId: number;
  unitName: string;
  ownerId: number;
  ownerName: string;
  tasks: { id: number; title: string }[];
}
interface MonthlyReport {
  planId: number;
  planTitle: string;
  month: string;
  asOf: string;
  complete: boolean;
  title: string;
  filters: { projectId?: number; projectTitle?: string; unitId?: number; unitName?: string };
  summary: {
    taskCount: number;
    completed: number;
    onPace: number;
    behind: number;
    notStarted: number;
    notReported: number;
    progress: number;
    lights: Record<Light, number>;
  };
  narrative: string;
  projects: { id: number; title: string; taskCount: number }[];
  rows: ReportRow[];
  notReported: NotReportedOwner[];
  published?: { at: string; byId: number; byName: string };
}
interface Entry {
  id: number;
  date: string;
  version: number;
  lock: string | null;
  amendable: boolean;
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A past plan of the test's own: a year nobody has taken, its office named `office`. */
async function pastPlan(admin: APIRequestContext, office: string) {
  for (let tries = 0; tries < 30; tries++) {
    const year = randomYear();
    const response = await admin.post("/api/v1/plans", {
      data: {
        year,
        title: `${office}${year}年工作计划`,
        reportingDay: 25,
        greenMaxGap: 10,
        yellowMaxGap: 30,
      },
    });
    if (response.status() === 400) {
      const body = (await response.json()) as { error: { fields?: Record<string, string> } };
      expect(Object.keys(body.error.fields ?? {}), await response.text()).toEqual(["year"]);
      continue;
    }
    const plan = await json<{ id: number; year: number; title: string; isCurrent: boolean }>(
      response,
      201,
    );
    expect(plan.isCurrent).toBe(false);
    return plan;
  }
  throw new Error("no free year for a past plan");
}

/** Two live units, and an owner (a cadre made for the test, who never signs in) in each. */
async function owners(admin: APIRequestContext) {
  const { items } = await json<{ items: { id: number; name: string; archived: boolean }[] }>(
    await admin.get("/api/v1/units"),
    200,
  );
  const [unitX, unitZ] = items.filter((unit) => !unit.archived);
  expect(unitZ, "two live units").toBeDefined();
  const person = async (unitId: number, label: string) => {
    const displayName = unique(label);
    const { id } = await createUserByApi(admin, {
      username: uniqueUsername("report"),
      displayName,
      unitId,
      role: "cadre",
    });
    return { id, name: displayName, unitId };
  };
  return {
    unitX: unitX!,
    unitZ: unitZ!,
    ownerX: await person(unitX!.id, "月报责任人甲"),
    ownerZ: await person(unitZ!.id, "月报责任人乙"),
  };
}

async function createProject(leader: APIRequestContext, planId: number, title: string) {
  return json<{ id: number; title: string }>(
    await leader.post("/api/v1/projects", { data: { planId, title } }),
    201,
  );
}

/** A task for the whole year, with one count indicator (0 → 200 个) unless `indicator` is false. */
async function createYearTask(
  leader: APIRequestContext,
  year: number,
  fields: {
    projectId: number;
    ownerId: number;
    leadUnitId: number;
    coUnitIds?: number[];
    indicator?: boolean;
  },
) {
  const { indicator = true, ...rest } = fields;
  const task = await json<{
    id: number;
    title: string;
    version: number;
    indicators: { id: number }[];
  }>(
    await leader.post("/api/v1/tasks", {
      data: {
        title: unique("E2E 月报任务"),
        startDate: `${year}-01-01`,
        dueDate: `${year}-12-31`,
        ...rest,
        indicators: indicator
          ? [
              {
                name: "新增停车位",
                unit: "个",
                baseline: 0,
                target: 200,
                direction: "increase",
                decimals: 0,
                weight: 1,
              },
            ]
          : [],
      },
    }),
    201,
  );
  return { ...task, indicatorId: task.indicators[0]?.id };
}

const postEntry = (
  request: APIRequestContext,
  taskId: number,
  data: { date: string; note?: string; value?: number; indicatorId?: number; percent?: number },
) =>
  request.post(`/api/v1/tasks/${taskId}/entries`, {
    data: {
      date: data.date,
      note: data.note ?? `${data.date} 的进展`,
      ...(data.percent !== undefined ? { percent: data.percent } : {}),
      readings:
        data.indicatorId !== undefined
          ? [{ indicatorId: data.indicatorId, value: data.value }]
          : [],
    },
  });

async function addEntry(
  request: APIRequestContext,
  taskId: number,
  data: Parameters<typeof postEntry>[2],
) {
  return json<Entry>(await postEntry(request, taskId, data), 201);
}

const reportQuery = (params: Record<string, string | number>) =>
  `/api/v1/reports/monthly?${new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, String(v)]),
  ).toString()}`;

async function getReport(request: APIRequestContext, params: Record<string, string | number>) {
  return json<MonthlyReport>(await request.get(reportQuery(params)), 200);
}

/** The field names of a 400. */
async function badFields(response: APIResponse) {
  const body = await failure(response, 400, "validation_failed");
  return Object.keys(body.error.fields ?? {}).sort();
}

/** A 409 `month_published` naming `field` (`date`, `_` for an existing entry, or `month`). */
async function expectMonthPublished(response: APIResponse, field: "date" | "_" | "month") {
  const body = await failure(response, 409, "month_published");
  expect(body.error.reason).toBe("published");
  expect(Object.keys(body.error.fields ?? {})).toEqual([field]);
  return body;
}

const rowOf = (report: MonthlyReport, taskId: number) => {
  const row = report.rows.find((r) => r.taskId === taskId);
  expect(row, `row of task ${taskId}`).toBeDefined();
  return row!;
};

/** Signed-in API clients of the three demo roles, closed when the test ends. */
const test = base.extend<{ admin: Api; leader: Api; cadre: Api }>({
  admin: async ({ browser }, use) => withApi(browser, "admin", use),
  leader: async ({ browser }, use) => withApi(browser, "leader", use),
  cadre: async ({ browser }, use) => withApi(browser, "cadre", use),
});

async function withApi(browser: Browser, username: string, use: (api: Api) => Promise<void>) {
  const api = await apiAs(browser, username);
  try {
    await use(api);
  } finally {
    await api.close();
  }
}

test("GET json: one row per task, cumulative figures as of the month's last day, who has not reported, filters", async ({
  admin,
  leader,
  cadre,
}) => {
  const plan = await pastPlan(admin.request, "月报接口街道");
  const Y = plan.year;
  const people = await owners(admin.request);
  const projectA = await createProject(leader.request, plan.id, unique("板块甲"));
  const projectB = await createProject(leader.request, plan.id, unique("板块乙"));
  // A: t1 (unit X, an indicator), t3 (unit X with unit Z as co-unit, a percent); B: t2 (unit Z).
  const t1 = await createYearTask(leader.request, Y, {
    projectId: projectA.id,
    ownerId: people.ownerX.id,
    leadUnitId: people.unitX.id,
  });
  const t3 = await createYearTask(leader.request, Y, {
    projectId: projectA.id,
    ownerId: people.ownerX.id,
    leadUnitId: people.unitX.id,
    coUnitIds: [people.unitZ.id],
    indicator: false,
  });
  const t2 = await createYearTask(leader.request, Y, {
    projectId: projectB.id,
    ownerId: people.ownerZ.id,
    leadUnitId: people.unitZ.id,
  });

  const march = `${Y}-03`;
  await addEntry(leader.request, t1.id, {
    date: `${Y}-03-10`,
    note: "三月上旬",
    indicatorId: t1.indicatorId,
    value: 50,
  });
  // The month's last day counts; the next month's first day does not.
  await addEntry(leader.request, t1.id, {
    date: `${Y}-03-31`,
    note: "三月月底",
    indicatorId: t1.indicatorId,
    value: 80,
  });
  await addEntry(leader.request, t1.id, {
    date: `${Y}-04-01`,
    note: "四月一日",
    indicatorId: t1.indicatorId,
    value: 120,
  });
  await addEntry(leader.request, t3.id, { date: `${Y}-03-15`, note: "三月过半", percent: 40 });
  // t2 reported in February only: not in March.
  await addEntry(leader.request, t2.id, {
    date: `${Y}-02-10`,
    note: "二月",
    indicatorId: t2.indicatorId,
    value: 10,
  });

  const report = await getReport(cadre.request, { planId: plan.id, month: march });
  await expectDocumented(cadre.request, "MonthlyReport", report);
  await expectDocumented(cadre.request, "ReportRow", report.rows[0]!);
  await expectDocumented(cadre.request, "ReportSummary", report.summary);
  await expectDocumented(cadre.request, "NotReportedOwner", report.notReported[0]!);
  expect(report).toMatchObject({
    planId: plan.id,
    planTitle: plan.title,
    month: march,
    asOf: `${Y}-03-31`,
    complete: true,
    title: `月报接口街道${Y}年3月重点工作推进情况`,
    filters: {},
  });
  expect(report.published).toBeUndefined();
  expect(report.rows.map((r) => [r.taskId, r.projectId, r.number])).toEqual([
    [t1.id, projectA.id, 1],
    [t3.id, projectA.id, 2],
    [t2.id, projectB.id, 1],
  ]);
  expect(report.projects.map((p) => [p.id, p.taskCount])).toEqual([
    [projectA.id, 2],
    [projectB.id, 1],
  ]);

  const row1 = rowOf(report, t1.id);
  expect(row1.indicators).toEqual([
    expect.objectContaining({ name: "新增停车位", unit: "个", target: 200, current: 80 }),
  ]);
  expect(row1.progress).toBeCloseTo(0.4, 6);
  expect(row1.monthProgress).toBe("3月10日：三月上旬\n3月31日：三月月底");
  expect(row1).toMatchObject({
    ownerId: people.ownerX.id,
    ownerName: people.ownerX.name,
    notReported: false,
  });
  expect(rowOf(report, t3.id)).toMatchObject({
    indicators: [],
    notReported: false,
    coUnitIds: [people.unitZ.id],
  });
  expect(rowOf(report, t3.id).progress).toBeCloseTo(0.4, 6);
  const row2 = rowOf(report, t2.id);
  expect(row2.indicators[0]!.current).toBe(10);
  expect(row2).toMatchObject({ notReported: true, monthProgress: "" });

  expect(report.notReported).toEqual([
    {
      unitId: people.unitZ.id,
      unitName: people.unitZ.name,
      ownerId: people.ownerZ.id,
      ownerName: people.ownerZ.name,
      tasks: [{ id: t2.id, title: t2.title }],
    },
  ]);
  // At 31 March a year-long task is about a quarter of the way: 40 % is on pace, 5 % behind.
  expect(report.summary).toMatchObject({
    taskCount: 3,
    completed: 0,
    onPace: 2,
    behind: 1,
    notStarted: 0,
    notReported: 1,
    lights: { green: 2, yellow: 1, red: 0, blue: 0 },
  });
  expect(report.summary.progress).toBeCloseTo((0.4 + 0.4 + 0.05) / 3, 6);
  expect(report.narrative).toContain(`截至${Y}年3月底，共有重点任务3项`);

  // April counts the entry of 1 April; t1 is reported, t2 and t3 are not.
  const april = await getReport(cadre.request, { planId: plan.id, month: `${Y}-04` });
  expect(april.asOf).toBe(`${Y}-04-30`);
  expect(rowOf(april, t1.id).indicators[0]!.current).toBe(120);
  // A single note of the month is not dated; several are, in date order (above).
  expect(rowOf(april, t1.id).monthProgress).toBe("四月一日");
  expect(
    april.notReported.map((o) => ({
      unitId: o.unitId,
      ownerId: o.ownerId,
      tasks: o.tasks.map((t) => t.id),
    })),
  ).toEqual(
    [
      { unitId: people.unitX.id, ownerId: people.ownerX.id, tasks: [t3.id] },
      { unitId: people.unitZ.id, ownerId: people.ownerZ.id, tasks: [t2.id] },
    ].sort((a, b) => a.unitId - b.unitId),
  );

  // By project: its rows only, the summary made again over them.
  const byProject = await getReport(cadre.request, {
    planId: plan.id,
    month: march,
    projectId: projectA.id,
  });
  expect(byProject.filters).toEqual({ projectId: projectA.id, projectTitle: projectA.title });
  expect(byProject.rows.map((r) => [r.taskId, r.number])).toEqual([
    [t1.id, 1],
    [t3.id, 2],
  ]);
  expect(byProject.projects.map((p) => p.id)).toEqual([projectA.id]);
  expect(byProject.summary).toMatchObject({ taskCount: 2, onPace: 2, behind: 0, notReported: 0 });
  expect(byProject.summary.progress).toBeCloseTo(0.4, 6);
  expect(byProject.notReported).toEqual([]);
  expect(byProject.narrative).toContain("共有重点任务2项");

  // By unit: the tasks it leads and those it works on as a co-unit, renumbered per project.
  const byUnit = await getReport(cadre.request, {
    planId: plan.id,
    month: march,
    unitId: people.unitZ.id,
  });
  expect(byUnit.filters).toEqual({ unitId: people.unitZ.id, unitName: people.unitZ.name });
  expect(byUnit.rows.map((r) => [r.taskId, r.number])).toEqual([
    [t3.id, 1],
    [t2.id, 1],
  ]);
  expect(byUnit.summary).toMatchObject({ taskCount: 2, onPace: 1, behind: 1, notReported: 1 });
  expect(byUnit.notReported.map((o) => o.ownerId)).toEqual([people.ownerZ.id]);

  const byBoth = await getReport(cadre.request, {
    planId: plan.id,
    month: march,
    projectId: projectB.id,
    unitId: people.unitX.id,
  });
  expect(byBoth.rows).toEqual([]);
  expect(byBoth.summary).toMatchObject({ taskCount: 0, notReported: 0 });
});

test("GET: bad months, formats and projects are 400s naming the field; an unknown plan 404; no session 401", async ({
  request,
  admin,
  leader,
  cadre,
}) => {
  const plan = await pastPlan(admin.request, "月报校验街道");
  const Y = plan.year;
  const demoProjects = await json<{ items: { id: number }[] }>(
    await leader.request.get("/api/v1/projects"),
    200,
  );
  const otherPlanProject = demoProjects.items[0]!.id;
  const own = await createProject(leader.request, plan.id, unique("板块"));

  const get = (params: Record<string, string | number>) =>
    cadre.request.get(reportQuery({ planId: plan.id, ...params }));
  expect(await badFields(await get({ month: "2023-13" }))).toEqual(["month"]);
  expect(await badFields(await get({ month: "abc" }))).toEqual(["month"]);
  expect(await badFields(await get({ month: `${Y}-3` }))).toEqual(["month"]);
  // Months outside the plan's period.
  expect(await badFields(await get({ month: `${Y + 1}-01` }))).toEqual(["month"]);
  expect(await badFields(await get({ month: `${Y - 1}-12` }))).toEqual(["month"]);
  expect(await badFields(await get({ month: `${Y}-06`, format: "pdf" }))).toEqual(["format"]);
  expect(await badFields(await get({ month: `${Y}-06`, projectId: otherPlanProject }))).toEqual([
    "projectId",
  ]);
  expect(await badFields(await get({ month: `${Y}-06`, projectId: "x" }))).toEqual(["projectId"]);
  expect(await badFields(await get({ month: `${Y}-06`, unitId: "0" }))).toEqual(["unitId"]);
  expect(
    await badFields(await cadre.request.get(reportQuery({ planId: "abc", month: `${Y}-06` }))),
  ).toEqual(["planId"]);
  // The plan's own project is fine, and so is the first and the last month of its period.
  expect(
    (await getReport(cadre.request, { planId: plan.id, month: `${Y}-06`, projectId: own.id })).rows,
  ).toEqual([]);
  expect((await getReport(cadre.request, { planId: plan.id, month: `${Y}-01` })).asOf).toBe(
    `${Y}-01-31`,
  );
  expect((await getReport(cadre.request, { planId: plan.id, month: `${Y}-12` })).asOf).toBe(
    `${Y}-12-31`,
  );

  await failure(
    await cadre.request.get(reportQuery({ planId: 99_999_999, month: `${Y}-06` })),
    404,
    "not_found",
  );
  await failure(
    await request.get(reportQuery({ planId: plan.id, month: `${Y}-06` })),
    401,
    "unauthorized",
  );
  await failure(
    await request.post("/api/v1/reports/monthly/publish", {
      data: { planId: plan.id, month: `${Y}-06` },
    }),
    401,
    "unauthorized",
  );
  await failure(
    await request.post("/api/v1/reports/monthly/reopen", {
      data: { planId: plan.id, month: `${Y}-06`, reason: "x" },
    }),
    401,
    "unauthorized",
  );
});

test("files: xlsx, docx and csv named for the office and month, as an RFC 5987 filename*", async ({
  admin,
  leader,
}) => {
  const plan = await pastPlan(admin.request, "月报导出街道");
  const Y = plan.year;
  const people = await owners(admin.request);
  const project = await createProject(leader.request, plan.id, unique("板块"));
  const task = await createYearTask(leader.request, Y, {
    projectId: project.id,
    ownerId: people.ownerX.id,
    leadUnitId: people.unitX.id,
  });
  await addEntry(leader.request, task.id, {
    date: `${Y}-11-20`,
    note: "十一月进展",
    indicatorId: task.indicatorId,
    value: 150,
  });

  const name = `月报导出街道${Y}年11月重点工作推进情况`;
  const download = async (format: string, contentType: string) => {
    const response = await leader.request.get(
      reportQuery({ planId: plan.id, month: `${Y}-11`, format }),
    );
    expect(response.status(), await response.text()).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"]).toBe(contentType);
    const disposition = headers["content-disposition"]!;
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`);
    expect(headers["cache-control"]).toBe("no-store");
    const body = await response.body();
    return body;
  };

  const xlsx = await download("xlsx", XLSX);
  expect(xlsx.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as never);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))),
  );
  expect(texts.some((text) => text.includes(task.title))).toBe(true);

  const docx = await download("docx", DOCX);
  expect(docx.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");

  const csv = await download("csv", "text/csv; charset=utf-8");
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.subarray(3).toString("utf8");
  expect(text).toContain(task.title);
  expect(text).toContain("工作任务");
});

test("publish: leaders only, once; the month is then frozen and its report does not change", async ({
  admin,
  leader,
  cadre,
}) => {
  const plan = await pastPlan(admin.request, "月报定稿街道");
  const Y = plan.year;
  const march = `${Y}-03`;
  const people = await owners(admin.request);
  const project = await createProject(leader.request, plan.id, unique("板块"));
  const task = await createYearTask(leader.request, Y, {
    projectId: project.id,
    ownerId: people.ownerX.id,
    leadUnitId: people.unitX.id,
  });
  const reading = { indicatorId: task.indicatorId };
  await addEntry(leader.request, task.id, { date: `${Y}-02-15`, ...reading, value: 10 });
  await addEntry(leader.request, task.id, { date: `${Y}-03-10`, ...reading, value: 30 });
  const march20 = await addEntry(leader.request, task.id, {
    date: `${Y}-03-20`,
    ...reading,
    value: 40,
  });

  const publish = (api: Api, body: object = {}) =>
    api.request.post("/api/v1/reports/monthly/publish", {
      data: { planId: plan.id, month: march, ...body },
    });
  await failure(await publish(cadre), 403, "forbidden");
  await failure(await publish(admin), 403, "forbidden");
  expect(
    (await getReport(cadre.request, { planId: plan.id, month: march })).published,
  ).toBeUndefined();

  const leaderMe = await me(leader.request);
  const narrative = unique("三月工作总体平稳");
  const published = await json<MonthlyReport>(await publish(leader, { narrative }), 200);
  const { published: stamp, ...rest } = published;
  await expectDocumented(leader.request, "MonthlyReport", rest);
  expect(stamp).toEqual({ at: expect.any(String), byId: leaderMe.id, byName: leaderMe.name });
  expect(Date.now() - Date.parse(stamp!.at)).toBeLessThan(5 * 60_000);
  expect(published).toMatchObject({ month: march, asOf: `${Y}-03-31`, narrative });
  expect(rowOf(published, task.id).indicators[0]!.current).toBe(40);

  const again = await expectMonthPublished(await publish(leader), "month");
  expect(again.error.fields!.month).toBeTruthy();

  const before = await getReport(cadre.request, { planId: plan.id, month: march });
  expect(before).toEqual(published);

  // Later things happen: an April entry, and the task is renamed.
  const april = await addEntry(leader.request, task.id, {
    date: `${Y}-04-05`,
    ...reading,
    value: 60,
  });
  const current = await json<{ version: number }>(
    await leader.request.get(`/api/v1/tasks/${task.id}`),
    200,
  );
  const renamed = unique("改名后的任务");
  await json(
    await leader.request.patch(`/api/v1/tasks/${task.id}`, {
      data: { version: current.version, title: renamed },
    }),
    200,
  );
  // April, not published, shows them; March, published, does not change.
  const liveApril = await getReport(cadre.request, { planId: plan.id, month: `${Y}-04` });
  expect(rowOf(liveApril, task.id)).toMatchObject({
    title: renamed,
    indicators: [expect.objectContaining({ current: 60 })],
  });
  expect(await getReport(cadre.request, { planId: plan.id, month: march })).toEqual(before);
  expect(await getReport(leader.request, { planId: plan.id, month: march })).toEqual(before);
  // A filtered view of the snapshot keeps `published`.
  const filtered = await getReport(cadre.request, {
    planId: plan.id,
    month: march,
    projectId: project.id,
  });
  expect(filtered.published).toEqual(stamp);
  expect(filtered.rows.map((r) => r.title)).toEqual([task.title]);

  // New entries dated in March or earlier are refused, by anyone.
  await expectMonthPublished(
    await postEntry(leader.request, task.id, { date: `${Y}-03-15`, ...reading, value: 45 }),
    "date",
  );
  await expectMonthPublished(
    await postEntry(leader.request, task.id, { date: `${Y}-03-31`, ...reading, value: 45 }),
    "date",
  );
  await expectMonthPublished(
    await postEntry(leader.request, task.id, { date: `${Y}-02-20`, ...reading, value: 20 }),
    "date",
  );
  await expectMonthPublished(
    await postEntry(admin.request, task.id, { date: `${Y}-01-05`, ...reading, value: 5 }),
    "date",
  );

  // A March entry can be neither edited nor withdrawn; it says so.
  const frozen = await json<Entry>(await leader.request.get(`/api/v1/entries/${march20.id}`), 200);
  expect(frozen).toMatchObject({ lock: "published", amendable: false });
  await expectMonthPublished(
    await leader.request.patch(`/api/v1/entries/${march20.id}`, {
      data: { version: march20.version, note: "改一下" },
    }),
    "_",
  );
  await expectMonthPublished(
    await leader.request.delete(`/api/v1/entries/${march20.id}?version=${march20.version}`),
    "_",
  );
  // Nor can an April entry move into March.
  await expectMonthPublished(
    await leader.request.patch(`/api/v1/entries/${april.id}`, {
      data: { version: april.version, date: `${Y}-03-25` },
    }),
    "date",
  );

  // April is open: new entries and edits there still work.
  await addEntry(leader.request, task.id, { date: `${Y}-04-01`, ...reading, value: 55 });
  await json(
    await leader.request.patch(`/api/v1/entries/${april.id}`, {
      data: { version: april.version, note: "四月进展（修改）" },
    }),
    200,
  );
  expect(await getReport(cadre.request, { planId: plan.id, month: march })).toEqual(before);
});

test("reopen: admins only, with a reason, latest month first; the month is live and open again", async ({
  admin,
  leader,
  cadre,
}) => {
  const plan = await pastPlan(admin.request, "月报重开街道");
  const Y = plan.year;
  const [feb, march] = [`${Y}-02`, `${Y}-03`];
  const people = await owners(admin.request);
  const project = await createProject(leader.request, plan.id, unique("板块"));
  const task = await createYearTask(leader.request, Y, {
    projectId: project.id,
    ownerId: people.ownerX.id,
    leadUnitId: people.unitX.id,
  });
  const reading = { indicatorId: task.indicatorId };
  await addEntry(leader.request, task.id, { date: `${Y}-02-10`, ...reading, value: 10 });
  const march10 = await addEntry(leader.request, task.id, {
    date: `${Y}-03-10`,
    ...reading,
    value: 30,
  });
  for (const month of [feb, march]) {
    await json(
      await leader.request.post("/api/v1/reports/monthly/publish", {
        data: { planId: plan.id, month },
      }),
      200,
    );
  }

  const reopen = (api: Api, body: object) =>
    api.request.post("/api/v1/reports/monthly/reopen", { data: { planId: plan.id, ...body } });
  const reason = "数据填报有误，需更正";
  await failure(await reopen(leader, { month: march, reason }), 403, "forbidden");
  await failure(await reopen(cadre, { month: march, reason }), 403, "forbidden");
  expect(await badFields(await reopen(admin, { month: march }))).toEqual(["reason"]);
  expect(await badFields(await reopen(admin, { month: march, reason: "   " }))).toEqual(["reason"]);
  expect(await badFields(await reopen(admin, { month: "2023-13", reason }))).toEqual(["month"]);
  await failure(
    await admin.request.post("/api/v1/reports/monthly/reopen", {
      data: { planId: 99_999_999, month: march, reason },
    }),
    404,
    "not_found",
  );

  // February cannot be reopened while March, built on it, is published.
  const later = await failure(await reopen(admin, { month: feb, reason }), 409, "conflict");
  expect(later.error).toMatchObject({ reason: "later_month_published", month: march });
  expect(Object.keys(later.error.fields ?? {})).toEqual(["month"]);
  expect((await getReport(cadre.request, { planId: plan.id, month: feb })).published).toBeDefined();

  const reopened = await json<MonthlyReport>(await reopen(admin, { month: march, reason }), 200);
  expect(reopened.published).toBeUndefined();
  await expectDocumented(admin.request, "MonthlyReport", reopened);
  expect(reopened).toMatchObject({ month: march, asOf: `${Y}-03-31` });
  expect(
    (await getReport(cadre.request, { planId: plan.id, month: march })).published,
  ).toBeUndefined();

  // March is open again: its entries change and count; February is still frozen.
  await json(
    await leader.request.patch(`/api/v1/entries/${march10.id}`, {
      data: { version: march10.version, note: "三月进展（更正）" },
    }),
    200,
  );
  await addEntry(leader.request, task.id, { date: `${Y}-03-31`, ...reading, value: 35 });
  const live = await getReport(cadre.request, { planId: plan.id, month: march });
  expect(rowOf(live, task.id).indicators[0]!.current).toBe(35);
  expect(rowOf(live, task.id).monthProgress).toContain("三月进展（更正）");
  await expectMonthPublished(
    await postEntry(leader.request, task.id, { date: `${Y}-02-20`, ...reading, value: 15 }),
    "date",
  );

  // Then February, which is then open too; a month not published is a 404.
  expect(
    (await json<MonthlyReport>(await reopen(admin, { month: feb, reason }), 200)).published,
  ).toBeUndefined();
  await addEntry(leader.request, task.id, { date: `${Y}-02-20`, ...reading, value: 15 });
  await failure(await reopen(admin, { month: feb, reason }), 404, "not_found");
  await failure(await reopen(admin, { month: `${Y}-05`, reason }), 404, "not_found");
});

test("publish: a month outside the plan's period or malformed is a 400 on month; an unknown plan 404", async ({
  admin,
  leader,
  cadre,
}) => {
  const plan = await pastPlan(admin.request, "月报期间街道");
  const Y = plan.year;
  const publish = (api: Api, body: object) =>
    api.request.post("/api/v1/reports/monthly/publish", { data: body });

  expect(await badFields(await publish(leader, { planId: plan.id, month: `${Y + 1}-01` }))).toEqual(
    ["month"],
  );
  expect(await badFields(await publish(leader, { planId: plan.id, month: `${Y - 1}-12` }))).toEqual(
    ["month"],
  );
  expect(await badFields(await publish(leader, { planId: plan.id, month: `${Y}-13` }))).toEqual([
    "month",
  ]);
  expect(await badFields(await publish(leader, { planId: plan.id }))).toEqual(["month"]);
  expect(await badFields(await publish(leader, { month: `${Y}-06` }))).toEqual(["planId"]);
  await failure(await publish(leader, { planId: 99_999_999, month: `${Y}-06` }), 404, "not_found");
  await failure(await publish(cadre, { planId: plan.id, month: `${Y}-06` }), 403, "forbidden");

  // Nothing was published: the months stay live.
  for (const month of [`${Y}-01`, `${Y}-06`, `${Y}-12`]) {
    expect((await getReport(cadre.request, { planId: plan.id, month })).published).toBeUndefined();
  }
});
