/**
 * The work-plan importer (导入工作计划): reads the text of an office's own work plan and proposes
 * its themes (projects), their work items (tasks) and indicators. Pure and client-safe: no I/O, no
 * database; the admin edits the proposal before anything is written.
 *
 * - Themes are the numbered headings ("1.讲政治，…", "（一）…", "一、…", "第一，…"). When the
 *   document has outer sections ("一、2022年工作成效" / "二、2023年工作思路"), the themes are the
 *   numbered items inside the plan section (its heading names 计划/思路/安排/打算, or `section`).
 * - A theme's text is split into work items at "。" and "；" (never inside quotes); each keeps its
 *   own lead phrase, which becomes its title. Numbered sub-items are one task each.
 * - Indicators come from numbers with units, changes ("从604家降至312家") and lists of named
 *   places ("华顺公寓、东海未名园、邻里中心等老旧小区改造" → 3 个); see indicators.ts.
 */
import { headingTitle, matchHeading, type Heading } from "./headings";
import { extractIndicators, type ProposedIndicator } from "./indicators";
import { parseChineseNumeral } from "./numerals";
import {
  clip,
  meaningfulLength,
  normalizeLines,
  quotedMask,
  SENTENCE_MARKS,
  splitOutsideQuotes,
} from "./text";

export type { IndicatorDirection, ProposedIndicator } from "./indicators";

export interface ProposedTask {
  title: string;
  /** The full clause(s) of the work item. */
  text: string;
  indicators: ProposedIndicator[];
}

export interface ProposedProject {
  title: string;
  text: string;
  tasks: ProposedTask[];
}

/**
 * A note for the admin: a message key under `planImport.warnings` and the values it names (the
 * page translates it).
 */
export interface ImportWarning {
  key: ImportWarningKey;
  values?: Record<string, string | number>;
}

export interface PlanTextProposal {
  projects: ProposedProject[];
  warnings: ImportWarning[];
}

export interface ProposePlanOptions {
  /** The part of the document that holds the plan: its number ("二") or words of its heading. */
  section?: string;
}

/** The longest text the importer reads (characters); the rest is left out with a warning. */
export const MAX_PLAN_TEXT_LENGTH = 200_000;

/** Longest task title; a longer item is cut at a comma. */
export const MAX_TASK_TITLE = 60;
/** An item up to this long is its own title. */
const SHORT_ITEM = 30;
/** Fragments with fewer meaningful characters are no work item. */
const MIN_ITEM = 4;

/**
 * The most a proposal holds, as much as a commit takes (schemas.ts: MAX_IMPORT_PROJECTS,
 * MAX_IMPORT_TASKS_PER_PROJECT, MAX_IMPORT_INDICATORS_PER_TASK); the rest is dropped with a warning.
 */
export const MAX_PROPOSED_THEMES = 50;
export const MAX_PROPOSED_TASKS_PER_THEME = 200;
export const MAX_PROPOSED_INDICATORS_PER_TASK = 20;

/** The importer's warnings, by key (messages under `planImport.warnings`). */
export const WARNINGS = {
  empty: { key: "empty" },
  truncated: { key: "truncated", values: { max: MAX_PLAN_TEXT_LENGTH } },
  noHeadings: { key: "noHeadings" },
  sectionNotFound: (section: string) => ({ key: "sectionNotFound", values: { section } }),
  planSection: (heading: string) => ({ key: "planSection", values: { heading } }),
  themeWithoutTasks: (title: string) => ({ key: "themeWithoutTasks", values: { title } }),
  themesDropped: (dropped: number) => ({
    key: "themesDropped",
    values: { kept: MAX_PROPOSED_THEMES, dropped },
  }),
  tasksDropped: (title: string, dropped: number) => ({
    key: "tasksDropped",
    values: { title, kept: MAX_PROPOSED_TASKS_PER_THEME, dropped },
  }),
  indicatorsDropped: (title: string, dropped: number) => ({
    key: "indicatorsDropped",
    values: { title, kept: MAX_PROPOSED_INDICATORS_PER_TASK, dropped },
  }),
  needsBaseline: (name: string) => ({ key: "needsBaseline", values: { name } }),
  reduction: (name: string, target: number, unit: string) => ({
    key: "reduction",
    values: { name, target, unit },
  }),
} as const satisfies Record<
  ImportWarningKey,
  ImportWarning | ((...args: never[]) => ImportWarning)
>;

export type ImportWarningKey =
  | "empty"
  | "truncated"
  | "noHeadings"
  | "sectionNotFound"
  | "planSection"
  | "themeWithoutTasks"
  | "themesDropped"
  | "tasksDropped"
  | "indicatorsDropped"
  | "needsBaseline"
  | "reduction";

interface OutlineNode {
  heading: Heading | null;
  /** The line as written (with its marker); "" for the root. */
  line: string;
  level: number;
  lines: string[];
  children: OutlineNode[];
}

/** Themes, tasks and indicators proposed from a work plan's text. */
export function proposePlan(text: string, options: ProposePlanOptions = {}): PlanTextProposal {
  const warnings: ImportWarning[] = [];
  let source = text ?? "";
  if (source.length > MAX_PLAN_TEXT_LENGTH) {
    source = source.slice(0, MAX_PLAN_TEXT_LENGTH);
    warnings.push(WARNINGS.truncated);
  }
  const lines = normalizeLines(source);
  if (lines.length === 0 || lines.every((l) => meaningfulLength(l) === 0)) {
    return { projects: [], warnings: [...warnings, WARNINGS.empty] };
  }

  const root = buildOutline(lines);
  const themes = chooseThemes(root, options.section?.trim() ?? "", warnings);

  let projects: ProposedProject[];
  if (themes.kind === "none") {
    warnings.push(WARNINGS.noHeadings);
    projects = [projectFromParagraphs(lines)];
  } else if (themes.kind === "paragraphs") {
    projects = themes.lines.map((line) => projectFromHeadingText(line, [], []));
  } else {
    projects = themes.nodes.map((node) =>
      projectFromHeadingText(node.heading!.rest, node.lines, node.children),
    );
  }
  projects = projects.filter((p) => p.title || p.tasks.length > 0);
  if (projects.length === 0) warnings.push(WARNINGS.empty);
  return { projects: capped(projects, warnings), warnings };
}

/**
 * The proposal within what a commit takes (themes, tasks per theme, indicators per task), with a
 * warning for each cut and for what the admin should check.
 */
function capped(all: ProposedProject[], warnings: ImportWarning[]): ProposedProject[] {
  if (all.length > MAX_PROPOSED_THEMES) {
    warnings.push(WARNINGS.themesDropped(all.length - MAX_PROPOSED_THEMES));
  }
  return all.slice(0, MAX_PROPOSED_THEMES).map((project) => {
    if (project.tasks.length === 0) warnings.push(WARNINGS.themeWithoutTasks(project.title));
    if (project.tasks.length > MAX_PROPOSED_TASKS_PER_THEME) {
      const dropped = project.tasks.length - MAX_PROPOSED_TASKS_PER_THEME;
      warnings.push(WARNINGS.tasksDropped(project.title, dropped));
    }
    const tasks = project.tasks.slice(0, MAX_PROPOSED_TASKS_PER_THEME).map((task) => {
      if (task.indicators.length > MAX_PROPOSED_INDICATORS_PER_TASK) {
        const dropped = task.indicators.length - MAX_PROPOSED_INDICATORS_PER_TASK;
        warnings.push(WARNINGS.indicatorsDropped(task.title, dropped));
      }
      const indicators = task.indicators.slice(0, MAX_PROPOSED_INDICATORS_PER_TASK);
      for (const indicator of indicators) {
        if (indicator.review === "needsBaseline") {
          warnings.push(WARNINGS.needsBaseline(indicator.name));
        } else if (indicator.review === "reduction") {
          warnings.push(WARNINGS.reduction(indicator.name, indicator.target, indicator.unit));
        }
      }
      return { ...task, indicators };
    });
    return { ...project, tasks };
  });
}

// ---------------------------------------------------------------------------------------------
// Outline

/** The document as a tree of numbered headings; a style's level is the order it first appears. */
function buildOutline(lines: string[]): OutlineNode {
  const root: OutlineNode = { heading: null, line: "", level: 0, lines: [], children: [] };
  const levels = new Map<string, number>();
  const stack: OutlineNode[] = [root];
  for (const line of lines) {
    const heading = matchHeading(line);
    if (!heading) {
      stack[stack.length - 1]!.lines.push(line);
      continue;
    }
    let level = levels.get(heading.style);
    if (level === undefined) {
      level = levels.size + 1;
      levels.set(heading.style, level);
    }
    while (stack.length > 1 && stack[stack.length - 1]!.level >= level) stack.pop();
    const node: OutlineNode = { heading, line, level, lines: [], children: [] };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  return root;
}

/** The node's whole text: its heading (without the marker, if asked), lines and sub-items. */
function nodeText(node: OutlineNode, withMarker: boolean): string {
  const parts: string[] = [withMarker ? node.line : (node.heading?.rest ?? "")];
  parts.push(...node.lines);
  for (const child of node.children) parts.push(nodeText(child, true));
  return parts.filter(Boolean).join("\n");
}

type Themes =
  | { kind: "none" }
  | { kind: "nodes"; nodes: OutlineNode[] }
  | { kind: "paragraphs"; lines: string[] };

const PLAN_WORDS = /计划|思路|安排|打算/;
const PLAN_WORDS_WEAK = /目标|任务|举措|措施|重点工作/;
/** Sections that frame a plan without being it: a summary, guiding ideas, safeguards. */
const FRAME_WORDS = /总结|成效|回顾|情况|指导思想|总体要求|基本原则|保障/;
/** A section heading is short ("二、2023年工作思路"). */
const SECTION_HEADING = 30;

function chooseThemes(root: OutlineNode, section: string, warnings: ImportWarning[]): Themes {
  const top = root.children;
  if (top.length === 0) return { kind: "none" };

  if (section) {
    const found = findSection(root, section);
    if (found) return themesOf(found);
    warnings.push(WARNINGS.sectionNotFound(section));
  }

  const isSection = (n: OutlineNode) => n.heading!.rest.length <= SECTION_HEADING;
  const withItems = top.filter((n) => n.children.length > 0 && isSection(n));
  const pick = (nodes: OutlineNode[]) =>
    nodes.reduce<OutlineNode | null>(
      (best, n) => (!best || n.children.length >= best.children.length ? n : best),
      null,
    );
  let plan = pick(withItems.filter((n) => PLAN_WORDS.test(n.heading!.rest)));
  if (!plan) {
    const weak = pick(withItems.filter((n) => PLAN_WORDS_WEAK.test(n.heading!.rest)));
    if (weak && top.some((n) => n !== weak && FRAME_WORDS.test(n.heading!.rest))) plan = weak;
  }
  if (plan) {
    if (top.length > 1) warnings.push(WARNINGS.planSection(plan.heading!.rest));
    return { kind: "nodes", nodes: plan.children };
  }

  // Outer sections without numbered items ("一、2022年工作总结" … "二、2023年工作计划" and plain
  // paragraphs): the plan section's paragraphs are the themes.
  if (top.every((n) => n.children.length === 0)) {
    const planParagraphs = top.filter(
      (n) => isSection(n) && PLAN_WORDS.test(n.heading!.rest) && n.lines.length > 0,
    );
    const framed = top.some((n) => FRAME_WORDS.test(n.heading!.rest));
    const last = planParagraphs[planParagraphs.length - 1];
    if (last && framed) {
      warnings.push(WARNINGS.planSection(last.heading!.rest));
      return { kind: "paragraphs", lines: last.lines };
    }
  }
  return { kind: "nodes", nodes: top };
}

const CHINESE_STYLES = new Set(["cn", "cn-paren", "ordinal"]);

/** A section named by its number ("二", "2") or by words of its heading ("2023年工作思路"). */
function findSection(root: OutlineNode, section: string): OutlineNode | null {
  const asHeading = matchHeading(section);
  const wanted = section.replace(/^[（(]|[）)、.，,：:]+$/g, "").replace(/^[（(]/, "");
  const value = /^\d+$/.test(wanted) ? Number(wanted) : parseChineseNumeral(wanted);
  const matches = (n: OutlineNode) => {
    const h = n.heading!;
    if (asHeading) return h.value === asHeading.value && h.rest.includes(asHeading.rest);
    if (value !== null && /^[\d一二三四五六七八九十]+$/.test(wanted)) {
      // "二" is the 二、/（二） section, "2" the 2. / （2） one.
      const chinese = !/^\d/.test(wanted);
      return h.value === value && CHINESE_STYLES.has(h.style) === chinese;
    }
    return h.rest.includes(section);
  };
  // Breadth first: a top-level section before a theme of the same number.
  const queue = [...root.children];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    if (matches(node)) return node;
    queue.push(...node.children);
  }
  return null;
}

function themesOf(node: OutlineNode): Themes {
  if (node.children.length > 0) return { kind: "nodes", nodes: node.children };
  if (node.lines.length > 0) return { kind: "paragraphs", lines: node.lines };
  return { kind: "nodes", nodes: [node] };
}

// ---------------------------------------------------------------------------------------------
// Projects and tasks

function projectFromHeadingText(
  rest: string,
  lines: string[],
  children: OutlineNode[],
): ProposedProject {
  const { title, body } = headingTitle(rest);
  const tasks = splitTasks([body, ...lines].filter(Boolean).join("\n"));
  for (const child of children) tasks.push(taskFromNode(child));
  const text = [rest, ...lines, ...children.map((c) => nodeText(c, true))]
    .filter(Boolean)
    .join("\n");
  return { title, text, tasks };
}

/** No headings: the first short line is the title, the rest the work items. */
function projectFromParagraphs(lines: string[]): ProposedProject {
  const first = lines[0]!;
  const titled = first.length <= 40 && !/[。；！？]/.test(first) && lines.length > 1;
  const title = titled ? first : taskTitle(first);
  const body = (titled ? lines.slice(1) : lines).join("\n");
  return { title, text: lines.join("\n"), tasks: splitTasks(body) };
}

/** A numbered sub-item: one task, titled by its heading. */
function taskFromNode(node: OutlineNode): ProposedTask {
  const text = nodeText(node, false);
  const { title } = headingTitle(node.heading!.rest);
  return { title: clip(title, MAX_TASK_TITLE), text, indicators: extractIndicators(text) };
}

/** Words that continue the previous item rather than start one. */
const CONTINUES = ["并且", "并", "同时", "其中", "从而", "进而", "以此", "由此"];

/**
 * A theme's text as work items: pieces between "。" "；" "！" "？" and line breaks (not inside
 * quotes); very short pieces dropped, pieces that only continue the previous item merged into it.
 */
export function splitTasks(text: string): ProposedTask[] {
  const mask = quotedMask(text);
  const items: { start: number; end: number }[] = [];
  for (const piece of splitOutsideQuotes(text, SENTENCE_MARKS, mask)) {
    const trimmed = trimFragment(piece.text);
    if (meaningfulLength(trimmed) < MIN_ITEM) continue;
    const start = piece.start + piece.text.indexOf(trimmed);
    const end = start + trimmed.length;
    const last = items[items.length - 1];
    if (last && CONTINUES.some((w) => trimmed.startsWith(w))) last.end = end;
    else items.push({ start, end });
  }
  return items.map(({ start, end }) => {
    const clause = text.slice(start, end).replace(/\n/g, "");
    const full = /[。！？]$/.test(clause) ? clause : `${clause}。`;
    return { title: taskTitle(clause), text: full, indicators: extractIndicators(clause) };
  });
}

/** `text` without the punctuation and spaces at either end (a loop: no regex backtracking). */
function trimFragment(text: string, marks = " \t\n\u3000，、：；,.。！？"): string {
  let start = 0;
  let end = text.length;
  while (start < end && marks.includes(text[start]!)) start++;
  while (end > start && marks.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Lead words that are no part of an item's name: 一是, 特别是, 此外, (1), ① … */
const LEAD_WORDS =
  /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|特别是|尤其是|此外|另外|同时|并且|首先|其次|再次|最后|（\d{1,2}）|（[一二三四五六七八九十]{1,3}）|[\u2460-\u2473]|\d{1,2}[.、](?!\d))[，、：]?/;

const OPENING_TIME = /^.{0,10}(年|月|日|月份|以来|起|期间|之前|年底前|年内)$/;

/** An item's title: the clause itself if short, else its lead phrase (cut at a comma). */
export function taskTitle(clause: string): string {
  const text = trimFragment(clause.replace(LEAD_WORDS, ""));
  if (text.length <= SHORT_ITEM) return text;
  const mask = quotedMask(text);
  const pieces = splitOutsideQuotes(text, "，：；", mask);
  // An opening time phrase ("今年1-11月，", "自4月26日起，") is no lead phrase.
  if (pieces.length > 1 && OPENING_TIME.test(pieces[0]!.text)) pieces.shift();
  let title = "";
  for (const piece of pieces) {
    title = title ? `${title}，${piece.text}` : piece.text;
    if (meaningfulLength(title) >= MIN_ITEM) break;
  }
  return clip(title || text, MAX_TASK_TITLE);
}
