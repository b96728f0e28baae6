/**
 * The hostile values a write endpoint must refuse (or store faithfully), as fast-check
 * arbitraries: text that breaks naive code (lone surrogates, NUL, joiners, RTL overrides, huge),
 * values of the wrong JSON type, numbers at the edges, impossible dates, ids that name something
 * else or nothing, and bodies that are not JSON at all.
 */
import fc from "fast-check";

/** Text a careless handler might choke on or store wrongly. */
export const UNICODE_EDGES = [
  "\ud800", // a lone high surrogate: half a character
  "a\udc00b", // a lone low surrogate inside text
  "\udbff\udfff", // the last code point, well formed
  "\u0000", // NUL
  "nul\u0000inside",
  "\u200d", // zero-width joiner alone
  "👩‍👩‍👧‍👦", // a family: emoji joined by ZWJs
  "\u202eevil.exe\u202c", // RTL override
  "e\u0301\u0301\u0301\u0301", // stacked combining marks
  "\ufeff", // BOM
  "\uffff\ufffe", // noncharacters
  "𠀀𪚥", // outside the BMP (CJK Extension B)
  "\u3000", // ideographic space only: blank once trimmed
  " \t\n ",
  "",
  "\u0001\u001f\u007f",
  "null",
  "<img src=x onerror=alert(1)>",
  '=HYPERLINK("http://x")',
  "'; DROP TABLE tasks; --",
  "%00%2e%2e%2f",
];

/** Strings of 100 kB and more: past every length limit, under the 1 MB body limit. */
export const HUGE_STRINGS = [
  "长".repeat(100_001), // 300 kB of UTF-8
  "a".repeat(250_000),
  "🙂".repeat(60_000), // 240 kB, two UTF-16 units each
  "e\u0301".repeat(60_000),
];

/** Any UTF-16 unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: anyUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

/**
 * A number written into the JSON text as it stands: `1e400` parses as Infinity, `-0` as -0, and
 * a 400-digit integer as a float. JSON.stringify cannot write these, so they go in as markers.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 63,
    Number.MIN_VALUE,
    "NaN",
    "Infinity",
    "1",
    "1e3",
    "0x10",
    new RawJson("-0"),
    new RawJson("1e400"),
    new RawJson("-1e400"),
    new RawJson("9".repeat(400)),
    new RawJson("0.0000000000000000000000000001"),
  ),
  fc.double(),
  fc.integer(),
);

export const hostileDate: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  "2023-02-30",
  "2023-02-29",
  "2024-02-30",
  "2023-13-01",
  "2023-00-10",
  "2023-04-31",
  "0000-01-01",
  "9999-12-31",
  "2023-2-3",
  "2023-02-28T00:00:00Z",
  "２０２３-０１-０１",
  "20230101",
  "",
  1672531200000,
);

/** A value of any JSON type, nested a little. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { "": null }, [[[[[]]]]]),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Ids that are not ids, or are the ids of something else (`others`: real rows elsewhere). */
export const hostileId = (others: readonly number[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...(others.length > 0 ? others : [1])) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        0,
        -1,
        1.5,
        2 ** 53,
        1e308,
        "1",
        999_999_999,
        new RawJson("1e400"),
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000_000 }) },
  );

/** Path segments where an id belongs that name nothing: huge, negative, not a number, not UTF-8. */
export const PATH_ID_EDGES = [
  "0",
  "-1",
  "1.0",
  "1e3",
  "0x10",
  "+1",
  "01",
  "9".repeat(400),
  "99999999999999999999",
  "9007199254740993",
  "NaN",
  "Infinity",
  "null",
  "%20",
  "%00",
  "%F0%9F%98%80",
  "%ED%A0%80", // a surrogate half in UTF-8: not UTF-8
  "%FF",
  "１２",
  "..%2F..%2Fetc",
  "a".repeat(2000),
];

/** A path segment where an id belongs: an edge above, the id of another row, or none at all. */
export const hostilePathId = (others: readonly number[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...(others.length > 0 ? others : [1]).map(String)) },
    { weight: 3, arbitrary: fc.constantFrom(...PATH_ID_EDGES) },
    { weight: 1, arbitrary: fc.integer({ min: 2_000_000, max: 2 ** 31 }).map(String) },
  );

/** Body text that is no JSON, or JSON of the wrong shape entirely. */
export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "}",
    "{'title': 'x'}",
    '{"title": "x",}',
    '{"title": "x"} trailing',
    "undefined",
    "NaN",
    '{"a":1,"a":2}',
    "\ufeff{}",
    '{"title": "\\ud800"}',
    '{"title": "\\x41"}',
    '{"title": "\u0000"}',
    "[".repeat(50_000) + "]".repeat(50_000),
    '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000),
    '{"__proto__": {"admin": true}}',
    '{"constructor": {"prototype": {"admin": true}}}',
  ),
  fc.string({ maxLength: 60 }),
  wrongType.map((value) => JSON.stringify(value) ?? "null"),
);

/** Writes a body as JSON text, with each RawJson written as its raw text. */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof RawJson)) return item;
    raws.push(item.text);
    return `\u0000raw${raws.length - 1}\u0000`;
  });
  // The marker's NUL is written as \u0000, which no other string can produce unescaped here.
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_match, index: string) => raws[Number(index)]!);
}

/** A 1 × 1 PNG that decodes. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** An uploaded file: names that travel badly, types that lie, contents that are not what they say. */
export const hostileFile = fc.record({
  name: fc.oneof(
    hostileText,
    fc.constantFrom(
      "../../etc/passwd",
      "照片.png",
      "a.PNG",
      "CON",
      ".png",
      "x".repeat(5000) + ".pdf",
    ),
  ),
  mimeType: fc.constantFrom(
    "image/png",
    "application/pdf",
    "text/html",
    "image/svg+xml",
    "application/octet-stream",
    "application/x-msdownload",
  ),
  buffer: fc.oneof(
    fc.constant(PNG),
    fc.constant(Buffer.alloc(0)),
    fc.constant(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')),
    fc.constant(Buffer.concat([PNG.subarray(0, 20), Buffer.from("truncated")])),
    fc.constant(Buffer.from("%PDF-1.4\n%garbage")),
    fc.constant(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])),
    fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
  ),
});
