import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { refusal } from "@/lib/testing/errors";
import { DOCX_ZIP_LIMITS, planFileText } from "./plan-text-source";
import { readTasksSheet, XLSX_ZIP_LIMITS } from "./tasks-xlsx/read";
import { templateWorkbook } from "./tasks-xlsx/template";
import { checkZip } from "./zip-guard";

/** mammoth as it is, watched: a bomb must never reach it. */
const extractRawText = vi.hoisted(() => vi.fn());
vi.mock("mammoth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("mammoth")>();
  extractRawText.mockImplementation(actual.extractRawText);
  return { ...actual, default: { ...actual, extractRawText }, extractRawText };
});

/**
 * One entry of a hand-written zip: `data` as stored in the file (already deflated for method 8),
 * the uncompressed size the headers claim, or `sameAs` an earlier entry whose bytes it points at.
 */
interface Entry {
  name: string;
  data?: Uint8Array;
  method?: number;
  claimedSize?: number;
  sameAs?: number;
}

/** A zip archive as its headers say, true or not (CRCs left 0: the guard does not read them). */
function zip(entries: Entry[], options: { count?: number } = {}): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const placed: { offset: number; size: number }[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.method ?? 8;
    let where: { offset: number; size: number };
    if (entry.sameAs !== undefined) {
      where = placed[entry.sameAs]!;
    } else {
      const data = Buffer.from(entry.data ?? new Uint8Array());
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(entry.claimedSize ?? data.length, 22);
      local.writeUInt16LE(name.length, 26);
      where = { offset, size: data.length };
      parts.push(local, name, data);
      offset += local.length + name.length + data.length;
    }
    placed.push(where);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(where.size, 20);
    header.writeUInt32LE(entry.claimedSize ?? where.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(where.offset, 42);
    central.push(header, name);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.count ?? entries.length, 8);
  end.writeUInt16LE(options.count ?? entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

const MB = 1024 * 1024;
/** 60 MB of zeros deflate to about 60 KB. */
const BOMB = deflateRawSync(Buffer.alloc(60 * MB));
const xml = (text: string) => deflateRawSync(Buffer.from(text));
const LIMITS = { maxUnpackedBytes: 50 * MB, maxEntries: 2000 };

describe("checkZip", () => {
  it("passes a real workbook, a real .docx and a small zip of stored and deflated entries", async () => {
    expect(checkZip(await templateWorkbook(), XLSX_ZIP_LIMITS)).toBe("ok");
    const docx = readFileSync(path.join(process.cwd(), "e2e/fixtures/baiyang-plan-2023.docx"));
    expect(checkZip(new Uint8Array(docx), DOCX_ZIP_LIMITS)).toBe("ok");
    const small = zip([
      { name: "a.txt", data: new TextEncoder().encode("hello"), method: 0 },
      { name: "b.xml", data: xml("<x>" + "y".repeat(10_000) + "</x>") },
      { name: "dir/", method: 0 },
    ]);
    expect(checkZip(small, LIMITS)).toBe("ok");
    // Exactly at the budget is fine; one byte past is not.
    expect(checkZip(small, { ...LIMITS, maxUnpackedBytes: 5 + 10_007 })).toBe("ok");
    expect(checkZip(small, { ...LIMITS, maxUnpackedBytes: 5 + 10_006 })).toBe("tooLarge");
  });

  it("refuses an entry that claims a tiny size but inflates past the budget, without inflating it all", () => {
    expect(BOMB.length).toBeLessThan(100 * 1024);
    const bomb = zip([
      { name: "[Content_Types].xml", data: xml("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: BOMB, claimedSize: 1234 },
    ]);
    expect(checkZip(bomb, LIMITS)).toBe("tooLarge");
    // zlib stops at what is left of the budget: a 1 MB budget is over long before 60 MB.
    const started = performance.now();
    expect(checkZip(bomb, { ...LIMITS, maxUnpackedBytes: MB })).toBe("tooLarge");
    expect(performance.now() - started).toBeLessThan(500);
    // The real size under the budget passes: it is the output that counts, not the claim.
    expect(checkZip(bomb, { ...LIMITS, maxUnpackedBytes: 61 * MB })).toBe("ok");
  });

  it("sums the entries: many small claims pointing at the same bytes are refused together", () => {
    const small = deflateRawSync(Buffer.alloc(20 * MB));
    const shared = zip([
      { name: "a.xml", data: small, claimedSize: 10 },
      { name: "b.xml", sameAs: 0, claimedSize: 10 },
      { name: "c.xml", sameAs: 0, claimedSize: 10 },
    ]);
    expect(checkZip(shared, { ...LIMITS, maxUnpackedBytes: 61 * MB })).toBe("ok");
    expect(checkZip(shared, LIMITS)).toBe("tooLarge");
  });

  it("refuses too many entries, counted in the directory and not only as the end record says", () => {
    const many = Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}`, method: 0 }));
    expect(checkZip(zip(many), LIMITS)).toBe("tooLarge");
    expect(checkZip(zip(many.slice(0, 2000)), LIMITS)).toBe("ok");
    // An end record that undercounts does not hide the rest.
    expect(checkZip(zip(many, { count: 3 }), LIMITS)).toBe("tooLarge");
    expect(checkZip(zip(many.slice(0, 10), { count: 3 }), LIMITS)).toBe("unreadable");
  });

  it("refuses what is no plain zip: no end record, other methods, bad offsets, broken data", () => {
    expect(checkZip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), LIMITS)).toBe("unreadable");
    expect(checkZip(zip([{ name: "a", data: new Uint8Array(9), method: 12 }]), LIMITS)).toBe(
      "unreadable",
    );
    const broken = zip([{ name: "a", data: new Uint8Array([0xff, 0xff, 0xff, 0xff]) }]);
    expect(checkZip(broken, LIMITS)).toBe("unreadable");
    const good = zip([{ name: "a", data: xml("<a/>") }]);
    const moved = new Uint8Array(good);
    const view = new DataView(moved.buffer);
    // The entry's local header offset pointed past the file.
    const directory = view.getUint32(moved.length - 6, true);
    view.setUint32(directory + 42, moved.length + 10, true);
    expect(checkZip(moved, LIMITS)).toBe("unreadable");
  });
});

describe("the uploads", () => {
  const bomb = (name: string) =>
    zip([
      { name: "[Content_Types].xml", data: xml("<Types/>") },
      { name, data: BOMB, claimedSize: 4096 },
    ]);

  it("refuses an .xlsx bomb with the import's 'too big' 400, before exceljs reads it", async () => {
    const error = await refusal(
      readTasksSheet(bomb("xl/worksheets/sheet1.xml"), "zh-CN"),
      "validation_failed",
    );
    expect(error.fields).toEqual({ file: "文件解压后过大，请拆分后分批导入" });
    const odd = await refusal(
      readTasksSheet(zip([{ name: "a", data: new Uint8Array(4), method: 14 }]), "zh-CN"),
      "unsupported_media_type",
    );
    expect(odd.status).toBe(415);
  });

  it("refuses a .docx bomb as an unreadable Word file (400), before mammoth reads it", async () => {
    extractRawText.mockClear();
    const file = new File([Buffer.from(bomb("word/document.xml"))], "plan.docx");
    const error = await refusal(planFileText(file), "validation_failed");
    expect(error.fields).toEqual({ file: "validation.importFileUnreadable" });
    expect(extractRawText).not.toHaveBeenCalled();
    // A small zip that is no Word file does get to mammoth, which cannot read it either.
    const small = zip([{ name: "word/document.xml", data: xml("<w:document/>") }]);
    await refusal(planFileText(new File([Buffer.from(small)], "plan.docx")), "validation_failed");
    expect(extractRawText).toHaveBeenCalledTimes(1);
  });
});
