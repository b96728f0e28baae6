/**
 * Indicators proposed from a work item's text (pure, client-safe):
 * - a number with a measure unit: "完成老旧小区改造3个" → 老旧小区改造, 3 个; "新增托位125个";
 *   "新建三个邻里食堂" → 新建邻里食堂, 3 个 (Chinese numerals too: 两, 十, 百 …);
 * - a change: "群租房从604家降至312家" / "604→312" → baseline 604, target 312;
 * - a list of named places: "华顺公寓、东海未名园、邻里中心等老旧小区改造" → 老旧小区改造, 3 个.
 * Years, dates, ordinals (第一), rates (每万人), quoted slogans (“六学六进六争先”) and stock phrases
 * (两个维护, 一个会) give none.
 *
 * Each has a direction: "decrease" for a change downwards (从58处降至20处) and for a level to
 * stay under (失业率控制在3%以内, 不超过20件, 降至…: no baseline, so `review: "needsBaseline"`);
 * a reduction by an amount (较上年下降2个百分点, 压减群租房30家) is counted upwards, the amount
 * reduced from 0 (`review: "reduction"`, for the admin to check).
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "./numerals";
import { clip, isCjk, meaningfulLength, quotedMask } from "./text";

export type IndicatorDirection = "increase" | "decrease";

export interface ProposedIndicator {
  name: string;
  target: number;
  unit: string;
  baseline?: number;
  /** "decrease" when the target lies below the baseline or is a level to stay under. */
  direction: IndicatorDirection;
  /** The clause it came from. */
  source: string;
  /**
   * What the admin should check: a decreasing level without a baseline ("needsBaseline"), or a
   * reduction counted as the amount reduced ("reduction").
   */
  review?: "needsBaseline" | "reduction";
}

/** Words just before a number that make it a level to stay under: 控制在3%, 降至20处. */
const DECREASE_LEVEL_BEFORE =
  /(控制在|不超过|不高于|不大于|低于|少于|压降至|压降到|压减至|压减到|压缩至|压缩到|下降至|下降到|下降为|降低至|降低到|降低为|减少至|减少到|减少为|降至|降到|降为|减至|减到)$/;
/** Words just after a number's unit that make it a ceiling: 3%以内, 20件以下. */
const DECREASE_LEVEL_AFTER = /^(以内|以下)/;
/** Words before a number that make it an amount reduced: 较上年下降2个百分点, 压减群租房30家. */
const REDUCTION_BEFORE = /下降|降低|减少|压减|压降|压缩|削减|减排|减量/;

/** Measure units, longest first (so 万人次 wins over 万人, 个百分点 over 个, 平方米 over 米). */
export const MEASURE_UNITS = [
  "个百分点",
  "万平方米",
  "万人次",
  "平方公里",
  "平方米",
  "万元",
  "亿元",
  "万人",
  "人次",
  "家次",
  "户次",
  "公里",
  "千米",
  "公顷",
  "个",
  "户",
  "家",
  "名",
  "人",
  "间",
  "栋",
  "幢",
  "台",
  "场",
  "次",
  "项",
  "处",
  "件",
  "套",
  "辆",
  "座",
  "所",
  "条",
  "张",
  "支",
  "批",
  "篇",
  "份",
  "亩",
  "吨",
  "米",
  "㎡",
  "元",
  "%",
  "％",
] as const;

/** The units by their first character (longest first), so finding one is a lookup. */
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const unit of MEASURE_UNITS) {
  UNITS_BY_FIRST.set(unit[0]!, [...(UNITS_BY_FIRST.get(unit[0]!) ?? []), unit]);
}

/** Stock phrases whose numbers count nothing. */
const STOCK_PHRASES = [
  "两个先行",
  "两个维护",
  "两个确立",
  "两个一百年",
  "两个毫不动摇",
  "三个代表",
  "四个意识",
  "四个自信",
  "四个全面",
  "五位一体",
  "八项规定",
  "千家万户",
  "千方百计",
  "一个会",
  "一座城",
  "一件事",
  "一老一小",
];

const CLAUSE_END = "，；。：！？\n";
const NAME_STOP = "，；。：、！？\n";
const CONNECTORS = "和及与并的被";
/** A verb worth keeping before a counted noun: 投放45个核酸采样屋 → 投放核酸采样屋. */
const LEAD_VERB =
  /(新建|新增|增设|建设|建成|打造|改造|加装|投放|新设|设立|培育|引进|招引|组建|举办|开展|组织|实施|创建|培训|提供|推动|发放|走访|慰问|帮扶|安置|整治|拆除|清理|排查|化解|招聘|吸纳|孵化|挖掘|召开|评选|认定|培养|服务|接待)$/;
/** A time phrase a clause may open with: 今年1-11月、5月份以来、年底前. */
const LEADING_TIME =
  /^(?:今年|全年|年内|目前|截至目前)?(?:[自从]?\d[\d\-—~至年月日份季度底初上下半]*(?:年|月|日|份|季度))?(?:以来|起|前|底|内|期间)?/;
const MAX_NAME = 24;
/** How far either side of a number its source clause reaches. */
const MAX_SOURCE = 60;

const NUMBER_RE = new RegExp(`\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+`, "g");
/** Prefixes after which a number is no target: 第3 (ordinal), 每万人 (a rate), 数百 / 几十 (vague). */
const NOT_AFTER = "第每数几";

const CHANGE_VERBS = [
  "下降至",
  "下降到",
  "下降为",
  "降低至",
  "降低到",
  "减少至",
  "减少到",
  "减少为",
  "压降至",
  "压降到",
  "压减至",
  "压减到",
  "压缩至",
  "压缩到",
  "控制在",
  "降至",
  "降到",
  "降为",
  "减至",
  "减到",
  "提高至",
  "提高到",
  "提高为",
  "提升至",
  "提升到",
  "提升为",
  "增加至",
  "增加到",
  "增长至",
  "增长到",
  "上升至",
  "上升到",
  "扩大至",
  "扩大到",
  "增至",
  "达到",
  "至",
  "到",
];
const ARROWS = ["→", "->", "—>", "－>", "⟶", "➝", "➔"];

const PLACE_WORDS =
  /小区|社区|公寓|新村|村|街区|街巷|小巷|道路|路段|园区|楼宇|楼道|场馆|企业|公司|学校|医院|市场|站点|点位|地块|区块|广场|公园|中心|商圈|河道|单位|网格|食堂|驿站/;
/** After "等", words that make the list no count of places: 等多种方式, 等各级党组织, 等系列评选. */
const NOT_A_COUNT_AFTER =
  /^(多|各|诸|一系列|系列|一批|方面|领域|内容|形式|方式|途径|渠道|手段|措施)/;

interface NumberToken {
  start: number;
  /** Just past the unit. */
  end: number;
  value: number;
  unit: string;
}

/** At most this many indicators from one work item (a plan's item has a handful). */
export const MAX_INDICATORS = 30;

/** The indicators `text` proposes, in the order they appear (at most MAX_INDICATORS). */
export function extractIndicators(text: string): ProposedIndicator[] {
  const work = blankStockPhrases(text);
  const mask = quotedMask(work);
  const used = new Array<boolean>(work.length).fill(false);
  const found: { at: number; indicator: ProposedIndicator }[] = [];

  // Changes first: their two numbers are one indicator.
  let count = 0;
  for (const change of findChanges(work, mask)) {
    if (++count > MAX_INDICATORS) break;
    for (let k = change.start; k < change.end; k++) used[k] = true;
    found.push({ at: change.start, indicator: change.indicator(text) });
  }

  count = 0;
  for (const token of numberTokens(work, mask)) {
    if (used[token.start]) continue;
    if (++count > MAX_INDICATORS) break;
    for (let k = token.start; k < token.end; k++) used[k] = true;
    found.push({ at: token.start, indicator: singleIndicator(text, work, mask, token) });
  }

  for (const list of namedLists(work, mask, used)) {
    found.push({
      at: list.start,
      indicator: {
        name: list.name,
        target: list.count,
        unit: list.unit,
        direction: "increase",
        source: clauseAround(text, mask, list.start, list.end),
      },
    });
  }

  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_INDICATORS)
    .map((f) => f.indicator);
}

function blankStockPhrases(text: string): string {
  let out = text;
  for (const phrase of STOCK_PHRASES) {
    if (out.includes(phrase)) out = out.split(phrase).join("□".repeat(phrase.length));
  }
  return out;
}

/** The unit at `at` (with 余/多 before it allowed), and where it ends. */
function unitAt(text: string, at: number): { unit: string; end: number; scale: number } | null {
  let i = at;
  if (text[i] === "余" || text[i] === "多") i++;
  for (const unit of UNITS_BY_FIRST.get(text[i] ?? "") ?? []) {
    if (text.startsWith(unit, i)) {
      return { unit: unit === "％" ? "%" : unit, end: i + unit.length, scale: 1 };
    }
  }
  // 2.5万平方米 is a unit of its own above; 1.2万户 → 12000 户.
  const big = text[i];
  if (big === "万" || big === "亿") {
    const inner = unitAt(text, i + 1);
    if (inner && inner.scale === 1 && !/^[万亿]/.test(inner.unit)) {
      return { ...inner, scale: big === "万" ? 10_000 : 100_000_000 };
    }
  }
  return null;
}

/** The value of a number as written ("1,200" → 1200, "十二" → 12), or null if it counts nothing. */
function numberValue(raw: string): number | null {
  if (/^\d/.test(raw)) return Number(raw.replace(/,/g, ""));
  // A lone 一 is an article (一个会), a lone 二 a word part (二次供水: a count says 两); a lone 万
  // or 亿 is no number.
  if (raw === "一" || raw === "二" || raw === "万" || raw === "亿") return null;
  if (/^[万亿]/.test(raw)) return null;
  return parseChineseNumeral(raw);
}

/** Every number followed by a measure unit, outside quotes. */
function numberTokens(text: string, mask: boolean[]): NumberToken[] {
  const tokens: NumberToken[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const start = m.index;
    let raw = m[0];
    let rawEnd = start + raw.length;
    // A Chinese numeral running into its unit's 万 (三万元): give the 万 back to the unit.
    if (!/^\d/.test(raw) && /[万亿]$/.test(raw) && raw.length > 1) {
      const back = unitAt(text, rawEnd - 1);
      if (back && /^[万亿]/.test(back.unit)) {
        raw = raw.slice(0, -1);
        rawEnd -= 1;
      }
    }
    if (mask[start]) continue;
    const before = text[start - 1];
    if (before !== undefined && (NOT_AFTER.includes(before) || /[A-Za-z.]/.test(before))) continue;
    if (isRate(text, start)) continue;
    const unit = unitAt(text, rawEnd);
    if (!unit) continue;
    const value = numberValue(raw);
    if (value === null || !Number.isFinite(value)) continue;
    NUMBER_RE.lastIndex = unit.end;
    tokens.push({ start, end: unit.end, value: round(value * unit.scale), unit: unit.unit });
  }
  return tokens;
}

/** "每万人18名", "每个社区3名": a number a few characters after 每 is a rate, not a target. */
function isRate(text: string, start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 5); k--) {
    const ch = text[k]!;
    if (ch === "每") return true;
    if (CLAUSE_END.includes(ch) || ch === "、") return false;
  }
  return false;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

interface Change {
  start: number;
  end: number;
  indicator: (original: string) => ProposedIndicator;
}

/** "从604家降至312家", "由45%提高到60%", "604→312". */
function findChanges(text: string, mask: boolean[]): Change[] {
  const changes: Change[] = [];
  const tokens = numberTokensLoose(text, mask);
  for (let t = 0; t + 1 < tokens.length; t++) {
    const from = tokens[t]!;
    const to = tokens[t + 1]!;
    const between = text.slice(from.end, to.start).trim();
    const arrow = ARROWS.includes(between);
    const lead = text[from.start - 1];
    const verbal = (lead === "从" || lead === "由") && CHANGE_VERBS.includes(between);
    if (!arrow && !verbal) continue;
    if (!from.unit && !to.unit && !arrow) continue;
    const { unit, baseline, target } = commonUnit(from, to);
    const start = verbal ? from.start - 1 : from.start;
    changes.push({
      start,
      end: to.end,
      indicator: (original) => {
        let name = cleanName(namePart(original, start), "before");
        if (!name) name = cleanName(nounAfter(original, to.end, mask), "after");
        return {
          name: name || clip(clauseAround(original, mask, start, to.end), MAX_NAME),
          target,
          unit,
          baseline,
          direction: target < baseline ? "decrease" : "increase",
          source: clauseAround(original, mask, start, to.end),
        };
      },
    });
    t++;
  }
  return changes;
}

/** How many of the smaller unit one of the larger is: 万平方米 = 10000 平方米, 亿元 = 10000 万元. */
function unitRatio(big: string, small: string): number | null {
  if (big === `万${small}`) return 10_000;
  if (big === "亿元" && small === "元") return 100_000_000;
  if (big === "亿元" && small === "万元") return 10_000;
  if (big === "万元" && small === "元") return 10_000;
  return null;
}

/** Both ends of a change in one unit (the target's, or the smaller when they differ). */
function commonUnit(
  from: { value: number; unit: string },
  to: { value: number; unit: string },
): { unit: string; baseline: number; target: number } {
  if (!from.unit || !to.unit || from.unit === to.unit) {
    return { unit: to.unit || from.unit, baseline: from.value, target: to.value };
  }
  const down = unitRatio(from.unit, to.unit);
  if (down) return { unit: to.unit, baseline: round(from.value * down), target: to.value };
  const up = unitRatio(to.unit, from.unit);
  if (up) return { unit: from.unit, baseline: from.value, target: round(to.value * up) };
  return { unit: to.unit, baseline: from.value, target: to.value };
}

/** Numbers with an optional unit (the two ends of a change may leave the first unit out). */
function numberTokensLoose(
  text: string,
  mask: boolean[],
): { start: number; end: number; value: number; unit: string }[] {
  const out: { start: number; end: number; value: number; unit: string }[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    if (mask[m.index]) continue;
    const before = text[m.index - 1];
    if (before !== undefined && (NOT_AFTER.includes(before) || /[A-Za-z.]/.test(before))) continue;
    const value = numberValue(m[0]);
    if (value === null) continue;
    const rawEnd = m.index + m[0].length;
    const unit = unitAt(text, rawEnd);
    if (unit) NUMBER_RE.lastIndex = unit.end;
    out.push({
      start: m.index,
      end: unit ? unit.end : rawEnd,
      value: round(value * (unit?.scale ?? 1)),
      unit: unit?.unit ?? "",
    });
  }
  return out;
}

function singleIndicator(
  original: string,
  work: string,
  mask: boolean[],
  token: NumberToken,
): ProposedIndicator {
  const source = clauseAround(original, mask, token.start, token.end);
  const before = cleanName(namePart(original, token.start), "before");
  const after = cleanName(nounAfter(work, token.end, mask, original), "after");
  let name: string;
  if (after) {
    // "投放45个核酸采样屋" → 投放核酸采样屋; "完成219间宿舍微更新" → 宿舍微更新.
    name = before && before.length <= 4 && LEAD_VERB.test(before) ? before + after : after;
  } else {
    name = before;
  }
  const indicator: ProposedIndicator = {
    name: clip(name || source, MAX_NAME),
    target: token.value,
    unit: token.unit,
    direction: "increase",
    source,
  };
  const lead = namePart(original, token.start).trim();
  if (
    DECREASE_LEVEL_BEFORE.test(lead) ||
    DECREASE_LEVEL_AFTER.test(original.slice(token.end, token.end + 2))
  ) {
    // "失业率控制在3%以内": a level to stay under; its starting level is not said.
    return { ...indicator, direction: "decrease", review: "needsBaseline" };
  }
  if (REDUCTION_BEFORE.test(lead)) return { ...indicator, review: "reduction" };
  return indicator;
}

/** The text from the clause's start (or a list comma) up to `at`. */
function namePart(text: string, at: number): string {
  let i = at;
  const limit = Math.max(0, at - 40);
  while (i > limit && !NAME_STOP.includes(text[i - 1]!)) i--;
  return text.slice(i, at);
}

/** The words right after a number's unit, up to a comma, "和", "的" or another number. */
function nounAfter(work: string, at: number, mask: boolean[], original = work): string {
  let i = at;
  // "125个以上" / "3个左右": the number's own qualifier, not a noun.
  const qualifier = /^(以上|以下|以内|左右|上下)/.exec(work.slice(at, at + 2));
  if (qualifier) i += qualifier[0].length;
  const start = i;
  const limit = Math.min(work.length, start + 40);
  while (i < limit) {
    const ch = work[i]!;
    if (!mask[i] && (NAME_STOP.includes(ch) || CONNECTORS.includes(ch) || /[0-9]/.test(ch))) break;
    i++;
  }
  const noun = original.slice(start, i);
  return isCjk(noun[0]) || noun.startsWith("“") ? noun : "";
}

const LEADING = [
  "其中",
  "同时",
  "并且",
  "以及",
  "累计",
  "全年",
  "年内",
  "今年",
  "力争",
  "确保",
  "共计",
  "已经",
  "并",
  "和",
  "及",
  "与",
  "共",
  "已",
  "将",
];
const TRAILING = [
  "不少于",
  "不低于",
  "不超过",
  "不高于",
  "保持在",
  "控制在",
  "达到",
  "超过",
  "突破",
  "合计",
  "共计",
  "累计",
  "约为",
  "近",
  "逾",
  "超",
  "达",
  "为",
  "共",
  "计",
  "有",
  "均",
  "等",
];
const GENERIC_ENDS = ["提升进度", "进度", "工作", "力度", "步伐"];
const VERB_CUTS = [
  "先行",
  "率先",
  "全面",
  "持续",
  "进一步",
  "打造",
  "开展",
  "推进",
  "实施",
  "落实",
];

/** A name without its connectives, "完成"/"实现", qualifiers (达, 超) and generic ends (进度). */
function cleanName(raw: string, side: "before" | "after"): string {
  let name = raw.replace(/^[，、：；\s□]+|[，、：；\s□]+$/g, "");
  if (side === "before") {
    const time = LEADING_TIME.exec(name)?.[0] ?? "";
    if (time && meaningfulLength(name.slice(time.length)) >= 2) name = name.slice(time.length);
    name = stripRepeatedly(name, LEADING, "start");
    // "街道实现财政总收入" → 财政总收入; "完成老旧小区改造" → 老旧小区改造.
    const verb = Math.max(name.lastIndexOf("实现"), name.lastIndexOf("完成"));
    if (verb >= 0 && meaningfulLength(name.slice(verb + 2)) >= 2) name = name.slice(verb + 2);
    else if (verb === 0) name = "";
    name = stripRepeatedly(name, TRAILING, "end");
  } else {
    for (const cut of VERB_CUTS) {
      const at = name.indexOf(cut);
      if (at >= 2) name = name.slice(0, at);
    }
  }
  // "约" is "about" after a name, but part of 签约 / 预约 / 节约 ….
  if (side === "before" && /[^签预节制公合条契履违特邀]约$/.test(name)) name = name.slice(0, -1);
  name = stripRepeatedly(name, GENERIC_ENDS, "end", 2);
  if (name.endsWith("改造提升")) name = name.slice(0, -2);
  name = name.replace(/^[，、：；\s□]+|[，、：；\s□]+$/g, "");
  if (meaningfulLength(name) < 1) return "";
  return side === "before" ? Array.from(name).slice(-MAX_NAME).join("") : clip(name, MAX_NAME);
}

function stripRepeatedly(
  text: string,
  words: readonly string[],
  where: "start" | "end",
  keep = 0,
): string {
  let out = text;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of words) {
      const hit = where === "start" ? out.startsWith(w) : out.endsWith(w);
      if (hit && out.length - w.length >= keep) {
        out = where === "start" ? out.slice(w.length) : out.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return out;
}

/** The clause (between commas or stops) holding [start, end). */
function clauseAround(text: string, mask: boolean[], start: number, end: number): string {
  // Bounded either side: a text without commas is not read whole for each of its numbers.
  let i = start;
  const first = Math.max(0, start - MAX_SOURCE);
  while (i > first && !(CLAUSE_END.includes(text[i - 1]!) && !mask[i - 1])) i--;
  let j = end;
  const last = Math.min(text.length, end + MAX_SOURCE);
  while (j < last && !(CLAUSE_END.includes(text[j]!) && !mask[j])) j++;
  return clip(text.slice(i, j).trim(), 2 * MAX_SOURCE);
}

interface NamedList {
  start: number;
  end: number;
  count: number;
  name: string;
  unit: string;
}

/** "华顺公寓、东海未名园、邻里中心等老旧小区改造": places joined by 、 before 等. */
function namedLists(text: string, mask: boolean[], used: boolean[]): NamedList[] {
  const lists: NamedList[] = [];
  for (let i = text.indexOf("等"); i >= 0; i = text.indexOf("等", i + 1)) {
    if (lists.length >= MAX_INDICATORS) break;
    if (mask[i] || used[i - 1]) continue;
    const rest = text.slice(i + 1, i + 6);
    if (NOT_A_COUNT_AFTER.test(rest) || /^[\d零〇一二两三四五六七八九十百千]/.test(rest)) continue;
    const noun = nounAfter(text, i + 1, mask);
    if (!noun || !PLACE_WORDS.test(noun.slice(0, 8))) continue;
    // The list: back to the clause's start.
    let s = i;
    const limit = Math.max(0, i - 120);
    while (s > limit && !(CLAUSE_END.includes(text[s - 1]!) && !mask[s - 1])) s--;
    const items = splitUnquoted(text, s, i, mask);
    if (items.length < 2) continue;
    if (items.slice(1).some((item) => item.length === 0 || item.length > 12 || /\d/.test(item))) {
      continue;
    }
    if (items[0]!.length === 0 || /\d/.test(items[0]!)) continue;
    const name = cleanName(noun, "after");
    if (!name || used.slice(s, i + 1 + noun.length).some(Boolean)) continue;
    lists.push({
      start: s,
      end: i + 1 + noun.length,
      count: items.length,
      name,
      unit: placeUnit(noun),
    });
  }
  return lists;
}

function splitUnquoted(text: string, from: number, to: number, mask: boolean[]): string[] {
  const items: string[] = [];
  let start = from;
  for (let k = from; k <= to; k++) {
    if (k === to || (text[k] === "、" && !mask[k])) {
      items.push(text.slice(start, k).trim());
      start = k + 1;
    }
  }
  return items;
}

function placeUnit(noun: string): string {
  const head = noun.slice(0, 8);
  if (/企业|公司|单位|商户/.test(head)) return "家";
  if (/学校|医院/.test(head)) return "所";
  if (/道路|路段|河道|街巷|小巷/.test(head)) return "条";
  if (/楼宇/.test(head)) return "栋";
  return "个";
}
