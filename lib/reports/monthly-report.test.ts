import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { urges } from "@/db/schema";
import { resolvePlan, type Plan } from "@/lib/plans/queries";
import { fakeDateAt } from "@/lib/testing/clock";
import {
  closeTestDatabase,
  insertEntry,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUnit,
  insertUser,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import {
  buildMonthlyReport,
  defaultReportMonth,
  getMonthlyReport,
  reportMonths,
  reportTitle,
} from "./monthly-report";
import { NOVEMBER_2023 } from "./testing";
import type { MonthlyReport, ReportRow } from "./types";

// 2023-12-10 04:00 UTC: noon on 10 December in the office (Asia/Shanghai), 9 December 20:00 in
// the test's own zone (America/Los_Angeles). November is over, December under way.
fakeDateAt(new Date("2023-12-10T04:00:00Z"));
const TODAY = "2023-12-10";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let plan: Plan;
let otherPlanId: number;
let otherProjectId: number;
let unitB: { id: number; name: string };
let cadreB: { id: number; displayName: string };
let economy: { id: number };
let welfare: { id: number };
/** Task ids by their role in the tests. */
const t = {} as Record<
  | "renovation"
  | "investment"
  | "lateStart"
  | "lastDay"
  | "nextDay"
  | "completed"
  | "notCounting"
  | "nextSteps",
  number
>;

/** An urge of a task, sent at an instant (straight into the table). */
const urgeAt = (taskId: number, at: string) =>
  db
    .insert(urges)
    .values({
      taskId,
      authorId: office.leader.id,
      recipientId: office.cadre.id,
      message: "请尽快填报",
      createdAt: new Date(at),
      updatedAt: new Date(at),
    })
    .run();

beforeAll(async () => {
  db = openTestDatabase();
  office = insertOffice(db);
  unitB = insertUnit(db, "经济科");
  cadreB = insertUser(db, {
    unitId: unitB.id,
    role: "cadre",
    username: "lisi",
    displayName: "李四",
  });
  const planRow = insertPlan(db, {
    year: 2023,
    title: "白杨街道2023年工作计划",
    isCurrent: true,
  });
  plan = await resolvePlan(planRow.id);
  // Another plan: a project of its own, and a period that has not begun.
  otherPlanId = insertPlan(db, { year: 2024, title: "白杨街道2024年工作计划" }).id;
  otherProjectId = insertProject(db, { planId: otherPlanId, title: "2024板块" }).id;

  economy = insertProject(db, { planId: plan.id, title: "抓经济" });
  welfare = insertProject(db, { planId: plan.id, title: "惠民生" });
  const cadre = office.cadre;
  const ours = { ownerId: cadre.id, leadUnitId: office.unit.id };

  // 抓经济 1: three estates to renovate, with unitB as a co-unit.
  const renovation = insertTask(db, {
    projectId: economy.id,
    title: "老旧小区改造",
    ...ours,
    coUnitIds: [unitB.id],
    indicators: [{ name: "改造小区", measureUnit: "个", target: 3 }],
  });
  t.renovation = renovation.id;
  const estates = renovation.indicators[0]!.id;
  const entry = (date: string, value: number, values: Record<string, unknown> = {}) =>
    insertEntry(db, {
      taskId: renovation.id,
      authorId: cadre.id,
      entryDate: date,
      readings: { [estates]: value },
      ...values,
    });
  entry("2023-10-20", 1, { note: "华顺公寓完工" });
  // Inserted before the 5 November entry: 本月进展 follows the dates, not the ids.
  entry("2023-11-30", 2, {
    note: "东海未名园完工",
    problems: "资金缺口",
    nextSteps: "启动邻里中心",
  });
  entry("2023-11-05", 1, { note: "东海未名园开工", problems: "审批慢", nextSteps: "推进审批" });
  // Later on the last day, but withdrawn or returned: they do not count.
  entry("2023-11-30", 3, {
    note: "已撤回的填报",
    problems: "撤回的问题",
    nextSteps: "撤回的计划",
    withdrawnAt: new Date("2023-12-01T02:00:00Z"),
  });
  entry("2023-11-30", 3, {
    note: "被退回的填报",
    problems: "退回的问题",
    nextSteps: "退回的计划",
    reviewStatus: "returned",
    reviewReason: "数据有误",
  });
  entry("2023-12-01", 3, { note: "邻里中心完工", nextSteps: "验收" });

  // 抓经济 2: led by unitB, reported in October only, urged around November's end.
  t.investment = insertTask(db, {
    projectId: economy.id,
    title: "招商引资",
    ownerId: cadreB.id,
    leadUnitId: unitB.id,
    indicators: [{ name: "引资", measureUnit: "万元", target: 100 }],
  }).id;
  insertEntry(db, {
    taskId: t.investment,
    authorId: cadreB.id,
    entryDate: "2023-10-10",
    note: "签约两家企业",
  });
  urgeAt(t.investment, "2023-10-15T02:00:00Z");
  // 23:59:59 on 30 November in Shanghai: November's.
  urgeAt(t.investment, "2023-11-30T15:59:59Z");
  // 00:00 on 1 December in Shanghai: December's.
  urgeAt(t.investment, "2023-11-30T16:00:00Z");

  // 惠民生 1: begins after November's reporting day (the 25th): not due to report in November.
  t.lateStart = insertTask(db, {
    projectId: welfare.id,
    title: "托育服务",
    ...ours,
    startDate: "2023-11-26",
  }).id;
  // 惠民生 2: reported on the month's last day only.
  t.lastDay = insertTask(db, { projectId: welfare.id, title: "月底填报", ...ours }).id;
  insertEntry(db, {
    taskId: t.lastDay,
    authorId: cadre.id,
    entryDate: "2023-11-30",
    percent: 50,
    note: "完成一半",
  });
  // 惠民生 3: begun on the reporting day itself; reported on 1 December only.
  t.nextDay = insertTask(db, {
    projectId: welfare.id,
    title: "次月填报",
    ...ours,
    startDate: "2023-11-25",
  }).id;
  insertEntry(db, {
    taskId: t.nextDay,
    authorId: cadre.id,
    entryDate: "2023-12-01",
    percent: 30,
    note: "十二月才填报",
  });
  // 惠民生 4: completed in September.
  t.completed = insertTask(db, {
    projectId: welfare.id,
    title: "已完成的任务",
    ...ours,
    status: "completed",
    completedOn: "2023-09-30",
  }).id;
  // 惠民生 5: November's only entries were returned or withdrawn.
  t.notCounting = insertTask(db, { projectId: welfare.id, title: "退回和撤回", ...ours }).id;
  insertEntry(db, {
    taskId: t.notCounting,
    authorId: cadre.id,
    entryDate: "2023-11-10",
    percent: 80,
    note: "退回",
    reviewStatus: "returned",
    reviewReason: "不实",
  });
  insertEntry(db, {
    taskId: t.notCounting,
    authorId: cadre.id,
    entryDate: "2023-11-12",
    percent: 70,
    note: "撤回",
    withdrawnAt: new Date("2023-11-13T02:00:00Z"),
  });
  // 惠民生 6: the month's latest entry names no next steps; an earlier one does.
  t.nextSteps = insertTask(db, { projectId: welfare.id, title: "下步计划", ...ours }).id;
  insertEntry(db, {
    taskId: t.nextSteps,
    authorId: cadre.id,
    entryDate: "2023-11-03",
    percent: 10,
    note: "摸底",
    nextSteps: "制定方案",
  });
  insertEntry(db, {
    taskId: t.nextSteps,
    authorId: cadre.id,
    entryDate: "2023-11-20",
    percent: 20,
    note: "",
    nextSteps: "  ",
  });
});

afterAll(closeTestDatabase);

const november = () => buildMonthlyReport(plan, "2023-11", TODAY);
const rowOf = (report: MonthlyReport, taskId: number): ReportRow =>
  report.rows.find((row) => row.taskId === taskId)!;

describe("reportTitle", () => {
  it("names the office as the plan's title does, before its year", () => {
    expect(reportTitle({ title: "白杨街道2023年工作计划", year: 2023 }, "2023-11")).toBe(
      "白杨街道2023年11月重点工作推进情况",
    );
    expect(reportTitle({ title: "白杨街道2023年工作计划", year: 2023 }, "2023-01")).toBe(
      "白杨街道2023年1月重点工作推进情况",
    );
  });

  it("has no office prefix when the title does not carry the plan's year", () => {
    expect(reportTitle({ title: "年度工作计划", year: 2023 }, "2023-11")).toBe(
      "2023年11月重点工作推进情况",
    );
    expect(reportTitle({ title: "白杨街道2022年工作计划", year: 2023 }, "2023-11")).toBe(
      "2023年11月重点工作推进情况",
    );
    expect(reportTitle({ title: "2023年工作计划", year: 2023 }, "2023-11")).toBe(
      "2023年11月重点工作推进情况",
    );
  });
});

describe("reportMonths", () => {
  it("runs from the plan's first month to this one, and is empty before the plan begins", async () => {
    expect(reportMonths(plan, TODAY)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}`),
    );
    expect(reportMonths(plan, "2023-03-01")).toEqual(["2023-01", "2023-02", "2023-03"]);
    expect(reportMonths(await resolvePlan(otherPlanId), TODAY)).toEqual([]);
  });
});

describe("buildMonthlyReport", () => {
  it("is November as of its last day, with the plan's projects and tasks in order", () => {
    const report = november();
    // The header the hand-built reports of the export tests copy.
    expect(report).toMatchObject({ ...NOVEMBER_2023, planId: plan.id });
    expect([report.title, report.asOf, report.complete]).toEqual([
      "白杨街道2023年11月重点工作推进情况",
      "2023-11-30",
      true,
    ]);
    expect(report.published).toBeUndefined();
    expect(report.projects.map((p) => [p.id, p.title, p.taskCount])).toEqual([
      [economy.id, "抓经济", 2],
      [welfare.id, "惠民生", 6],
    ]);
    expect(report.rows.map((row) => [row.title, row.number])).toEqual([
      ["老旧小区改造", 1],
      ["招商引资", 2],
      ["托育服务", 1],
      ["月底填报", 2],
      ["次月填报", 3],
      ["已完成的任务", 4],
      ["退回和撤回", 5],
      ["下步计划", 6],
    ]);
    expect(rowOf(report, t.renovation)).toMatchObject({
      leadUnitId: office.unit.id,
      leadUnitName: "测试社区",
      coUnitIds: [unitB.id],
      ownerId: office.cadre.id,
      ownerName: "测试cadre",
      startDate: "2023-01-01",
      dueDate: "2023-12-31",
    });
  });

  it("counts an entry dated on the month's last day, and not one dated the next day", () => {
    const report = november();
    const renovation = rowOf(report, t.renovation);
    expect(renovation.indicators).toEqual([
      { name: "改造小区", unit: "个", decimals: 0, target: 3, current: 2 },
    ]);
    expect(renovation.progress).toBeCloseTo(2 / 3, 12);
    expect(renovation.notReported).toBe(false);

    const lastDay = rowOf(report, t.lastDay);
    expect(lastDay).toMatchObject({
      notReported: false,
      progress: 0.5,
      monthProgress: "完成一半",
    });

    const nextDay = rowOf(report, t.nextDay);
    expect(nextDay).toMatchObject({ notReported: true, progress: 0, monthProgress: "" });

    // December, as of today, has them.
    const december = buildMonthlyReport(plan, "2023-12", TODAY);
    expect(december).toMatchObject({ asOf: TODAY, complete: false });
    expect(rowOf(december, t.renovation).indicators[0]!.current).toBe(3);
    expect(rowOf(december, t.renovation).monthProgress).toBe("邻里中心完工");
    expect(rowOf(december, t.nextDay)).toMatchObject({
      progress: 0.3,
      monthProgress: "十二月才填报",
    });
    expect(december.narrative.startsWith("截至2023年12月10日，共有重点任务8项，")).toBe(true);
  });

  it("joins the month's entries in date order, problems once each, and the latest next steps", () => {
    const renovation = rowOf(november(), t.renovation);
    expect(renovation.monthProgress).toBe("11月5日：东海未名园开工\n11月30日：东海未名园完工");
    expect(renovation.problems).toBe("审批慢\n资金缺口");
    expect(renovation.nextSteps).toBe("启动邻里中心");
    // The latest entry that names next steps, when the latest names none; a blank note is left
    // out, and a single note goes undated.
    expect(rowOf(november(), t.nextSteps)).toMatchObject({
      monthProgress: "摸底",
      nextSteps: "制定方案",
      notReported: false,
      progress: 0.2,
    });
  });

  it("leaves out withdrawn and returned entries", () => {
    const report = november();
    const renovation = rowOf(report, t.renovation);
    for (const text of ["已撤回的填报", "被退回的填报"]) {
      expect(renovation.monthProgress).not.toContain(text);
    }
    expect(renovation.problems).not.toMatch(/撤回|退回/);
    expect(renovation.nextSteps).toBe("启动邻里中心");
    expect(renovation.indicators[0]!.current).toBe(2);
    expect(rowOf(report, t.notCounting)).toMatchObject({
      notReported: true,
      progress: 0,
      monthProgress: "",
      problems: "",
      nextSteps: "",
    });
  });

  it("counts urges up to the end of the month's last day on the office's clock", () => {
    expect(rowOf(november(), t.investment).urgeCount).toBe(2);
    expect(rowOf(november(), t.renovation).urgeCount).toBe(0);
    expect(rowOf(buildMonthlyReport(plan, "2023-10", TODAY), t.investment).urgeCount).toBe(1);
    expect(rowOf(buildMonthlyReport(plan, "2023-12", TODAY), t.investment).urgeCount).toBe(3);
  });

  it("lists who has not reported under their task's lead unit, not tasks begun after the reporting day", () => {
    const report = november();
    expect(report.notReported).toEqual([
      {
        unitId: office.unit.id,
        unitName: "测试社区",
        ownerId: office.cadre.id,
        ownerName: "测试cadre",
        tasks: [
          { id: t.nextDay, title: "次月填报" },
          { id: t.notCounting, title: "退回和撤回" },
        ],
      },
      {
        unitId: unitB.id,
        unitName: "经济科",
        ownerId: cadreB.id,
        ownerName: "李四",
        tasks: [{ id: t.investment, title: "招商引资" }],
      },
    ]);
    expect(rowOf(report, t.lateStart).notReported).toBe(false);
    expect(rowOf(report, t.completed)).toMatchObject({
      notReported: false,
      completed: true,
      light: "blue",
    });
    expect(report.summary).toMatchObject({ taskCount: 8, completed: 1, notReported: 3 });
    expect(report.narrative).toContain("本月有2个单位的3项任务未按期填报进展。");
    expect(report.narrative.startsWith("截至2023年11月底，共有重点任务8项，已完成1项，")).toBe(
      true,
    );
  });

  it("is as of the plan's last day when the plan ends mid-month, and says that day", async () => {
    const short = insertPlan(db, {
      year: 2023,
      title: "白杨街道2023年上半年计划",
      endDate: "2023-06-05",
    });
    const project = insertProject(db, { planId: short.id, title: "专项" });
    insertTask(db, {
      projectId: project.id,
      title: "专项整治",
      ownerId: office.cadre.id,
      leadUnitId: office.unit.id,
      dueDate: "2023-06-05",
    });
    const shortPlan = await resolvePlan(short.id);
    const june = buildMonthlyReport(shortPlan, "2023-06", TODAY);
    expect(june).toMatchObject({ month: "2023-06", asOf: "2023-06-05", complete: true });
    expect(june.narrative.startsWith("截至2023年6月5日，共有重点任务1项，")).toBe(true);
    expect(june.narrative).not.toContain("6月底");
    // May ends within the plan: 月底.
    const may = buildMonthlyReport(shortPlan, "2023-05", TODAY);
    expect(may.asOf).toBe("2023-05-31");
    expect(may.narrative.startsWith("截至2023年5月底，")).toBe(true);
  });

  it("is identical when built twice, and when built again after later entries and urges", async () => {
    const first = november();
    expect(november()).toEqual(first);
    expect(await getMonthlyReport({ planId: plan.id, month: "2023-11" })).toEqual(first);

    // December goes on: none of it reaches November's report.
    insertEntry(db, {
      taskId: t.investment,
      authorId: cadreB.id,
      entryDate: "2023-12-08",
      note: "又签约一家",
      problems: "用地紧张",
    });
    insertEntry(db, {
      taskId: t.notCounting,
      authorId: office.cadre.id,
      entryDate: "2023-12-09",
      percent: 90,
      note: "补报",
    });
    urgeAt(t.investment, "2023-12-09T01:00:00Z");
    expect(november()).toEqual(first);
    expect(rowOf(buildMonthlyReport(plan, "2023-12", TODAY), t.investment).urgeCount).toBe(4);
  });
});

describe("getMonthlyReport", () => {
  it("opens on the month of today by default, on the current plan by default", async () => {
    const report = await getMonthlyReport({ planId: plan.id });
    expect(report).toMatchObject({ month: "2023-12", asOf: TODAY, complete: false });
    expect(report.narrative.startsWith("截至2023年12月10日，")).toBe(true);
    const current = await getMonthlyReport({});
    expect(current).toMatchObject({ planId: plan.id, month: "2023-12" });
  });

  it("filters by project and by unit (lead or co-unit)", async () => {
    const welfareOnly = await getMonthlyReport({
      planId: plan.id,
      month: "2023-11",
      projectId: welfare.id,
    });
    expect(welfareOnly.filters).toEqual({ projectId: welfare.id, projectTitle: "惠民生" });
    expect(welfareOnly.rows.map((row) => row.taskId)).toEqual([
      t.lateStart,
      t.lastDay,
      t.nextDay,
      t.completed,
      t.notCounting,
      t.nextSteps,
    ]);
    expect(welfareOnly.projects.map((p) => p.id)).toEqual([welfare.id]);
    expect(welfareOnly.summary.taskCount).toBe(6);

    const unit = await getMonthlyReport({ planId: plan.id, month: "2023-11", unitId: unitB.id });
    expect(unit.filters).toEqual({ unitId: unitB.id, unitName: "经济科" });
    expect(unit.rows.map((row) => [row.taskId, row.number])).toEqual([
      [t.renovation, 1],
      [t.investment, 2],
    ]);
    expect(unit.notReported.map((o) => o.ownerId)).toEqual([cadreB.id]);
    expect(unit.narrative.startsWith("截至2023年11月底，共有重点任务2项，")).toBe(true);
  });

  it("refuses a month outside the plan or not yet begun (400 on month)", async () => {
    for (const month of ["2022-12", "2024-01"]) {
      const error = await refusal(
        getMonthlyReport({ planId: plan.id, month }),
        "validation_failed",
      );
      expect(error.status).toBe(400);
      expect(error.fields).toEqual({ month: "validation.reportMonth" });
    }
    const notBegun = await refusal(
      getMonthlyReport({ planId: otherPlanId, month: "2024-01" }),
      "validation_failed",
    );
    expect(notBegun.fields).toEqual({ month: "validation.reportMonth" });
  });

  it("names both filters, and keeps a unit with no task of the plan (an empty report)", async () => {
    const both = await getMonthlyReport({
      planId: plan.id,
      month: "2023-11",
      projectId: economy.id,
      unitId: unitB.id,
    });
    expect(both.filters).toEqual({
      projectId: economy.id,
      projectTitle: "抓经济",
      unitId: unitB.id,
      unitName: "经济科",
    });
    expect(both.rows.map((row) => row.taskId)).toEqual([t.renovation, t.investment]);

    const idle = insertUnit(db, "未分配任务的科室");
    const empty = await getMonthlyReport({ planId: plan.id, month: "2023-11", unitId: idle.id });
    expect(empty.filters).toEqual({ unitId: idle.id, unitName: "未分配任务的科室" });
    expect(empty.rows).toEqual([]);
    expect(empty.narrative).toBe("截至2023年11月底，暂无重点任务。");
  });

  it("refuses a unit that does not exist (400 on unitId)", async () => {
    const error = await refusal(
      getMonthlyReport({ planId: plan.id, month: "2023-11", unitId: 999_999 }),
      "validation_failed",
    );
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ unitId: "validation.unknownUnit" });
  });

  it("opens a plan that has not begun on its first month, which is refused (400 on month)", async () => {
    const notBegun = await resolvePlan(otherPlanId);
    expect(await defaultReportMonth(notBegun)).toBe("2024-01");
    const error = await refusal(getMonthlyReport({ planId: otherPlanId }), "validation_failed");
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ month: "validation.reportMonth" });
  });

  it("refuses a project of another plan (400 on projectId)", async () => {
    const error = await refusal(
      getMonthlyReport({ planId: plan.id, month: "2023-11", projectId: otherProjectId }),
      "validation_failed",
    );
    expect(error.fields).toEqual({ projectId: "validation.unknownProject" });
  });

  it("is 404 for an unknown plan", async () => {
    const error = await refusal(
      getMonthlyReport({ planId: 999_999, month: "2023-11" }),
      "not_found",
    );
    expect(error.status).toBe(404);
  });
});
