/**
 * The import preview as the admin edits it (a draft), and the edits: pure functions of the draft,
 * used by the /admin/import page's reducer and tested on their own. Figures stay text while they
 * are typed; `draftToBody` turns the draft into the commit body, whose paths
 * (`projects.2.tasks.0.ownerId`) `errorsByKey` maps back onto the draft's stable keys.
 */
import type { IndicatorDirection } from "./indicators";
import type { PlanImportBody } from "./schemas";
import { defaultPlanTitle, importPeriod } from "./schemas";

export interface DraftIndicator {
  key: string;
  name: string;
  target: string;
  unit: string;
  baseline: string;
  /** "decrease": the target lies below the baseline (从58处降至20处, 控制在3%以内). */
  direction: IndicatorDirection;
  /** The words of the document it came from (empty for one the admin added). */
  source: string;
}

export interface DraftTask {
  key: string;
  title: string;
  /** The document's text for the task; kept as its description. */
  description: string;
  ownerId: number | null;
  leadUnitId: number | null;
  /** The lead unit follows the owner's unit until the admin picks one. */
  leadUnitAuto: boolean;
  startDate: string;
  dueDate: string;
  indicators: DraftIndicator[];
}

export interface DraftProject {
  key: string;
  title: string;
  description: string;
  leadLeaderId: number | null;
  tasks: DraftTask[];
}

export interface DraftPlan {
  year: string;
  /** The last whole year typed: the period and title were set for it. */
  basisYear: number;
  title: string;
  startDate: string;
  endDate: string;
}

export interface Draft {
  plan: DraftPlan;
  projects: DraftProject[];
  /** Source of fresh keys. */
  nextKey: number;
}

/** What a preview proposes (the API's answer, or the importer's own proposal). */
export interface ProposalLike {
  projects: {
    title: string;
    text: string;
    tasks: {
      title: string;
      text: string;
      indicators: {
        name: string;
        target: number;
        unit: string;
        baseline?: number | null;
        /** When left out: "decrease" if the target lies below the baseline. */
        direction?: IndicatorDirection;
        source?: string;
      }[];
    }[];
  }[];
}

const figureText = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

function freshKey(draft: Draft, prefix: string): [string, Draft] {
  return [`${prefix}${draft.nextKey}`, { ...draft, nextKey: draft.nextKey + 1 }];
}

/** A plan for `year` with its default title and calendar-year period. */
export function draftPlan(year: number): DraftPlan {
  const period = importPeriod({ year });
  return { year: String(year), basisYear: year, title: defaultPlanTitle(year), ...period };
}

/** The draft of a preview: every task starts and ends with the plan, owners still to choose. */
export function draftFromProposal(proposal: ProposalLike, year: number, title?: string): Draft {
  const plan = { ...draftPlan(year), ...(title ? { title } : {}) };
  let n = 0;
  const key = (prefix: string) => `${prefix}${++n}`;
  const projects = proposal.projects.map((project): DraftProject => ({
    key: key("p"),
    title: project.title,
    description: project.text,
    leadLeaderId: null,
    tasks: project.tasks.map((task): DraftTask => ({
      key: key("t"),
      title: task.title,
      description: task.text,
      ownerId: null,
      leadUnitId: null,
      leadUnitAuto: true,
      startDate: plan.startDate,
      dueDate: plan.endDate,
      indicators: task.indicators.map((indicator) => ({
        key: key("i"),
        name: indicator.name,
        target: figureText(indicator.target),
        unit: indicator.unit,
        baseline: figureText(indicator.baseline),
        direction:
          indicator.direction ??
          (typeof indicator.baseline === "number" && indicator.target < indicator.baseline
            ? "decrease"
            : "increase"),
        source: indicator.source ?? "",
      })),
    })),
  }));
  return { plan, projects, nextKey: n + 1 };
}

const mapTask = (
  draft: Draft,
  projectKey: string,
  taskKey: string,
  change: (task: DraftTask) => DraftTask,
): Draft => ({
  ...draft,
  projects: draft.projects.map((project) =>
    project.key !== projectKey
      ? project
      : {
          ...project,
          tasks: project.tasks.map((task) => (task.key === taskKey ? change(task) : task)),
        },
  ),
});

const mapProject = (
  draft: Draft,
  projectKey: string,
  change: (project: DraftProject) => DraftProject,
): Draft => ({
  ...draft,
  projects: draft.projects.map((project) =>
    project.key === projectKey ? change(project) : project,
  ),
});

/**
 * A new year moves the period with it when the period was the old year's default, and the tasks
 * that started or ended with the period move too.
 */
export function setPlanYear(draft: Draft, year: string): Draft {
  const oldYear = draft.plan.basisYear;
  const newYear = Number(year);
  if (!/^\d{4}$/.test(year.trim()) || newYear === oldYear) {
    return { ...draft, plan: { ...draft.plan, year } };
  }
  const old = draftPlan(oldYear);
  const next = draftPlan(newYear);
  const startDate = draft.plan.startDate === old.startDate ? next.startDate : draft.plan.startDate;
  const endDate = draft.plan.endDate === old.endDate ? next.endDate : draft.plan.endDate;
  // "白杨街道2100年工作计划" → "白杨街道2101年工作计划": a title naming its year follows it.
  const title = draft.plan.title.includes(String(oldYear))
    ? draft.plan.title.replaceAll(String(oldYear), String(newYear))
    : draft.plan.title;
  return setPlanPeriod(
    { ...draft, plan: { ...draft.plan, year, title, basisYear: newYear } },
    startDate,
    endDate,
  );
}

/** A new period: tasks that started or ended with the old one follow it. */
export function setPlanPeriod(draft: Draft, startDate: string, endDate: string): Draft {
  const { startDate: oldStart, endDate: oldEnd } = draft.plan;
  return {
    ...draft,
    plan: { ...draft.plan, startDate, endDate },
    projects: draft.projects.map((project) => ({
      ...project,
      tasks: project.tasks.map((task) => ({
        ...task,
        startDate: task.startDate === oldStart ? startDate : task.startDate,
        dueDate: task.dueDate === oldEnd ? endDate : task.dueDate,
      })),
    })),
  };
}

export function setPlanTitle(draft: Draft, title: string): Draft {
  return { ...draft, plan: { ...draft.plan, title } };
}

export function updateProject(
  draft: Draft,
  projectKey: string,
  patch: Partial<Pick<DraftProject, "title" | "leadLeaderId">>,
): Draft {
  return mapProject(draft, projectKey, (project) => ({ ...project, ...patch }));
}

export function dropProject(draft: Draft, projectKey: string): Draft {
  return { ...draft, projects: draft.projects.filter((project) => project.key !== projectKey) };
}

export function updateTask(
  draft: Draft,
  projectKey: string,
  taskKey: string,
  patch: Partial<Pick<DraftTask, "title" | "description" | "startDate" | "dueDate">>,
): Draft {
  return mapTask(draft, projectKey, taskKey, (task) => ({ ...task, ...patch }));
}

/** A new owner; the lead unit follows the owner's unit unless the admin picked one. */
export function setTaskOwner(
  draft: Draft,
  projectKey: string,
  taskKey: string,
  ownerId: number | null,
  ownerUnitId: number | null,
): Draft {
  return mapTask(draft, projectKey, taskKey, (task) => ({
    ...task,
    ownerId,
    leadUnitId: task.leadUnitAuto ? ownerUnitId : task.leadUnitId,
  }));
}

/** "全部指定为…": one owner for every task (lead units follow where not picked). */
export function assignOwnerToAll(draft: Draft, ownerId: number, ownerUnitId: number): Draft {
  return {
    ...draft,
    projects: draft.projects.map((project) => ({
      ...project,
      tasks: project.tasks.map((task) => ({
        ...task,
        ownerId,
        leadUnitId: task.leadUnitAuto ? ownerUnitId : task.leadUnitId,
      })),
    })),
  };
}

export function setTaskLeadUnit(
  draft: Draft,
  projectKey: string,
  taskKey: string,
  leadUnitId: number | null,
): Draft {
  return mapTask(draft, projectKey, taskKey, (task) => ({
    ...task,
    leadUnitId,
    leadUnitAuto: leadUnitId === null,
  }));
}

export function dropTask(draft: Draft, projectKey: string, taskKey: string): Draft {
  return mapProject(draft, projectKey, (project) => ({
    ...project,
    tasks: project.tasks.filter((task) => task.key !== taskKey),
  }));
}

/** Joins two pieces of text with a separator, leaving out an empty one. */
const join = (a: string, b: string, separator: string) =>
  [a.trim(), b.trim()].filter(Boolean).join(separator);

/**
 * Merges a task into the one before it: titles joined with "；", texts joined, indicators
 * combined; the earlier task's owner, unit and dates stay.
 */
export function mergeTaskIntoPrevious(draft: Draft, projectKey: string, taskKey: string): Draft {
  return mapProject(draft, projectKey, (project) => {
    const index = project.tasks.findIndex((task) => task.key === taskKey);
    if (index < 1) return project;
    const previous = project.tasks[index - 1]!;
    const task = project.tasks[index]!;
    const merged: DraftTask = {
      ...previous,
      title: join(previous.title, task.title, "；"),
      description: join(previous.description, task.description, "；"),
      indicators: [...previous.indicators, ...task.indicators],
    };
    return {
      ...project,
      tasks: [...project.tasks.slice(0, index - 1), merged, ...project.tasks.slice(index + 1)],
    };
  });
}

/** Separators a task's text may be split at. */
const SPLIT_SEPARATORS = /[；;，,。]/;

/** The clauses of a piece of text, each with its separator. */
function clauses(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (const char of text) {
    current += char;
    if (SPLIT_SEPARATORS.test(char)) {
      parts.push(current);
      current = "";
    }
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Where a task can be split: after each "；"/"，"/"。" of its text (or of its title when it has no
 * text), as the text before and after. An empty list: nothing to split at.
 */
export function splitPoints(task: Pick<DraftTask, "title" | "description">) {
  const text = task.description.trim() || task.title.trim();
  const parts = clauses(text);
  const points: { index: number; before: string; after: string }[] = [];
  for (let i = 1; i < parts.length; i++) {
    const before = parts.slice(0, i).join("");
    const after = parts.slice(i).join("");
    if (before.trim() && after.replace(SPLIT_SEPARATORS, "").trim()) {
      points.push({ index: i, before, after });
    }
  }
  return points;
}

const trimSeparators = (text: string) => text.trim().replace(/^[；;，,。\s]+|[；;，,。\s]+$/g, "");

/** A title for the part of a text: its first clause, at most 60 characters. */
const titleOf = (text: string) => {
  const first = trimSeparators(clauses(text)[0] ?? text);
  return first.length > 60 ? first.slice(0, 60) : first;
};

/**
 * Splits a task in two after its `index`-th clause. The first part keeps the title (when the text
 * was split) and the second takes its first clause as a title; indicators go with the part their
 * words are in. Without an `index` the task is duplicated, to be edited.
 */
export function splitTask(
  draft: Draft,
  projectKey: string,
  taskKey: string,
  index?: number,
): Draft {
  const [secondKey, keyed] = freshKey(draft, "t");
  let next = keyed;
  const rekey = (indicators: DraftIndicator[]) =>
    indicators.map((indicator) => {
      const [key, after] = freshKey(next, "i");
      next = after;
      return { ...indicator, key };
    });
  const project = draft.projects.find((p) => p.key === projectKey);
  const at = project?.tasks.findIndex((task) => task.key === taskKey) ?? -1;
  if (!project || at < 0) return draft;
  const task = project.tasks[at]!;
  let first: DraftTask;
  let second: DraftTask;
  if (index === undefined) {
    first = task;
    second = { ...task, key: secondKey, indicators: rekey(task.indicators) };
  } else {
    const point = splitPoints(task).find((p) => p.index === index);
    if (!point) return draft;
    const onText = task.description.trim() !== "";
    const goesSecond = (indicator: DraftIndicator) =>
      indicator.source !== "" &&
      point.after.includes(indicator.source) &&
      !point.before.includes(indicator.source);
    first = {
      ...task,
      title: onText ? task.title : trimSeparators(point.before),
      description: onText ? trimSeparators(point.before) : task.description,
      indicators: task.indicators.filter((indicator) => !goesSecond(indicator)),
    };
    second = {
      ...task,
      key: secondKey,
      title: titleOf(point.after),
      description: onText ? trimSeparators(point.after) : "",
      indicators: rekey(task.indicators.filter(goesSecond)),
    };
  }
  return mapProject(next, projectKey, (p) => ({
    ...p,
    tasks: [...p.tasks.slice(0, at), first, second, ...p.tasks.slice(at + 1)],
  }));
}

/** A blank task at the end of a theme, over the plan's whole period. */
export function addTask(draft: Draft, projectKey: string): Draft {
  const [key, next] = freshKey(draft, "t");
  const task: DraftTask = {
    key,
    title: "",
    description: "",
    ownerId: null,
    leadUnitId: null,
    leadUnitAuto: true,
    startDate: draft.plan.startDate,
    dueDate: draft.plan.endDate,
    indicators: [],
  };
  return mapProject(next, projectKey, (project) => ({
    ...project,
    tasks: [...project.tasks, task],
  }));
}

export function updateIndicator(
  draft: Draft,
  projectKey: string,
  taskKey: string,
  indicatorKey: string,
  patch: Partial<Pick<DraftIndicator, "name" | "target" | "unit" | "baseline" | "direction">>,
): Draft {
  return mapTask(draft, projectKey, taskKey, (task) => ({
    ...task,
    indicators: task.indicators.map((indicator) =>
      indicator.key === indicatorKey ? { ...indicator, ...patch } : indicator,
    ),
  }));
}

export function dropIndicator(
  draft: Draft,
  projectKey: string,
  taskKey: string,
  indicatorKey: string,
): Draft {
  return mapTask(draft, projectKey, taskKey, (task) => ({
    ...task,
    indicators: task.indicators.filter((indicator) => indicator.key !== indicatorKey),
  }));
}

export function addIndicator(draft: Draft, projectKey: string, taskKey: string): Draft {
  const [key, next] = freshKey(draft, "i");
  return mapTask(next, projectKey, taskKey, (task) => ({
    ...task,
    indicators: [
      ...task.indicators,
      { key, name: "", target: "", unit: "", baseline: "", direction: "increase", source: "" },
    ],
  }));
}

/** A typed figure as the API takes it: a number, or null (which it refuses by name) if not one. */
const figure = (text: string): number | null => {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
};

/** The decimals a figure is typed with (the indicator keeps that many). */
const decimalsOf = (text: string) => {
  const match = /\.(\d+)$/.exec(text.trim());
  return Math.min(match ? match[1]!.length : 0, 4);
};

/** The commit body of a draft; its paths follow the draft's order. */
export function draftToBody(draft: Draft): PlanImportBody {
  return {
    plan: {
      year: Number(draft.plan.year),
      title: draft.plan.title,
      startDate: draft.plan.startDate,
      endDate: draft.plan.endDate,
    },
    projects: draft.projects.map((project) => ({
      title: project.title,
      description: project.description,
      leadLeaderId: project.leadLeaderId,
      tasks: project.tasks.map((task) => ({
        title: task.title,
        description: task.description,
        // 0 is no id: the API names the field as unchosen.
        ownerId: task.ownerId ?? 0,
        leadUnitId: task.leadUnitId ?? 0,
        startDate: task.startDate,
        dueDate: task.dueDate,
        indicators: task.indicators.map((indicator) => {
          const baseline = figure(indicator.baseline);
          return {
            name: indicator.name,
            unit: indicator.unit,
            target: figure(indicator.target) as number,
            ...(indicator.baseline.trim() === "" ? {} : { baseline: baseline as number }),
            direction: indicator.direction,
            decimals: Math.max(decimalsOf(indicator.target), decimalsOf(indicator.baseline)),
          };
        }),
      })),
    })),
  };
}

/**
 * The API's field errors of a commit (keyed by path in the body) keyed by the draft's own keys:
 * `plan.year`, `<projectKey>.title`, `<taskKey>.ownerId`, `<indicatorKey>.target`, so they stay
 * beside their fields. Errors naming no field of the draft are under `_`.
 */
export function errorsByKey(draft: Draft, fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split(".");
    let key: string | null = null;
    if (parts[0] === "plan") key = path;
    else if (parts[0] === "projects" && parts.length >= 3) {
      const project = draft.projects[Number(parts[1])];
      if (project && parts[2] !== "tasks") key = `${project.key}.${parts.slice(2).join(".")}`;
      else if (project && parts.length >= 5) {
        const task = project.tasks[Number(parts[3])];
        if (task && parts[4] !== "indicators") key = `${task.key}.${parts.slice(4).join(".")}`;
        else if (task && parts.length >= 7) {
          const indicator = task.indicators[Number(parts[5])];
          if (indicator) key = `${indicator.key}.${parts.slice(6).join(".")}`;
        } else if (task) key = `${task.key}.indicators`;
      } else if (project) key = `${project.key}.tasks`;
    } else if (parts[0] === "projects") key = "projects";
    out[key ?? "_"] ??= message;
  }
  return out;
}

/**
 * What the form can tell before a round trip: the plan's year and title, every theme and task
 * titled, every task with an owner and a lead unit, and a decreasing indicator's baseline (the
 * target must lie below it). Keyed as `errorsByKey` keys them.
 */
export function draftErrors(draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}$/.test(draft.plan.year.trim())) errors["plan.year"] = "validation.yearRange";
  if (!draft.plan.title.trim()) errors["plan.title"] = "validation.required";
  for (const project of draft.projects) {
    if (!project.title.trim()) errors[`${project.key}.title`] = "validation.required";
    for (const task of project.tasks) {
      if (!task.title.trim()) errors[`${task.key}.title`] = "validation.required";
      if (task.ownerId === null) errors[`${task.key}.ownerId`] = "validation.required";
      if (task.leadUnitId === null) errors[`${task.key}.leadUnitId`] = "validation.required";
      for (const indicator of task.indicators) {
        if (indicator.direction === "decrease" && indicator.baseline.trim() === "") {
          errors[`${indicator.key}.baseline`] = "validation.required";
        }
      }
    }
  }
  return errors;
}

/** How many tasks still lack an owner. */
export const tasksWithoutOwner = (draft: Draft) =>
  draft.projects.reduce(
    (sum, project) => sum + project.tasks.filter((task) => task.ownerId === null).length,
    0,
  );
