import ExcelJS from "exceljs";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, indicators, projects, taskCoUnits, tasks, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import {
  asActor,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  insertUnit,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { exportPlanXlsx } from "./export-plan";
import { importTasksXlsx, type RowError } from "./import-tasks";
import { COLUMNS, NOTES_SHEET, TASKS_SHEET, templateWorkbook, type TemplateRow } from "./template";

let db: Db;
let office: ReturnType<typeof insertOffice>;
let admin: Actor;
let leader: Actor;
let planId: number;
let otherPlanId: number;
let formulaPlanId: number;
let minzheng: number;
let chengguan: number;

beforeAll(() => {
  db = openTestDatabase();
  office = insertOffice(db);
  admin = asActor(office.admin);
  leader = asActor(office.leader);
  minzheng = insertUnit(db, "民政科").id;
  chengguan = insertUnit(db, "城管科").id;
  db.insert(units).values({ name: "撤并科室", type: "department", archivedAt: new Date() }).run();
  db.insert(users)
    .values({
      username: "gone",
      displayName: "离职",
      unitId: minzheng,
      role: "cadre",
      passwordHash: "x",
      active: false,
    })
    .run();

  planId = insertPlan(db, { year: 2023, isCurrent: true }).id;
  const huimin = insertProject(db, { planId, title: "惠民生" }).id;
  insertProject(db, { planId, title: "抓经济" });
  insertProject(db, { planId, title: "旧板块", archivedAt: new Date() });
  insertTask(db, {
    projectId: huimin,
    title: "已有任务",
    ownerId: office.cadre.id,
    leadUnitId: office.unit.id,
  });

  // A new, empty plan of the same year: where an export comes back to.
  otherPlanId = insertPlan(db, { year: 2023, title: "2023年工作计划（副本）" }).id;

  formulaPlanId = insertPlan(db, { year: 2023, title: "公式计划" }).id;
});

afterAll(closeTestDatabase);

const ZH = "zh-CN" as const;

/** Task fields of a first row, with the office's cadre and unit. */
const taskRow = (values: TemplateRow): TemplateRow => ({
  owner: "t-cadre",
  leadUnit: "测试社区",
  startDate: "2023-02-01",
  dueDate: "2023-11-30",
  ...values,
});

const goodRows = (): TemplateRow[] => [
  taskRow({
    project: "惠民生",
    title: "推进老旧小区改造",
    description: "华顺公寓、东海未名园、邻里中心",
    owner: "T-Cadre",
    coUnits: "民政科、城管科",
    weight: 2,
    indicatorName: "完成改造小区",
    measureUnit: "个",
    baseline: 0,
    target: 3,
    direction: "增加",
    decimals: 0,
  }),
  {
    project: "惠民生",
    title: "推进老旧小区改造",
    indicatorName: "加装电梯",
    measureUnit: "台",
    baseline: 1.5,
    target: 10.5,
    direction: "增加",
    decimals: 1,
  },
  taskRow({ project: "抓经济", title: "招商引资" }),
  taskRow({
    project: "抓经济",
    title: "降低单位能耗",
    coUnits: "城管科",
    indicatorName: "单位产值能耗",
    measureUnit: "吨标煤",
    baseline: 100,
    target: 80,
    direction: "减少",
  }),
];

const countOf = (table: typeof projects | typeof tasks | typeof indicators | typeof auditLog) =>
  db.select({ n: count() }).from(table).get()!.n;

/** The live tasks of a plan with everything the template carries, in the plan's order. */
function planTasks(id: number) {
  const rows = db
    .select({
      id: tasks.id,
      project: projects.title,
      position: tasks.position,
      title: tasks.title,
      description: tasks.description,
      ownerId: tasks.ownerId,
      leadUnitId: tasks.leadUnitId,
      startDate: tasks.startDate,
      dueDate: tasks.dueDate,
      weight: tasks.weight,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(eq(projects.planId, id), isNull(tasks.archivedAt)))
    .orderBy(asc(projects.position), asc(tasks.position))
    .all();
  return rows.map(({ id: taskId, ...task }) => ({
    ...task,
    coUnitIds: db
      .select({ unitId: taskCoUnits.unitId })
      .from(taskCoUnits)
      .where(eq(taskCoUnits.taskId, taskId))
      .all()
      .map((r) => r.unitId)
      .sort((a, b) => a - b),
    indicators: db
      .select({
        name: indicators.name,
        measureUnit: indicators.measureUnit,
        baseline: indicators.baseline,
        target: indicators.target,
        direction: indicators.direction,
        decimals: indicators.decimals,
        weight: indicators.weight,
      })
      .from(indicators)
      .where(eq(indicators.taskId, taskId))
      .orderBy(asc(indicators.position))
      .all(),
  }));
}

/** The titles of a plan's live projects, in order. */
const liveProjects = (id: number) =>
  db
    .select({ title: projects.title })
    .from(projects)
    .where(and(eq(projects.planId, id), isNull(projects.archivedAt)))
    .orderBy(asc(projects.position))
    .all()
    .map((p) => p.title);

const rowsOf = (error: { details?: Record<string, unknown> }) =>
  (error.details?.rows ?? []) as RowError[];

describe("importTasksXlsx", () => {
  it("imports a good file: tasks at the end of their projects, co-units, indicators, audit rows", async () => {
    const auditBefore = countOf(auditLog);
    const result = await importTasksXlsx(
      admin,
      { planId, bytes: await templateWorkbook(goodRows()) },
      ZH,
    );
    expect(result).toEqual({ projects: 0, tasks: 3, indicators: 3 });

    const imported = planTasks(planId);
    expect(imported.map((t) => [t.project, t.position, t.title])).toEqual([
      ["惠民生", 1, "已有任务"],
      ["惠民生", 2, "推进老旧小区改造"],
      ["抓经济", 1, "招商引资"],
      ["抓经济", 2, "降低单位能耗"],
    ]);
    const renovation = imported[1]!;
    expect(renovation).toMatchObject({
      description: "华顺公寓、东海未名园、邻里中心",
      ownerId: office.cadre.id,
      leadUnitId: office.unit.id,
      startDate: "2023-02-01",
      dueDate: "2023-11-30",
      weight: 2,
      coUnitIds: [minzheng, chengguan].sort((a, b) => a - b),
    });
    expect(renovation.indicators).toEqual([
      {
        name: "完成改造小区",
        measureUnit: "个",
        baseline: 0,
        target: 3,
        direction: "increase",
        decimals: 0,
        weight: 1,
      },
      {
        name: "加装电梯",
        measureUnit: "台",
        baseline: 1.5,
        target: 10.5,
        direction: "increase",
        decimals: 1,
        weight: 1,
      },
    ]);
    expect(imported[2]).toMatchObject({ weight: 1, coUnitIds: [], indicators: [] });
    expect(imported[3]!.indicators).toEqual([
      expect.objectContaining({ baseline: 100, target: 80, direction: "decrease" }),
    ]);
    // One audit row per task and per indicator.
    expect(countOf(auditLog) - auditBefore).toBe(6);
    const taskAudits = db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "task"), eq(auditLog.action, "create")))
      .all();
    expect(taskAudits.map((a) => (a.after as { title: string }).title)).toContain("招商引资");
  });

  it("accepts dates written as text, full-width brackets in headers, and a sheet of any name", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(COLUMNS.map((c) => c.header.replace("(", "（").replace(")", "）")));
    sheet.addRow([
      "抓经济",
      "文字日期任务",
      "",
      "t-cadre",
      "测试社区",
      "",
      "2023-03-01",
      "2023年12月31日",
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importTasksXlsx(admin, { planId, bytes }, ZH)).toEqual({
      projects: 0,
      tasks: 1,
      indicators: 0,
    });
    expect(planTasks(planId).find((t) => t.title === "文字日期任务")).toMatchObject({
      startDate: "2023-03-01",
      dueDate: "2023-12-31",
    });
  });

  it("writes nothing while any row is bad, and names every bad cell with its reason", async () => {
    const before = {
      projects: countOf(projects),
      tasks: countOf(tasks),
      indicators: countOf(indicators),
      audit: countOf(auditLog),
    };
    const rows: TemplateRow[] = [
      taskRow({
        project: "抓经济",
        title: "好的任务一",
        indicatorName: "企业",
        measureUnit: "家",
        target: 5,
      }),
      taskRow({ project: "抓经济", title: "好的任务二", owner: "zhangsan" }),
      // A new 工作板块 would be created, but not with a title past 100 characters.
      taskRow({ project: "新".repeat(101), title: "好的任务三" }),
      taskRow({ project: "新建的板块", title: "好的任务三" }),
      taskRow({
        project: "抓经济",
        title: "好的任务四",
        dueDate: "2024-01-31",
        leadUnit: "撤并科室",
      }),
      taskRow({
        project: "抓经济",
        title: "好的任务五",
        indicatorName: "指标",
        measureUnit: "个",
        baseline: 3,
        target: 3,
        direction: "往上",
      }),
      taskRow({ project: "惠民生", title: "已有任务", owner: "gone", weight: 0 }),
      taskRow({
        project: "抓经济",
        title: "好的任务六",
        startDate: "2023-06-01",
        dueDate: "2023-05-01",
      }),
      taskRow({ project: "抓经济", title: "好的任务一" }),
      taskRow({ project: "抓经济", title: "好的任务七", coUnits: "民政科、没有这个科" }),
    ];
    const error = await refusal(
      importTasksXlsx(admin, { planId, bytes: await templateWorkbook(rows) }, ZH),
      "validation_failed",
    );
    expect(rowsOf(error)).toEqual([
      { row: 3, column: "责任人(用户名)", cell: "D3", message: "找不到用户 zhangsan" },
      { row: 4, column: "工作板块", cell: "A4", message: "内容过长（最多 100 个字）" },
      { row: 6, column: "牵头单位", cell: "E6", message: "单位“撤并科室”已归档" },
      {
        row: 6,
        column: "完成时限",
        cell: "H6",
        message: "日期须在计划期内（2023-01-01 至 2023-12-31）",
      },
      {
        row: 7,
        column: "方向(增加/减少)",
        cell: "N7",
        message: "方向只能填“增加”或“减少”",
      },
      { row: 8, column: "任务名称", cell: "B8", message: "工作板块“惠民生”中已有同名任务" },
      { row: 8, column: "责任人(用户名)", cell: "D8", message: "用户 gone 已停用" },
      { row: 8, column: "权重", cell: "I8", message: "权重须大于 0 且不超过 100" },
      { row: 9, column: "完成时限", cell: "H9", message: "完成时限不能早于开始日期" },
      { row: 10, column: "任务名称", cell: "B10", message: "与第 2 行的任务重名" },
      { row: 11, column: "配合单位(、分隔)", cell: "F11", message: "找不到单位“没有这个科”" },
    ]);
    expect(error.fields?.file).toBe(
      "文件中有 11 处错误（第 3、4、6、7、8、9、10、11 行），未导入任何内容",
    );
    expect({
      projects: countOf(projects),
      tasks: countOf(tasks),
      indicators: countOf(indicators),
      audit: countOf(auditLog),
    }).toEqual(before);
    expect(planTasks(planId).map((t) => t.title)).not.toContain("好的任务一");
    // The new 工作板块 of the good row was not created either.
    expect(liveProjects(planId)).toEqual(["惠民生", "抓经济"]);
  });

  it("checks an indicator's own rules: target away from the baseline, decimals, required cells", async () => {
    const rows: TemplateRow[] = [
      taskRow({
        project: "抓经济",
        title: "指标任务",
        indicatorName: "甲",
        measureUnit: "个",
        baseline: 5,
        target: 5,
      }),
      {
        project: "抓经济",
        title: "指标任务",
        indicatorName: "乙",
        measureUnit: "万元",
        target: 2.55,
        decimals: 1,
      },
      { project: "抓经济", title: "指标任务", measureUnit: "户", target: "很多" },
      { project: "抓经济", title: "指标任务", owner: "t-leader" },
    ];
    const error = await refusal(
      importTasksXlsx(admin, { planId, bytes: await templateWorkbook(rows) }, ZH),
      "validation_failed",
    );
    expect(rowsOf(error).map((r) => [r.cell, r.message])).toEqual([
      ["M2", "目标值须朝指标方向偏离基期值（增加：高于基期值；减少：低于基期值）"],
      ["M3", "小数位数超过该指标的小数位（1 位）"],
      ["J4", "此项为必填"],
      ["M4", "“很多”不是有效的数字"],
      ["D5", "同一任务的后续行只填写指标列：此列请留空，或与第 2 行相同"],
      ["J5", "同一任务的后续行须填写一个指标"],
    ]);
  });

  it("answers in English for an English caller", async () => {
    const error = await refusal(
      importTasksXlsx(
        admin,
        {
          planId,
          bytes: await templateWorkbook([
            taskRow({ project: "抓经济", title: "x", owner: "nobody" }),
          ]),
        },
        "en",
      ),
      "validation_failed",
    );
    expect(rowsOf(error)).toEqual([
      { row: 2, column: "责任人(用户名)", cell: "D2", message: "No user nobody" },
    ]);
  });

  it("refuses what is not an .xlsx workbook (415), an empty template (400), and non-admins (403)", async () => {
    await refusal(
      importTasksXlsx(admin, { planId, bytes: new TextEncoder().encode("任务,责任人\n") }, ZH),
      "unsupported_media_type",
    );
    const empty = await refusal(
      importTasksXlsx(admin, { planId, bytes: await templateWorkbook() }, ZH),
      "validation_failed",
    );
    expect(empty.fields).toEqual({ file: "文件中没有任务" });
    await refusal(
      importTasksXlsx(leader, { planId, bytes: await templateWorkbook(goodRows()) }, ZH),
      "forbidden",
    );
    await refusal(
      importTasksXlsx(admin, { planId: 999_999, bytes: await templateWorkbook(goodRows()) }, ZH),
      "not_found",
    );
  });

  it("exports a plan (leaders and admins) that imports into a new, empty plan as the same themes and tasks", async () => {
    await refusal(exportPlanXlsx(asActor(office.cadre), planId), "forbidden");
    const { bytes, fileName } = await exportPlanXlsx(leader, planId);
    expect(fileName).toBe("2023年工作计划-任务.xlsx");
    const source = planTasks(planId);
    expect(source.length).toBeGreaterThanOrEqual(5);
    expect(liveProjects(otherPlanId)).toEqual([]);

    const auditBefore = countOf(auditLog);
    const result = await importTasksXlsx(admin, { planId: otherPlanId, bytes }, ZH);
    const indicatorCount = source.reduce((sum, t) => sum + t.indicators.length, 0);
    expect(result).toEqual({ projects: 2, tasks: source.length, indicators: indicatorCount });
    // The themes, created at the end in the file's order (the archived one left out), and tasks.
    expect(liveProjects(otherPlanId)).toEqual(["惠民生", "抓经济"]);
    expect(
      db
        .select({ position: projects.position })
        .from(projects)
        .where(eq(projects.planId, otherPlanId))
        .orderBy(asc(projects.position))
        .all()
        .map((p) => p.position),
    ).toEqual([1, 2]);
    expect(planTasks(otherPlanId)).toEqual(source);
    // Each new theme with its audit row, in the same write.
    expect(countOf(auditLog) - auditBefore).toBe(2 + source.length + indicatorCount);
    const themeAudits = db
      .select({ after: auditLog.after, actorId: auditLog.actorId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "project"),
          eq(auditLog.action, "create"),
          inArray(
            auditLog.entityId,
            db.select({ id: projects.id }).from(projects).where(eq(projects.planId, otherPlanId)),
          ),
        ),
      )
      .all();
    expect(themeAudits).toEqual([
      {
        actorId: admin.id,
        after: {
          title: "惠民生",
          description: "",
          leadLeaderId: null,
          position: 1,
          archived: false,
        },
      },
      {
        actorId: admin.id,
        after: {
          title: "抓经济",
          description: "",
          leadLeaderId: null,
          position: 2,
          archived: false,
        },
      },
    ]);

    // The same file into its own plan again: every task is already there, no theme is new.
    const again = await refusal(importTasksXlsx(admin, { planId, bytes }, ZH), "validation_failed");
    expect(rowsOf(again).filter((r) => r.message.includes("已有同名任务"))).toHaveLength(
      source.length,
    );
  });

  it("creates only the themes a plan lacks, after its own, and puts tasks in the existing ones", async () => {
    const target = insertPlan(db, { year: 2023, title: "部分板块计划" }).id;
    insertProject(db, { planId: target, title: "抓经济" });
    const rows = [
      taskRow({ project: "新板块乙", title: "任务一" }),
      taskRow({ project: "抓经济", title: "任务二" }),
      taskRow({ project: "新板块甲", title: "任务三" }),
      taskRow({ project: "新板块乙", title: "任务四" }),
    ];
    const result = await importTasksXlsx(
      admin,
      { planId: target, bytes: await templateWorkbook(rows) },
      ZH,
    );
    expect(result).toEqual({ projects: 2, tasks: 4, indicators: 0 });
    expect(liveProjects(target)).toEqual(["抓经济", "新板块乙", "新板块甲"]);
    expect(planTasks(target).map((t) => [t.project, t.position, t.title])).toEqual([
      ["抓经济", 1, "任务二"],
      ["新板块乙", 1, "任务一"],
      ["新板块乙", 2, "任务四"],
      ["新板块甲", 1, "任务三"],
    ]);
  });

  it("writes the template with its header frozen and bold, its notes, and the direction list", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbook()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([TASKS_SHEET, NOTES_SHEET]);
    const sheet = workbook.getWorksheet(TASKS_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("N2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"增加,减少"'],
    });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);
    const notes = workbook.getWorksheet(NOTES_SHEET)!;
    const text = (notes.getColumn(1).values as unknown[]).join("\n");
    expect(text).toContain("后续行这几列留空");
  });

  it("writes text that looks like a formula as text, and reads it back unchanged", async () => {
    const project = insertProject(db, { planId: formulaPlanId, title: '=HYPERLINK("x")' }).id;
    insertTask(db, {
      projectId: project,
      title: "=1+2",
      description: "@SUM(A1:A9)",
      ownerId: office.cadre.id,
      leadUnitId: office.unit.id,
      indicators: [{ name: "+cmd|' /C calc'!A0", measureUnit: "-个", target: 3 }],
    });
    const { bytes } = await exportPlanXlsx(admin, formulaPlanId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet(TASKS_SHEET)!;
    for (const [address, value] of [
      ["A2", '=HYPERLINK("x")'],
      ["B2", "=1+2"],
      ["C2", "@SUM(A1:A9)"],
      ["J2", "+cmd|' /C calc'!A0"],
      ["K2", "-个"],
    ] as const) {
      const cell = sheet.getCell(address);
      expect(cell.type, address).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, address).toBeUndefined();
      expect(cell.value, address).toBe(value);
      expect(cell.numFmt, address).toBe("@");
    }
    // Back in: the same text, not a formula's result.
    const copy = insertPlan(db, { year: 2023, title: "公式计划副本" }).id;
    insertProject(db, { planId: copy, title: '=HYPERLINK("x")' });
    await importTasksXlsx(admin, { planId: copy, bytes }, ZH);
    expect(planTasks(copy)).toEqual(planTasks(formulaPlanId));
  });

  it("leaves archived tasks and themes out of the export", async () => {
    const { bytes } = await exportPlanXlsx(admin, planId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const titles = (workbook.getWorksheet(TASKS_SHEET)!.getColumn(1).values as unknown[]).slice(2);
    expect(titles).not.toContain("旧板块");
    const live = db
      .select({ n: count() })
      .from(tasks)
      .where(
        and(
          isNull(tasks.archivedAt),
          inArray(
            tasks.projectId,
            db.select({ id: projects.id }).from(projects).where(eq(projects.planId, planId)),
          ),
        ),
      )
      .get()!.n;
    // One row per task, plus one per indicator after a task's first.
    const extra = planTasks(planId).reduce(
      (sum, t) => sum + Math.max(0, t.indicators.length - 1),
      0,
    );
    expect(titles.filter(Boolean)).toHaveLength(live + extra);
  });
});
