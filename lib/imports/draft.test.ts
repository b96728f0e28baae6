import { describe, expect, it } from "vitest";
import {
  addTask,
  assignOwnerToAll,
  draftFromProposal,
  draftToBody,
  dropIndicator,
  dropProject,
  dropTask,
  draftErrors,
  errorsByKey,
  mergeTaskIntoPrevious,
  setPlanYear,
  setTaskLeadUnit,
  setTaskOwner,
  splitPoints,
  splitTask,
  updateIndicator,
  updateTask,
  type Draft,
} from "./draft";

const proposal = {
  projects: [
    {
      title: "惠民生，社会治理再完善",
      text: "站稳人民立场……",
      tasks: [
        {
          title: "深入实施二次供水改造、电梯加装等民生工程",
          text: "深入实施二次供水改造、电梯加装等民生工程；持续推进华顺公寓、东海未名园、邻里中心等老旧小区改造提升进度",
          indicators: [
            {
              name: "老旧小区改造",
              target: 3,
              unit: "个",
              source: "华顺公寓、东海未名园、邻里中心",
            },
          ],
        },
        {
          title: "探索邻里共富基金新模式",
          text: "探索“以租代捐”的邻里共富基金新模式",
          indicators: [
            { name: "慈善基金", target: 50.5, unit: "万元", baseline: 10, source: "50.5万元" },
          ],
        },
      ],
    },
    {
      title: "守平安，除险保安再发力",
      text: "",
      tasks: [{ title: "背街小巷综合整治", text: "", indicators: [] }],
    },
  ],
};

const fresh = () => draftFromProposal(proposal, 2024, "白杨街道2024年工作计划");
const p = (draft: Draft, i: number) => draft.projects[i]!;
const tk = (draft: Draft, i: number, j: number) => draft.projects[i]!.tasks[j]!;

describe("the import draft", () => {
  it("starts every task over the plan's year, without an owner", () => {
    const draft = fresh();
    expect(draft.plan).toEqual({
      year: "2024",
      basisYear: 2024,
      title: "白杨街道2024年工作计划",
      startDate: "2024-01-01",
      endDate: "2024-12-31",
    });
    expect(tk(draft, 0, 1)).toMatchObject({
      title: "探索邻里共富基金新模式",
      ownerId: null,
      startDate: "2024-01-01",
      dueDate: "2024-12-31",
      indicators: [{ name: "慈善基金", target: "50.5", unit: "万元", baseline: "10" }],
    });
    const keys = draft.projects.flatMap((project) => [
      project.key,
      ...project.tasks.flatMap((task) => [task.key, ...task.indicators.map((i) => i.key)]),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("moves the period, the title and the tasks on it with the year; keeps tasks set apart", () => {
    let draft = updateTask(fresh(), p(fresh(), 0).key, tk(fresh(), 0, 1).key, {
      dueDate: "2024-06-30",
    });
    // Typed digit by digit: nothing moves until the year is whole.
    draft = setPlanYear(draft, "2");
    expect(draft.plan).toMatchObject({ year: "2", startDate: "2024-01-01" });
    draft = setPlanYear(draft, "2731");
    expect(draft.plan).toMatchObject({
      year: "2731",
      title: "白杨街道2731年工作计划",
      startDate: "2731-01-01",
      endDate: "2731-12-31",
    });
    expect([tk(draft, 0, 0).startDate, tk(draft, 0, 0).dueDate]).toEqual([
      "2731-01-01",
      "2731-12-31",
    ]);
    expect([tk(draft, 0, 1).startDate, tk(draft, 0, 1).dueDate]).toEqual([
      "2731-01-01",
      "2024-06-30",
    ]);
  });

  it("lets the lead unit follow the owner until one is picked; assigns one owner to all", () => {
    let draft = fresh();
    const [pk, t0, t1] = [p(draft, 0).key, tk(draft, 0, 0).key, tk(draft, 0, 1).key];
    draft = setTaskOwner(draft, pk, t0, 7, 70);
    expect([tk(draft, 0, 0).ownerId, tk(draft, 0, 0).leadUnitId]).toEqual([7, 70]);
    draft = setTaskLeadUnit(draft, pk, t1, 99);
    draft = assignOwnerToAll(draft, 8, 80);
    expect(draft.projects.flatMap((x) => x.tasks.map((t) => [t.ownerId, t.leadUnitId]))).toEqual([
      [8, 80],
      [8, 99],
      [8, 80],
    ]);
  });

  it("merges a task into the previous one: titles, texts and indicators together", () => {
    const draft = fresh();
    const merged = mergeTaskIntoPrevious(draft, p(draft, 0).key, tk(draft, 0, 1).key);
    expect(p(merged, 0).tasks).toHaveLength(1);
    expect(tk(merged, 0, 0)).toMatchObject({
      key: tk(draft, 0, 0).key,
      title: "深入实施二次供水改造、电梯加装等民生工程；探索邻里共富基金新模式",
      indicators: [{ name: "老旧小区改造" }, { name: "慈善基金" }],
    });
    expect(tk(merged, 0, 0).description).toContain("；探索“以租代捐”");
    // The first task has nothing before it.
    expect(mergeTaskIntoPrevious(draft, p(draft, 0).key, tk(draft, 0, 0).key)).toEqual(draft);
  });

  it("splits a task at a chosen separator, indicators going with their words", () => {
    const draft = fresh();
    const task = tk(draft, 0, 0);
    const points = splitPoints(task);
    expect(points.map((point) => point.index)).toEqual([1]);
    expect(points[0]!.before).toBe("深入实施二次供水改造、电梯加装等民生工程；");
    const split = splitTask(draft, p(draft, 0).key, task.key, 1);
    expect(
      p(split, 0).tasks.map((t) => [t.title, t.description, t.indicators.map((i) => i.name)]),
    ).toEqual([
      ["深入实施二次供水改造、电梯加装等民生工程", "深入实施二次供水改造、电梯加装等民生工程", []],
      [
        "持续推进华顺公寓、东海未名园、邻里中心等老旧小区改造提升进度",
        "持续推进华顺公寓、东海未名园、邻里中心等老旧小区改造提升进度",
        ["老旧小区改造"],
      ],
      ["探索邻里共富基金新模式", "探索“以租代捐”的邻里共富基金新模式", ["慈善基金"]],
    ]);
    const duplicated = splitTask(draft, p(draft, 0).key, tk(draft, 0, 1).key);
    expect(p(duplicated, 0).tasks.map((t) => t.title)).toEqual([
      task.title,
      "探索邻里共富基金新模式",
      "探索邻里共富基金新模式",
    ]);
    const [a, b] = [tk(duplicated, 0, 1), tk(duplicated, 0, 2)];
    expect(a.key).not.toBe(b.key);
    expect(a.indicators[0]!.key).not.toBe(b.indicators[0]!.key);
  });

  it("drops and adds tasks, themes and indicators", () => {
    let draft = fresh();
    draft = dropIndicator(
      draft,
      p(draft, 0).key,
      tk(draft, 0, 0).key,
      tk(draft, 0, 0).indicators[0]!.key,
    );
    expect(tk(draft, 0, 0).indicators).toEqual([]);
    draft = dropTask(draft, p(draft, 0).key, tk(draft, 0, 0).key);
    draft = addTask(draft, p(draft, 1).key);
    expect(p(draft, 1).tasks.map((t) => [t.title, t.startDate, t.dueDate])).toEqual([
      ["背街小巷综合整治", "2024-01-01", "2024-12-31"],
      ["", "2024-01-01", "2024-12-31"],
    ]);
    draft = dropProject(draft, p(draft, 0).key);
    expect(draft.projects.map((x) => x.title)).toEqual(["守平安，除险保安再发力"]);
  });

  it("becomes the commit body, and the body's error paths come back to the draft's keys", () => {
    let draft = assignOwnerToAll(fresh(), 8, 80);
    draft = updateIndicator(
      draft,
      p(draft, 0).key,
      tk(draft, 0, 1).key,
      tk(draft, 0, 1).indicators[0]!.key,
      {
        target: "abc",
      },
    );
    const body = draftToBody(draft);
    expect(body.plan).toEqual({
      year: 2024,
      title: "白杨街道2024年工作计划",
      startDate: "2024-01-01",
      endDate: "2024-12-31",
    });
    expect(body.projects[0]!.tasks[0]).toMatchObject({
      ownerId: 8,
      leadUnitId: 80,
      indicators: [{ name: "老旧小区改造", unit: "个", target: 3, decimals: 0 }],
    });
    expect(body.projects[0]!.tasks[1]!.indicators).toEqual([
      {
        name: "慈善基金",
        unit: "万元",
        target: null,
        baseline: 10,
        direction: "increase",
        decimals: 0,
      },
    ]);

    expect(
      errorsByKey(draft, {
        "plan.year": "taken",
        "projects.1.title": "required",
        "projects.0.tasks.1.ownerId": "inactive",
        "projects.0.tasks.1.indicators.0.target": "bad",
        "projects.0.tasks.1.indicators": "too many",
        _: "whole",
      }),
    ).toEqual({
      "plan.year": "taken",
      [`${p(draft, 1).key}.title`]: "required",
      [`${tk(draft, 0, 1).key}.ownerId`]: "inactive",
      [`${tk(draft, 0, 1).indicators[0]!.key}.target`]: "bad",
      [`${tk(draft, 0, 1).key}.indicators`]: "too many",
      _: "whole",
    });
  });

  it("keeps each indicator's direction (proposed, or told by its figures) and sends it", () => {
    let draft = draftFromProposal(
      {
        projects: [
          {
            title: "平安建设",
            text: "",
            tasks: [
              {
                title: "隐患整治",
                text: "",
                indicators: [
                  { name: "隐患", target: 20, unit: "处", baseline: 58 },
                  { name: "失业率", target: 3, unit: "%", direction: "decrease" },
                  { name: "演练", target: 6, unit: "次", direction: "increase" },
                ],
              },
            ],
          },
        ],
      },
      2024,
    );
    draft = assignOwnerToAll(draft, 8, 80);
    const task = tk(draft, 0, 0);
    expect(task.indicators.map((i) => [i.direction, i.baseline])).toEqual([
      ["decrease", "58"],
      ["decrease", ""],
      ["increase", ""],
    ]);
    // A decreasing indicator needs a baseline above its target before it is sent.
    expect(draftErrors(draft)).toEqual({
      [`${task.indicators[1]!.key}.baseline`]: "validation.required",
    });
    const rate = task.indicators[1]!.key;
    draft = updateIndicator(draft, p(draft, 0).key, task.key, rate, { baseline: "4.5" });
    draft = updateIndicator(draft, p(draft, 0).key, task.key, task.indicators[2]!.key, {
      direction: "decrease",
      baseline: "10",
    });
    expect(draftErrors(draft)).toEqual({});
    expect(draftToBody(draft).projects[0]!.tasks[0]!.indicators).toEqual([
      { name: "隐患", unit: "处", target: 20, baseline: 58, direction: "decrease", decimals: 0 },
      { name: "失业率", unit: "%", target: 3, baseline: 4.5, direction: "decrease", decimals: 1 },
      { name: "演练", unit: "次", target: 6, baseline: 10, direction: "decrease", decimals: 0 },
    ]);
  });
});
