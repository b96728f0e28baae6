import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/testing/errors";
import { proposePlan } from "./plan-text";
import { decodeText, planFileText } from "./plan-text-source";
import { MAX_PLAN_FILE_BYTES } from "./schemas";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(process.cwd(), "e2e/fixtures", name)));
const SECTION_TWO = new TextDecoder().decode(fixture("baiyang-plan-2023.txt"));

describe("decodeText", () => {
  it("reads UTF-8 with or without a BOM, UTF-16 with one, and GBK", () => {
    const utf8 = new TextEncoder().encode("白杨街道");
    expect(decodeText(utf8)).toBe("白杨街道");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe("白杨街道");
    // 白杨 in GBK (GB2312 B0D7 D1EE), then "1.讲" (BDB2).
    expect(decodeText(new Uint8Array([0xb0, 0xd7, 0xd1, 0xee, 0x31, 0x2e, 0xbd, 0xb2]))).toBe(
      "白杨1.讲",
    );
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7d, 0x76, 0x68, 0x67]);
    expect(decodeText(utf16)).toBe("白杨");
  });

  it("takes nothing with NUL bytes for text", () => {
    expect(decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBeNull();
  });
});

describe("planFileText", () => {
  const file = (bytes: Uint8Array<ArrayBuffer> | string, name: string) => new File([bytes], name);

  it("reads a .docx's paragraphs, one per line, as the importer reads the pasted text", async () => {
    const text = await planFileText(file(fixture("baiyang-plan-2023.docx"), "计划.docx"));
    expect(text.trim()).toBe(SECTION_TWO.trim());
    expect(proposePlan(text).projects.map((p) => p.title.slice(0, 3))).toEqual([
      "讲政治",
      "抓经济",
      "惠民生",
      "守平安",
      "壮队伍",
    ]);
  });

  it("tells a .docx by its content, not its name", async () => {
    const text = await planFileText(file(fixture("baiyang-plan-2023.docx"), "plan.txt"));
    expect(text).toContain("讲政治");
  });

  it("reads a .txt", async () => {
    expect(await planFileText(file(SECTION_TWO, "plan.txt"))).toBe(SECTION_TWO);
  });

  it("refuses a .doc, a PDF or a picture (415), a zip that is no Word file (400), a big file (413)", async () => {
    await refusal(planFileText(file("%PDF-1.7\n\0\0", "plan.pdf")), "unsupported_media_type");
    await refusal(planFileText(file("不是 Word", "plan.docx")), "unsupported_media_type");
    await refusal(
      planFileText(file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), "x")),
      "unsupported_media_type",
    );
    const zip = await refusal(
      planFileText(file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "plan.docx")),
      "validation_failed",
    );
    expect(zip.fields).toEqual({ file: "validation.importFileUnreadable" });
    await refusal(
      planFileText(file(new Uint8Array(MAX_PLAN_FILE_BYTES + 1), "big.txt")),
      "payload_too_large",
    );
  });
});
