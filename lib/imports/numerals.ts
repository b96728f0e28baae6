/** Chinese numerals (一、两、十、百、千、万 …) read as numbers; pure, client-safe. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** The characters a Chinese numeral is written with. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/**
 * The value of a Chinese numeral ("三" → 3, "十二" → 12, "两百" → 200, "三千五" → 3500,
 * "一万二千" → 12000), or null when `text` is not one.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  let total = 0; // completed 万/亿 groups
  let section = 0; // below the current 万
  let digit: number | null = null;
  let lastSmall = 0; // the last 十/百/千 seen in this section (for "三千五" → 3500)
  let zeroSeen = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null) return null; // two digits in a row ("三五") is no numeral
      digit = DIGITS[ch]!;
      if (digit === 0) {
        zeroSeen = true;
        digit = null;
      }
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch]!;
      if (lastSmall !== 0 && unit >= lastSmall) return null;
      section += (digit ?? 1) * unit;
      digit = null;
      lastSmall = unit;
      zeroSeen = false;
    } else if (ch in LARGE_UNITS) {
      const unit = LARGE_UNITS[ch]!;
      section += digit ?? 0;
      if (section === 0) section = 1;
      total = (total + section) * unit;
      section = 0;
      digit = null;
      lastSmall = 0;
      zeroSeen = false;
    } else {
      return null;
    }
  }
  if (digit !== null) {
    // A digit right after 百/千 without 零 is the next place down: 三千五 = 3500, 两百五 = 250.
    section += lastSmall >= 100 && !zeroSeen ? digit * (lastSmall / 10) : digit;
  }
  return total + section;
}
