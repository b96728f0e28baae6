/**
 * Headings of a Chinese work-plan document: the numbering styles offices write ("一、", "（一）",
 * "1.", "（1）", "第一，", "①") and the title a heading gives. Pure, client-safe.
 */
import { parseChineseNumeral } from "./numerals";
import { clip, quotedMask, SENTENCE_MARKS } from "./text";

export type HeadingStyle = "cn" | "cn-paren" | "num" | "num-paren" | "ordinal" | "circled";

export interface Heading {
  style: HeadingStyle;
  /** The number the marker stands for (一 → 1, （3） → 3). */
  value: number;
  /** The marker as written, without its punctuation: "二", "3". */
  label: string;
  /** The line after the marker. */
  rest: string;
}

const CN = "[一二三四五六七八九十]{1,3}";
const PATTERNS: { style: HeadingStyle; re: RegExp; chinese: boolean }[] = [
  // （一） before 一、 so the paren form is not read as something else.
  { style: "cn-paren", re: new RegExp(`^（(${CN})）[、.，]?`), chinese: true },
  { style: "num-paren", re: /^（(\d{1,2})）[、.，]?/, chinese: false },
  { style: "cn", re: new RegExp(`^(${CN})(?:、|\\.(?!\\d))`), chinese: true },
  // "1." / "1、" but not a decimal number ("1.5万元…").
  { style: "num", re: /^(\d{1,2})(?:、|\.(?!\d))/, chinese: false },
  { style: "ordinal", re: new RegExp(`^第(${CN})[，、：.]`), chinese: true },
  { style: "circled", re: /^([\u2460-\u2473])/, chinese: false },
];

/** The heading a line starts with, or null for a line of plain text. */
export function matchHeading(line: string): Heading | null {
  for (const { style, re, chinese } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const label = m[1]!;
    const value =
      style === "circled"
        ? label.charCodeAt(0) - 0x2460 + 1
        : chinese
          ? parseChineseNumeral(label)
          : Number(label);
    if (value === null || value < 1) continue;
    const rest = line.slice(m[0].length).trim();
    if (!rest) continue; // a bare "一、" is no heading of anything
    return { style, value, label, rest };
  }
  return null;
}

/** The index of the first unquoted character of `marks` in `text` (or -1). */
export function indexOfUnquoted(text: string, marks: string, mask = quotedMask(text)): number {
  for (let i = 0; i < text.length; i++) if (marks.includes(text[i]!) && !mask[i]) return i;
  return -1;
}

/** Longest theme title; a longer heading is cut at a comma. */
export const MAX_THEME_TITLE = 40;
/** A heading phrase up to this long is a title as it stands. */
const SHORT_HEADING = 30;
/** "讲政治，…" / "抓经济：…": a slogan's lead word is this short. */
const SLOGAN_LEAD = 4;

/**
 * A theme's title and the text left for its work items, from the heading line after its marker:
 * - "讲政治，二十大学宣贯掀热潮。组织…" → "讲政治：二十大学宣贯掀热潮", body "组织…";
 * - "强化党建引领：深化“五星”党建品牌，…。" → "强化党建引领", body "深化“五星”党建品牌，…。";
 * - "聚焦经济发展，全力以赴稳增长…（a long sentence）" → "聚焦经济发展", body the whole sentence;
 * - "坚持党建引领" (a heading on its own line) → itself, no body.
 */
export function headingTitle(rest: string): { title: string; body: string } {
  const mask = quotedMask(rest);
  const end = indexOfUnquoted(rest, SENTENCE_MARKS, mask);
  const phrase = (end < 0 ? rest : rest.slice(0, end)).trim();
  const after = end < 0 ? "" : rest.slice(end + 1).trim();
  const colon = indexOfUnquoted(phrase, "：", mask);
  if (colon > 0) {
    const lead = phrase.slice(0, colon).trim();
    const tail = phrase.slice(colon + 1).trim();
    if (isSlogan(lead, tail)) return { title: `${lead}：${tail}`, body: after };
    if (lead.length <= SHORT_HEADING) {
      const body = tail ? `${tail}${end < 0 ? "" : rest[end]}${after ? after : ""}` : after;
      return { title: lead, body: body.trim() };
    }
  }
  if (phrase.length <= SHORT_HEADING) {
    const comma = indexOfUnquoted(phrase, "，", mask);
    if (comma > 0) {
      const lead = phrase.slice(0, comma).trim();
      const tail = phrase.slice(comma + 1).trim();
      if (isSlogan(lead, tail)) return { title: `${lead}：${tail}`, body: after };
    }
    return { title: phrase, body: after };
  }
  // A long first sentence is a work item itself; the title is its lead phrase.
  const comma = indexOfUnquoted(phrase, "，：", mask);
  const lead = comma > 1 ? phrase.slice(0, comma) : phrase;
  return { title: clip(lead.trim(), MAX_THEME_TITLE), body: rest };
}

/** "讲政治" + "二十大学宣贯掀热潮": a short lead word and one short phrase. */
function isSlogan(lead: string, tail: string): boolean {
  return (
    lead.length >= 2 &&
    lead.length <= SLOGAN_LEAD &&
    tail.length >= 2 &&
    tail.length <= SHORT_HEADING - lead.length &&
    !/[，、：]/.test(tail)
  );
}
