import type { Direction } from "@/db/schema/indicators";
import { isCalendarDate } from "@/lib/dates/calendar";
import { indicatorIssues, MAX_FIGURE, type IndicatorCreateInput } from "@/lib/indicators/schemas";
import type { TaskCreateInput } from "@/lib/tasks/schemas";
import type { IssueKey, MessageParams } from "./messages";
import type { CellInput, SheetRow, TasksSheet } from "./read";
import {
  COLUMNS,
  DIRECTION_LABELS,
  INDICATOR_COLUMNS,
  MAX_INDICATORS_PER_TASK,
  type ColumnKey,
} from "./template";

/**
 * The rules of the Excel import, with no I/O: every row of the sheet is checked against what the
 * plan has (its projects and their live task titles, the people and the units), and every
 * problem is named by row and cell. Nothing is written while any is found (see import-tasks.ts).
 * A 工作板块 the plan has no live project of is new: it is created, at the end of the plan in the
 * file's order, so that an exported plan can come back into a new, empty plan.
 *
 * Rows: consecutive rows with the same 工作板块 and 任务名称 are one task; its first row holds the
 * task's fields, each row one indicator (a task without indicators has one row and no indicator
 * cells). The same project and title again further down is a duplicate task.
 */

export interface ImportContext {
  plan: { startDate: string; endDate: string };
  /** The plan's live projects, each with its live tasks' titles. */
  projects: { id: number; title: string; taskTitles: ReadonlySet<string> }[];
  /** Users by (lower-case) username. */
  users: ReadonlyMap<string, { id: number; active: boolean }>;
  /** Units by name. */
  units: ReadonlyMap<string, { id: number; archived: boolean }>;
}

/** One bad cell: its row, its column's header, its address, and why (a message key). */
export interface RowIssue {
  row: number;
  column: string;
  cell: string;
  message: IssueKey;
  params?: MessageParams;
}

/**
 * A task ready to write: what POST /api/v1/tasks takes, and the row it starts on. `projectId` is
 * null for a task of a new project, found by `projectTitle` once that project is created.
 */
export type ImportTask = Omit<TaskCreateInput, "indicators" | "projectId"> & {
  projectId: number | null;
  projectTitle: string;
  row: number;
  indicators: IndicatorCreateInput[];
};

const LIMITS = {
  project: 100,
  title: 200,
  description: 5000,
  indicatorName: 100,
  measureUnit: 20,
} as const;
const MAX_CO_UNITS = 30;

const columnLetter = (col: number): string => {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A cell as text: trimmed; numbers as written; dates as `YYYY-MM-DD`. */
export function cellText(value: CellInput | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  return String(value).trim();
}

/** An Excel date (a day, kept as UTC midnight), or text such as 2023-12-31, 2023/12/31, 2023年12月31日. */
export function cellDate(value: CellInput | undefined): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const text = cellText(value);
    return isCalendarDate(text) ? text : null;
  }
  if (typeof value !== "string") return null;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  if (!match) return null;
  const text = `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  return isCalendarDate(text) ? text : null;
}

/** A number cell, or text of a plain decimal number (thousands separators allowed). */
export function cellNumber(value: CellInput | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/[,，\s]/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

const DIRECTIONS: Record<string, Direction> = {
  [DIRECTION_LABELS.increase]: "increase",
  [DIRECTION_LABELS.decrease]: "decrease",
  递增: "increase",
  递减: "decrease",
  increase: "increase",
  decrease: "decrease",
};

/**
 * Checks a sheet's rows; `tasks` is complete only when `issues` is empty. `newProjects`: the
 * titles of the projects to create, in the order the file first names them.
 */
export function validateRows(
  sheet: TasksSheet,
  context: ImportContext,
): { tasks: ImportTask[]; issues: RowIssue[]; newProjects: string[] } {
  const issues: RowIssue[] = [];
  const tasks: ImportTask[] = [];
  const newProjects: string[] = [];
  const projectsByTitle = new Map<string, ImportContext["projects"]>();
  for (const project of context.projects) {
    projectsByTitle.set(project.title, [...(projectsByTitle.get(project.title) ?? []), project]);
  }
  /** Where each project + title was first seen in the file. */
  const seen = new Map<string, number>();

  const issue = (row: SheetRow, key: ColumnKey, message: IssueKey, params?: MessageParams) => {
    const col = sheet.columns[key] ?? COLUMNS.findIndex((c) => c.key === key) + 1;
    issues.push({
      row: row.row,
      column: COLUMNS.find((c) => c.key === key)!.header,
      cell: `${columnLetter(col)}${row.row}`,
      message,
      ...(params ? { params } : {}),
    });
  };

  const text = (row: SheetRow, key: ColumnKey, max: number, required: boolean) => {
    const value = cellText(row.cells[key]);
    if (!value && required) issue(row, key, "required");
    else if (value.length > max) issue(row, key, "tooLong", { max });
    return value;
  };

  const date = (row: SheetRow, key: "startDate" | "dueDate") => {
    const raw = row.cells[key];
    if (raw === undefined) {
      issue(row, key, "required");
      return null;
    }
    const value = cellDate(raw);
    if (!value) {
      issue(row, key, "invalidDate", { value: cellText(raw) });
      return null;
    }
    if (value < context.plan.startDate || value > context.plan.endDate) {
      issue(row, key, "dateOutsidePlan", {
        start: context.plan.startDate,
        end: context.plan.endDate,
      });
      return null;
    }
    return value;
  };

  const number = (row: SheetRow, key: ColumnKey) => {
    const raw = row.cells[key];
    if (raw === undefined) return undefined;
    const value = cellNumber(raw);
    if (value === null) issue(row, key, "invalidNumber", { value: cellText(raw) });
    return value;
  };

  const unit = (row: SheetRow, key: "leadUnit" | "coUnits", name: string) => {
    const found = context.units.get(name);
    if (!found) issue(row, key, "unknownUnit", { value: name });
    else if (found.archived) issue(row, key, "unitArchived", { value: name });
    return found && !found.archived ? found.id : null;
  };

  /** The task fields of a task's first row; null when its project, owner or unit is not found. */
  function taskFields(row: SheetRow, title: string, projectTitle: string) {
    const candidates = projectTitle ? (projectsByTitle.get(projectTitle) ?? []) : [];
    if (candidates.length > 1) issue(row, "project", "ambiguousProject", { value: projectTitle });
    const project = candidates.length === 1 ? candidates[0]! : null;
    // A 工作板块 the plan does not have is created (as POST /projects would: a title of 100 at most).
    let isNew = projectTitle !== "" && candidates.length === 0;
    if (isNew && projectTitle.length > LIMITS.project) {
      issue(row, "project", "tooLong", { max: LIMITS.project });
      isNew = false;
    } else if (isNew && !newProjects.includes(projectTitle)) {
      newProjects.push(projectTitle);
    }

    if (project && title && project.taskTitles.has(title)) {
      issue(row, "title", "duplicateInProject", { project: project.title });
    }
    const key = `${projectTitle}\u0000${title}`;
    const earlier = seen.get(key);
    if (projectTitle && title && earlier !== undefined) {
      issue(row, "title", "duplicateInFile", { row: earlier });
    } else if (projectTitle && title) {
      seen.set(key, row.row);
    }

    const description = text(row, "description", LIMITS.description, false);

    const username = cellText(row.cells.owner).toLowerCase();
    let ownerId: number | null = null;
    if (!username) issue(row, "owner", "required");
    else {
      const user = context.users.get(username);
      if (!user) issue(row, "owner", "unknownUser", { value: username });
      else if (!user.active) issue(row, "owner", "inactiveUser", { value: username });
      else ownerId = user.id;
    }

    const leadName = cellText(row.cells.leadUnit);
    const leadUnitId = leadName ? unit(row, "leadUnit", leadName) : null;
    if (!leadName) issue(row, "leadUnit", "required");

    const coNames = [
      ...new Set(
        cellText(row.cells.coUnits)
          .split(/[、,，;；\n]+/)
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    ];
    if (coNames.length > MAX_CO_UNITS) issue(row, "coUnits", "tooManyUnits", { max: MAX_CO_UNITS });
    const coUnitIds = coNames
      .map((name) => unit(row, "coUnits", name))
      .filter((id): id is number => id !== null && id !== leadUnitId);

    const startDate = date(row, "startDate");
    const dueDate = date(row, "dueDate");
    if (startDate && dueDate && dueDate < startDate) issue(row, "dueDate", "dueBeforeStart");

    const weight = number(row, "weight");
    if (typeof weight === "number" && !(weight > 0 && weight <= 100)) {
      issue(row, "weight", "weightRange");
    }

    if ((!project && !isNew) || !ownerId || !leadUnitId) return null;
    return {
      projectId: project?.id ?? null,
      projectTitle,
      title,
      description,
      ownerId,
      leadUnitId,
      coUnitIds: [...new Set(coUnitIds)],
      startDate: startDate!,
      dueDate: dueDate!,
      weight: weight ?? 1,
    };
  }

  /** The row's indicator, undefined when it has none, null when it is bad (each cell named). */
  function indicator(row: SheetRow): IndicatorCreateInput | null | undefined {
    if (INDICATOR_COLUMNS.every((key) => row.cells[key] === undefined)) return undefined;
    const before = issues.length;
    const name = text(row, "indicatorName", LIMITS.indicatorName, true);
    const unitText = text(row, "measureUnit", LIMITS.measureUnit, true);
    const baselineValue = number(row, "baseline");
    const baseline = baselineValue === undefined ? 0 : baselineValue;
    const target = row.cells.target === undefined ? null : number(row, "target");
    if (row.cells.target === undefined) issue(row, "target", "required");
    for (const [key, value] of [
      ["baseline", baseline],
      ["target", target],
    ] as const) {
      if (typeof value === "number" && Math.abs(value) > MAX_FIGURE) {
        issue(row, key, "numberRange");
      }
    }
    const directionText = cellText(row.cells.direction);
    const direction = directionText ? DIRECTIONS[directionText.toLowerCase()] : "increase";
    if (!direction) issue(row, "direction", "invalidDirection");
    const decimalsValue = number(row, "decimals");
    const decimals = decimalsValue ?? 0;
    if (
      typeof decimalsValue === "number" &&
      !(Number.isInteger(decimalsValue) && decimalsValue >= 0 && decimalsValue <= 4)
    ) {
      issue(row, "decimals", "decimalsRange");
    }
    if (issues.length > before || baseline === null || typeof target !== "number" || !direction) {
      return null;
    }

    const input = { name, unit: unitText, baseline, target, direction, decimals, weight: 1 };
    for (const found of indicatorIssues(input)) {
      if (found.message === "validation.targetDirection") issue(row, "target", "targetDirection");
      else issue(row, found.field as "baseline" | "target", "tooManyDecimals", { decimals });
    }
    return issues.length > before ? null : input;
  }

  let current: { key: string; first: SheetRow; task: ImportTask | null } | null = null;
  for (const row of sheet.rows) {
    const projectTitle = cellText(row.cells.project);
    const title = cellText(row.cells.title);
    const key = `${projectTitle}\u0000${title}`;

    if (current && projectTitle && title && key === current.key) {
      // A later row of the same task: indicator columns only (task cells empty or the same).
      for (const column of COLUMNS) {
        if (!column.task || row.cells[column.key] === undefined) continue;
        if (cellText(row.cells[column.key]) !== cellText(current.first.cells[column.key])) {
          issue(row, column.key, "continuationField", { row: current.first.row });
        }
      }
      const found = indicator(row);
      if (found === undefined) issue(row, "indicatorName", "continuationWithoutIndicator");
      if (current.task && found) {
        if (current.task.indicators.length === MAX_INDICATORS_PER_TASK) {
          issue(row, "indicatorName", "tooManyIndicators", { max: MAX_INDICATORS_PER_TASK });
        } else current.task.indicators.push(found);
      }
      continue;
    }

    const before = issues.length;
    if (!projectTitle) issue(row, "project", "required");
    text(row, "title", LIMITS.title, true);
    const fields = taskFields(row, title, projectTitle);
    const found = indicator(row);
    const task =
      fields && issues.length === before
        ? { ...fields, row: row.row, indicators: found ? [found] : [] }
        : null;
    if (task) tasks.push(task);
    current = { key, first: row, task };
  }

  issues.sort(
    (a, b) =>
      a.row - b.row ||
      COLUMNS.findIndex((c) => c.header === a.column) -
        COLUMNS.findIndex((c) => c.header === b.column),
  );
  return { tasks, issues, newProjects };
}
