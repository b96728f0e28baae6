import { beforeAll, describe, expect, it } from "vitest";
import { picture } from "@/lib/testing/images";
import { cleanFileName, sniffType } from "./sniff";

const text = (value: string) => new TextEncoder().encode(value);

/** A real 4×3 picture in the given format. */
const tiny = (format: "jpeg" | "png" | "webp") => picture(format, { width: 4, height: 3 });

let jpeg: Uint8Array;
let png: Uint8Array;
let webp: Uint8Array;

beforeAll(async () => {
  [jpeg, png, webp] = await Promise.all([tiny("jpeg"), tiny("png"), tiny("webp")]);
});

describe("sniffType", () => {
  it("tells JPEG, PNG and WebP by their first bytes", () => {
    expect(sniffType(jpeg)).toBe("image/jpeg");
    expect(sniffType(png)).toBe("image/png");
    expect(sniffType(webp)).toBe("image/webp");
  });

  it("tells a PDF by its header", () => {
    expect(sniffType(text("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"))).toBe("application/pdf");
  });

  it("needs the whole signature", () => {
    expect(sniffType(jpeg.slice(0, 2))).toBeNull();
    expect(sniffType(png.slice(0, 7))).toBeNull();
    // PNG's signature with one byte changed (a text file starting "‰PNG" without the CRLF).
    const almostPng = png.slice(0, 16);
    almostPng[4] = 0x0a;
    expect(sniffType(almostPng)).toBeNull();
    expect(sniffType(text("%PDF"))).toBeNull();
  });

  it("refuses a RIFF file that is not WebP", () => {
    const wave = new Uint8Array([...text("RIFF"), 0x24, 0, 0, 0, ...text("WAVEfmt ")]);
    expect(sniffType(wave)).toBeNull();
    expect(sniffType(webp.slice(0, 11))).toBeNull();
  });

  it("only looks at the start: a signature further in does not count", () => {
    expect(sniffType(new Uint8Array([0x20, ...png]))).toBeNull();
    expect(sniffType(text(" %PDF-1.4"))).toBeNull();
  });

  it("refuses text, HTML, SVG and an empty file", () => {
    expect(sniffType(text("进展情况：已完成 80%"))).toBeNull();
    expect(sniffType(text("<!DOCTYPE html><html><script>alert(1)</script></html>"))).toBeNull();
    expect(
      sniffType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toBeNull();
    expect(sniffType(text('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it("goes by content, so a PNG named .pdf is still a PNG and gets the .png extension", () => {
    const type = sniffType(png);
    expect(type).toBe("image/png");
    expect(cleanFileName("整改报告.pdf", type!)).toBe("整改报告.png");
  });
});

describe("cleanFileName", () => {
  it("keeps a plain Chinese name", () => {
    expect(cleanFileName("社区活动照片.jpg", "image/jpeg")).toBe("社区活动照片.jpg");
    expect(cleanFileName("会议纪要 2023年6月.pdf", "application/pdf")).toBe(
      "会议纪要 2023年6月.pdf",
    );
  });

  it("drops folders, Windows or Unix", () => {
    expect(cleanFileName("C:\\Users\\林思雨\\Desktop\\现场.png", "image/png")).toBe("现场.png");
    expect(cleanFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(cleanFileName("/tmp/a/b/照片.webp", "image/webp")).toBe("照片.webp");
  });

  it("drops control characters and characters unsafe in names and headers", () => {
    expect(cleanFileName("a\u0000b\nc\r\td\u007f.pdf", "application/pdf")).toBe("abcd.pdf");
    expect(cleanFileName('报"告<>|:*?.pdf', "application/pdf")).toBe("报告.pdf");
    expect(cleanFileName("  照片.jpg  ", "image/jpeg")).toBe("照片.jpg");
    // Bidi controls would show "a\u202egnp.exe.png" as if it ended in ".exe".
    expect(cleanFileName("a\u202egnp.exe.jpg", "image/png")).toBe("agnp.exe.png");
    expect(cleanFileName("\u2066照片\u2069.jpg", "image/jpeg")).toBe("照片.jpg");
  });

  it("forces the extension of the type the file really is", () => {
    expect(cleanFileName("photo.jpeg", "image/jpeg")).toBe("photo.jpg");
    expect(cleanFileName("report.exe", "application/pdf")).toBe("report.pdf");
    expect(cleanFileName("scan", "application/pdf")).toBe("scan.pdf");
    expect(cleanFileName("archive.tar.gz", "image/png")).toBe("archive.tar.png");
    expect(cleanFileName("page.html", "image/png")).toBe("page.png");
  });

  it("falls back to 附件 when nothing of the name is left", () => {
    expect(cleanFileName("", "application/pdf")).toBe("附件.pdf");
    expect(cleanFileName("   ", "image/png")).toBe("附件.png");
    expect(cleanFileName(".jpg", "image/jpeg")).toBe("附件.jpg");
    expect(cleanFileName("folder/", "image/webp")).toBe("附件.webp");
    expect(cleanFileName("\u0001\u0002.pdf", "application/pdf")).toBe("附件.pdf");
  });

  it("shortens a long name but keeps its extension", () => {
    const name = cleanFileName(`${"长".repeat(300)}.jpg`, "image/jpeg");
    expect(name).toBe(`${"长".repeat(110)}.jpg`);
    expect(name.length).toBeLessThanOrEqual(120);
  });

  it("never cuts a character outside the BMP in half", () => {
    // The 110th UTF-16 unit is the first half of the emoji: the whole emoji goes.
    const cut = cleanFileName(`${"长".repeat(109)}😀尾.jpg`, "image/jpeg");
    expect(cut).toBe(`${"长".repeat(109)}.jpg`);
    expect(() => encodeURIComponent(cut)).not.toThrow();
    // When it fits, it stays.
    expect(cleanFileName(`${"长".repeat(108)}😀尾.jpg`, "image/jpeg")).toBe(
      `${"长".repeat(108)}😀.jpg`,
    );
    expect(cleanFileName("😀".repeat(60), "image/png")).toBe(`${"😀".repeat(55)}.png`);
  });
});
