import { describe, expect, it } from "vitest";
import {
  filterReport,
  narrativeOf,
  notReportedOwners,
  numberRows,
  projectFigures,
  summarize,
} from "./summarize";
import { PUBLISHED_BY, reportOf, rowsWith } from "./testing";
import type { MonthlyReport, ReportRow } from "./types";

/** Rows of 经济科 (unit 10) and 张三 (owner 100) unless said otherwise. */
const row = rowsWith({ leadUnitId: 10, leadUnitName: "经济科", ownerId: 100 });

/**
 * Six tasks: 1 completed (blue), 2 on pace (green), 1 behind on yellow, 1 behind on red and
 * overdue, 1 with no progress on red (behind, not "not started": it is already late). Two not
 * reported, under two units.
 */
const rows: ReportRow[] = [
  row({ taskId: 1, light: "blue", completed: true, progress: 1, timeProgress: 0.8, weight: 2 }),
  row({ taskId: 2, light: "green", progress: 0.8, timeProgress: 0.85 }),
  row({ taskId: 3, projectId: 2, light: "green", progress: 0.6, timeProgress: 0.6 }),
  row({
    taskId: 4,
    projectId: 2,
    light: "yellow",
    progress: 0.5,
    timeProgress: 0.7,
    leadUnitId: 20,
    leadUnitName: "白杨社区",
    ownerId: 200,
    ownerName: "李四",
    notReported: true,
  }),
  row({
    taskId: 5,
    projectId: 2,
    light: "red",
    progress: 0.3,
    timeProgress: 1,
    overdue: true,
    coUnitIds: [20],
  }),
  row({ taskId: 6, light: "red", progress: 0, timeProgress: 0.5, notReported: true }),
];

describe("summarize", () => {
  it("puts each task in exactly one of completed / on pace / behind / not started", () => {
    const summary = summarize(rows);
    expect(summary).toMatchObject({
      taskCount: 6,
      completed: 1,
      onPace: 2,
      behind: 3,
      notStarted: 0,
      overdue: 1,
      notReported: 2,
      lights: { green: 2, yellow: 1, red: 2, blue: 1 },
    });
    expect(summary.completed + summary.onPace + summary.behind + summary.notStarted).toBe(
      summary.taskCount,
    );
  });

  it("weights progress and time progress by task weight", () => {
    const summary = summarize(rows);
    // (2·1 + 0.8 + 0.6 + 0.5 + 0.3 + 0) / 7 and (2·0.8 + 0.85 + 0.6 + 0.7 + 1 + 0.5) / 7.
    expect(summary.progress).toBeCloseTo(4.2 / 7, 12);
    expect(summary.timeProgress).toBeCloseTo(5.25 / 7, 12);
  });

  it("counts a completed task as completed even with progress short of 1, and a green task with no progress as not started", () => {
    const summary = summarize([
      row({ taskId: 1, completed: true, light: "blue", progress: 0 }),
      row({ taskId: 2, light: "green", progress: 0, timeProgress: 0.05 }),
    ]);
    expect(summary).toMatchObject({ completed: 1, onPace: 0, behind: 0, notStarted: 1 });
  });

  it("counts a task with no progress as not started only while its light is green, else as behind", () => {
    const noProgress = (taskId: number, values: Partial<ReportRow>) =>
      row({ taskId, progress: 0, ...values });
    const standing = (values: Partial<ReportRow>) => {
      const { completed, onPace, behind, notStarted } = summarize([noProgress(1, values)]);
      return { completed, onPace, behind, notStarted };
    };
    const one = (key: "onPace" | "behind" | "notStarted") => ({
      completed: 0,
      onPace: 0,
      behind: 0,
      notStarted: 0,
      [key]: 1,
    });
    expect(standing({ light: "green", timeProgress: 0.05 })).toEqual(one("notStarted"));
    expect(standing({ light: "yellow", timeProgress: 0.2 })).toEqual(one("behind"));
    expect(standing({ light: "red", timeProgress: 0.6 })).toEqual(one("behind"));
    // Past its due date and never begun: overdue, red, and behind.
    const overdue = summarize([noProgress(1, { light: "red", timeProgress: 1, overdue: true })]);
    expect(overdue).toMatchObject({ behind: 1, notStarted: 0, overdue: 1 });
    // With some progress a green task is on pace, a yellow one behind.
    expect(standing({ light: "green", progress: 0.01 })).toEqual(one("onPace"));
    expect(standing({ light: "yellow", progress: 0.3 })).toEqual(one("behind"));
    const mixed = summarize([
      noProgress(1, { light: "green" }),
      noProgress(2, { light: "green" }),
      noProgress(3, { light: "yellow" }),
      noProgress(4, { light: "red", overdue: true }),
    ]);
    expect(mixed).toMatchObject({ taskCount: 4, onPace: 0, behind: 2, notStarted: 2 });
  });

  it("gives zeros for no rows", () => {
    expect(summarize([])).toEqual({
      taskCount: 0,
      completed: 0,
      onPace: 0,
      behind: 0,
      notStarted: 0,
      overdue: 0,
      notReported: 0,
      progress: 0,
      timeProgress: 0,
      lights: { green: 0, yellow: 0, red: 0, blue: 0 },
    });
  });
});

describe("projectFigures", () => {
  it("gives each project its rows' weighted figures, keeping projects without rows", () => {
    const figures = projectFigures(
      [
        { id: 1, title: "抓经济" },
        { id: 2, title: "惠民生" },
        { id: 3, title: "守平安" },
      ],
      rows,
    );
    expect(figures.map(({ id, title, taskCount }) => [id, title, taskCount])).toEqual([
      [1, "抓经济", 3],
      [2, "惠民生", 3],
      [3, "守平安", 0],
    ]);
    expect(figures[0]!.progress).toBeCloseTo((2 + 0.8 + 0) / 4, 12);
    expect(figures[1]!.progress).toBeCloseTo((0.6 + 0.5 + 0.3) / 3, 12);
    expect(figures[1]!.timeProgress).toBeCloseTo((0.6 + 0.7 + 1) / 3, 12);
    expect(figures[2]).toMatchObject({ progress: 0, timeProgress: 0 });
  });
});

describe("notReportedOwners", () => {
  it("groups the unreported tasks by lead unit and owner, in unit then owner order", () => {
    const owners = notReportedOwners([
      row({ taskId: 1, leadUnitId: 30, leadUnitName: "城管科", ownerId: 300, notReported: true }),
      row({ taskId: 2, leadUnitId: 10, ownerId: 101, ownerName: "王五", notReported: true }),
      row({ taskId: 3, leadUnitId: 10, ownerId: 100, notReported: true }),
      row({ taskId: 4, leadUnitId: 10, ownerId: 100 }),
      row({ taskId: 5, leadUnitId: 10, ownerId: 100, notReported: true }),
      // The same owner under another lead unit is listed there too.
      row({ taskId: 6, leadUnitId: 30, leadUnitName: "城管科", ownerId: 100, notReported: true }),
    ]);
    expect(owners).toEqual([
      {
        unitId: 10,
        unitName: "经济科",
        ownerId: 100,
        ownerName: "张三",
        tasks: [
          { id: 3, title: "任务3" },
          { id: 5, title: "任务5" },
        ],
      },
      {
        unitId: 10,
        unitName: "经济科",
        ownerId: 101,
        ownerName: "王五",
        tasks: [{ id: 2, title: "任务2" }],
      },
      {
        unitId: 30,
        unitName: "城管科",
        ownerId: 100,
        ownerName: "张三",
        tasks: [{ id: 6, title: "任务6" }],
      },
      {
        unitId: 30,
        unitName: "城管科",
        ownerId: 300,
        ownerName: "张三",
        tasks: [{ id: 1, title: "任务1" }],
      },
    ]);
  });

  it("is empty when everyone reported", () => {
    expect(notReportedOwners([row({ taskId: 1 }), row({ taskId: 2 })])).toEqual([]);
  });
});

describe("narrativeOf", () => {
  it("states the month's figures in one paragraph", () => {
    const summary = summarize(rows);
    const text = narrativeOf({
      month: "2023-11",
      asOf: "2023-11-30",
      summary,
      notReported: notReportedOwners(rows),
    });
    expect(text).toBe(
      "截至2023年11月底，共有重点任务6项，已完成1项，序时推进2项，滞后3项，尚未启动0项。" +
        "整体任务进度60%，序时进度75%，总体滞后于序时进度。" +
        "亮灯情况：绿灯2项，黄灯1项，红灯2项，蓝灯（已完成）1项；已逾期未完成1项。" +
        "本月有2个单位的2项任务未按期填报进展。",
    );
  });

  it("says the plan keeps pace and everyone reported when so", () => {
    const small = [
      row({ taskId: 1, light: "blue", completed: true, progress: 1, timeProgress: 0.9 }),
      row({ taskId: 2, light: "green", progress: 0.5, timeProgress: 0.45 }),
      row({ taskId: 3, light: "green", progress: 0, timeProgress: 0.05 }),
    ];
    const text = narrativeOf({
      month: "2023-11",
      asOf: "2023-11-30",
      summary: summarize(small),
      notReported: [],
    });
    expect(text).toBe(
      "截至2023年11月底，共有重点任务3项，已完成1项，序时推进1项，滞后0项，尚未启动1项。" +
        "整体任务进度50%，序时进度47%，总体符合序时要求。" +
        "亮灯情况：绿灯2项，黄灯0项，红灯0项，蓝灯（已完成）1项。" +
        "本月各项任务均已按期填报进展。",
    );
  });

  it("says 月底 only when the report date is the month's last day, else names the day", () => {
    const opening = (month: string, asOf: string) =>
      narrativeOf({ month, asOf, summary: summarize([row({ taskId: 1 })]), notReported: [] }).split(
        "，",
      )[0];
    expect(opening("2023-11", "2023-11-30")).toBe("截至2023年11月底");
    expect(opening("2023-11", "2023-11-20")).toBe("截至2023年11月20日");
    expect(opening("2023-12", "2023-12-01")).toBe("截至2023年12月1日");
    // A plan that ends mid-month: its last month's report is as of that day, not the month's end.
    expect(opening("2023-06", "2023-06-05")).toBe("截至2023年6月5日");
    expect(opening("2023-02", "2023-02-28")).toBe("截至2023年2月底");
    expect(opening("2024-02", "2024-02-28")).toBe("截至2024年2月28日");
    expect(opening("2024-02", "2024-02-29")).toBe("截至2024年2月底");
  });

  it("says there is nothing for a month without tasks", () => {
    expect(
      narrativeOf({
        month: "2023-11",
        asOf: "2023-11-30",
        summary: summarize([]),
        notReported: [],
      }),
    ).toBe("截至2023年11月底，暂无重点任务。");
  });
});

describe("numberRows", () => {
  it("numbers rows 1… within each project, in row order", () => {
    const numbered = numberRows([
      row({ taskId: 1, projectId: 1, number: 9 }),
      row({ taskId: 2, projectId: 1, number: 9 }),
      row({ taskId: 3, projectId: 2, number: 9 }),
      row({ taskId: 4, projectId: 1, number: 9 }),
    ]);
    expect(numbered.map((r) => [r.taskId, r.number])).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
      [4, 3],
    ]);
  });
});

describe("filterReport", () => {
  const report = reportOf(
    numberRows(rows),
    [
      { id: 1, title: "抓经济" },
      { id: 2, title: "惠民生" },
    ],
    { narrative: "领导修改过的综述。", published: PUBLISHED_BY },
  );

  it("keeps the report, its narrative included, when nothing is filtered", () => {
    expect(filterReport(report, {})).toEqual(report);
    expect(filterReport(report, { projectId: undefined, unitId: undefined }).narrative).toBe(
      "领导修改过的综述。",
    );
  });

  it("keeps one project's rows, renumbered, with figures and narrative made again", () => {
    const filtered = filterReport(report, { projectId: 2 });
    expect(filtered.filters).toEqual({ projectId: 2 });
    expect(filterReport(report, { projectId: 2, projectTitle: "惠民生" }).filters).toEqual({
      projectId: 2,
      projectTitle: "惠民生",
    });
    expect(filtered.rows.map((r) => [r.taskId, r.number])).toEqual([
      [3, 1],
      [4, 2],
      [5, 3],
    ]);
    expect(filtered.projects.map((p) => [p.id, p.taskCount])).toEqual([[2, 3]]);
    expect(filtered.summary).toMatchObject({
      taskCount: 3,
      completed: 0,
      onPace: 1,
      behind: 2,
      notStarted: 0,
      notReported: 1,
    });
    expect(filtered.notReported.map((o) => [o.unitId, o.tasks.map((t) => t.id)])).toEqual([
      [20, [4]],
    ]);
    expect(filtered.narrative).toBe(
      "截至2023年11月底，共有重点任务3项，已完成0项，序时推进1项，滞后2项，尚未启动0项。" +
        "整体任务进度47%，序时进度77%，总体滞后于序时进度。" +
        "亮灯情况：绿灯1项，黄灯1项，红灯1项，蓝灯（已完成）0项；已逾期未完成1项。" +
        "本月有1个单位的1项任务未按期填报进展。",
    );
    // What the whole report says stays as it was.
    expect(filtered.published).toEqual(report.published);
    expect(filtered.title).toBe(report.title);
    expect(report.rows).toHaveLength(6);
  });

  it("keeps a unit's tasks, whether it leads them or works on them, renumbered", () => {
    const filtered = filterReport(report, { unitId: 20 });
    // Task 4 is led by unit 20, task 5 has it as a co-unit; nothing of project 1.
    expect(filtered.rows.map((r) => [r.taskId, r.projectId, r.number])).toEqual([
      [4, 2, 1],
      [5, 2, 2],
    ]);
    expect(filtered.projects.map((p) => p.id)).toEqual([2]);
    expect(filtered.summary).toMatchObject({ taskCount: 2, behind: 2, notReported: 1 });
    expect(filtered.narrative.startsWith("截至2023年11月底，共有重点任务2项，")).toBe(true);
  });

  it("combines a project and a unit, renumbering rows past the ones left out", () => {
    const filtered = filterReport(report, { projectId: 1, unitId: 10 });
    expect(filtered.rows.map((r) => [r.taskId, r.number])).toEqual([
      [1, 1],
      [2, 2],
      [6, 3],
    ]);
    const unit20 = filterReport(report, { projectId: 1, unitId: 20 });
    expect(unit20.rows).toEqual([]);
    expect(unit20.summary.taskCount).toBe(0);
    expect(unit20.narrative).toBe("截至2023年11月底，暂无重点任务。");
  });

  it("renumbers when a row in the middle of a project is left out", () => {
    const mixed: MonthlyReport = {
      ...report,
      rows: numberRows([
        row({ taskId: 11, projectId: 1, leadUnitId: 10 }),
        row({ taskId: 12, projectId: 1, leadUnitId: 20 }),
        row({ taskId: 13, projectId: 1, leadUnitId: 10 }),
      ]),
    };
    expect(mixed.rows.map((r) => r.number)).toEqual([1, 2, 3]);
    const filtered = filterReport(mixed, { unitId: 10 });
    expect(filtered.rows.map((r) => [r.taskId, r.number])).toEqual([
      [11, 1],
      [13, 2],
    ]);
  });
});
