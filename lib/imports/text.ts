/**
 * Text helpers shared by the work-plan importer (pure, client-safe): punctuation normalised to the
 * full-width forms Chinese documents use, and which characters sit inside quotation marks.
 */

const isCjkCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** A character of Chinese text (ideographs), for telling words from numbers and Latin text. */
export const isCjk = (ch: string | undefined) => ch !== undefined && isCjkCode(ch.charCodeAt(0));

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);

const FULL_WIDTH_DIGITS = /[\uff10-\uff19]/g;

/**
 * One document as lines of normalised text: line breaks unified, full-width digits made ASCII,
 * the ASCII punctuation of Chinese sentences (`,` `;` `:` `(` `)` `?` `!`) made full-width (a
 * `,` or `:` between digits stays: 1,000 and 10:30), spaces inside Chinese text dropped, empty
 * lines left out.
 */
export function normalizeLines(text: string): string[] {
  const unified = text
    .replace(/\r\n?|[\u2028\u2029\u000b\u000c\u0085]/g, "\n")
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uff0e/g, ".")
    .replace(/\uff05/g, "%")
    .replace(/\ufeff/g, "");
  const lines: string[] = [];
  for (const raw of unified.split("\n")) {
    const line = normalizeLine(raw);
    if (line) lines.push(line);
  }
  return lines;
}

const FULL_WIDTH: Record<string, string> = {
  ";": "；",
  "(": "（",
  ")": "）",
  "?": "？",
  "!": "！",
};
const isSpace = (ch: string | undefined) =>
  ch === " " || ch === "\t" || ch === "\u3000" || ch === "\u00a0" || ch === "\u200b";

function normalizeLine(raw: string): string {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === "," || ch === ":") {
      const keep = isDigit(raw[i - 1]) && isDigit(raw[i + 1]);
      out.push(keep ? ch : ch === "," ? "，" : "：");
    } else if (FULL_WIDTH[ch]) out.push(FULL_WIDTH[ch]);
    else if (isSpace(ch)) {
      // A run of spaces: kept (as one) only between two Latin letters.
      let j = i;
      while (j + 1 < raw.length && isSpace(raw[j + 1])) j++;
      if (isLatin(out[out.length - 1]) && isLatin(raw[j + 1])) out.push(" ");
      i = j;
    } else out.push(ch);
  }
  return out.join("").trim();
}

const OPENERS: Record<string, string> = { "“": "”", "‘": "’", "《": "》", "「": "」", "『": "』" };

/**
 * For each character of `line`, whether it lies inside quotation marks (“…”, 《…》, 「…」, "…").
 * A quotation still open at the end of the line protects nothing (it was a typing slip).
 */
export function quotedMask(line: string): boolean[] {
  const mask = new Array<boolean>(line.length).fill(false);
  let open = -1;
  let closer = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (open >= 0) {
      if (ch === closer || ch === "\n") {
        if (ch === closer) for (let k = open; k <= i; k++) mask[k] = true;
        open = -1;
      }
    } else if (OPENERS[ch]) {
      open = i;
      closer = OPENERS[ch];
    } else if (ch === '"') {
      open = i;
      closer = '"';
    }
  }
  return mask;
}

/** The characters that end a clause inside a sentence. */
export const CLAUSE_MARKS = "，；。：、！？\n";
/** The characters that end a sentence (or a work item). */
export const SENTENCE_MARKS = "。；！？\n";

/**
 * The text's pieces between unquoted `marks`, each with its offset (pieces keep their text as is,
 * marks left out; empty pieces dropped).
 */
export function splitOutsideQuotes(
  text: string,
  marks: string,
  mask: boolean[] = quotedMask(text),
): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (marks.includes(text[i]!) && !mask[i])) {
      if (i > start) pieces.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return pieces;
}

/** Characters that carry meaning (ideographs, letters, digits): how long a fragment really is. */
export function meaningfulLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum || isCjkCode(c)) n++;
  }
  return n;
}

/** `text` cut to at most `max` characters, ending in "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}
