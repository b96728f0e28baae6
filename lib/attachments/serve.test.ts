import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { attachments } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { createEntry } from "@/lib/entries/create-entry";
import { entryCreateSchema } from "@/lib/entries/schemas";
import {
  asActor,
  closeTestDatabase,
  insertOffice,
  insertPlan,
  insertProject,
  insertTask,
  openTestDatabase,
} from "@/lib/testing/database";
import { refusal } from "@/lib/testing/errors";
import { picture } from "@/lib/testing/images";
import { removeAttachment } from "./change-attachments";
import { attachmentResponse } from "./serve";
import { sniffType } from "./sniff";
import { storedPath } from "./storage";

let db: Db;
let cadre: Actor;
let taskId: number;
let pngBytes: Uint8Array<ArrayBuffer>;
const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

beforeAll(async () => {
  db = openTestDatabase();
  const office = insertOffice(db);
  cadre = asActor(office.cadre);
  // The plan's period is over (today is after 2023), so any 2023 date may be reported.
  const plan = insertPlan(db, { year: 2023, isCurrent: true });
  const project = insertProject(db, { planId: plan.id });
  taskId = insertTask(db, {
    projectId: project.id,
    ownerId: office.cadre.id,
    leadUnitId: office.unit.id,
  }).id;
  pngBytes = await picture("png", {
    width: 500,
    height: 250,
    channels: 4,
    background: "#ff000080",
  });
});

afterAll(closeTestDatabase);

/** Stores files as the evidence of a new entry; returns their attachment ids in order. */
async function upload(...files: File[]): Promise<number[]> {
  const entry = await createEntry(
    cadre,
    taskId,
    entryCreateSchema.parse({ date: "2023-06-15", note: "现场照片", percent: 50 }),
    files,
  );
  return entry.attachments.map((a) => a.id);
}

const rowOf = (id: number) => db.select().from(attachments).where(eq(attachments.id, id)).get()!;

/** The value of `filename*=UTF-8''…`, and whether it uses only RFC 8187 attr-chars. */
function extendedName(disposition: string) {
  const value = /filename\*=UTF-8''([^;\s]*)/.exec(disposition)?.[1];
  expect(value).toBeDefined();
  return {
    decoded: decodeURIComponent(value!),
    onlyAttrChars: /^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})*$/.test(value!),
  };
}

describe("attachmentResponse", () => {
  it("serves the stored bytes with their stored type, never to be sniffed, cached privately", async () => {
    const [id] = await upload(new File([pngBytes], "社区活动照片.png"));
    const response = await attachmentResponse(id!, "original");

    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pngBytes);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Content-Length")).toBe(String(pngBytes.length));
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const cache = response.headers.get("Cache-Control")!;
    expect(cache).toMatch(/\bprivate\b/);
    expect(cache).not.toMatch(/\bpublic\b/);
    // A picture opened on its own cannot run anything.
    expect(response.headers.get("Content-Security-Policy")).toMatch(/sandbox/);
    expect(response.headers.get("ETag")).toBe(`"${rowOf(id!).sha256.slice(0, 32)}-original"`);
    expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
  });

  it("answers 304 without the file when the browser's copy is current, and checks every time", async () => {
    const [id] = await upload(new File([pngBytes], "现场.png"));
    const first = await attachmentResponse(id!, "original");
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
    const etag = first.headers.get("ETag");
    const again = await attachmentResponse(id!, "original", { ifNoneMatch: etag });
    expect(again.status).toBe(304);
    expect(await again.arrayBuffer()).toHaveProperty("byteLength", 0);
    const stale = await attachmentResponse(id!, "original", { ifNoneMatch: '"other"' });
    expect(stale.status).toBe(200);
  });

  it("names the file for the browser: an ASCII fallback and the Chinese name in UTF-8", async () => {
    const [id] = await upload(new File([pngBytes], "社区活动照片.png"));
    const inline = (await attachmentResponse(id!, "original")).headers.get("Content-Disposition")!;
    expect(inline).toBe(
      `inline; filename="______.png"; filename*=UTF-8''${encodeURIComponent("社区活动照片")}.png`,
    );
    expect(inline).toContain(
      "filename*=UTF-8''%E7%A4%BE%E5%8C%BA%E6%B4%BB%E5%8A%A8%E7%85%A7%E7%89%87.png",
    );
    const download = (await attachmentResponse(id!, "original", { download: true })).headers.get(
      "Content-Disposition",
    )!;
    expect(download).toMatch(/^attachment; filename="______\.png"; filename\*=UTF-8''/);
  });

  it("encodes every character the header's extended value does not allow", async () => {
    const name = "会议纪要(定稿) O'Neil & 李四.pdf";
    const [id] = await upload(new File([pdfBytes], name));
    expect(rowOf(id!).fileName).toBe(name);
    const disposition = (await attachmentResponse(id!, "original", { download: true })).headers.get(
      "Content-Disposition",
    )!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=/);
    expect(extendedName(disposition)).toEqual({ decoded: name, onlyAttrChars: true });
  });

  it("serves a PDF as a PDF, without a sandbox that would stop the browser's viewer", async () => {
    const [id] = await upload(new File([pdfBytes], "整改方案.pdf"));
    const response = await attachmentResponse(id!, "original");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Security-Policy")).toBeNull();
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
    // A PDF has no thumbnail.
    await refusal(attachmentResponse(id!, "thumbnail"), "not_found");
  });

  it("serves the thumbnail of a picture as a JPEG", async () => {
    const [id] = await upload(new File([pngBytes], "现场.png"));
    const response = await attachmentResponse(id!, "thumbnail");
    expect(response.headers.get("Content-Type")).toBe("image/jpeg");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(sniffType(bytes)).toBe("image/jpeg");
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 320, 160]);
    expect(response.headers.get("ETag")).toMatch(/-thumbnail"$/);
  });

  it("is 404 for a removed attachment, though its file is kept", async () => {
    const [kept, removed] = await upload(
      new File([pngBytes], "留.png"),
      new File([pngBytes], "删.png"),
    );
    await removeAttachment(cadre, removed!);
    const error = await refusal(attachmentResponse(removed!, "original"), "not_found");
    expect(error.status).toBe(404);
    await refusal(attachmentResponse(removed!, "thumbnail"), "not_found");
    expect((await attachmentResponse(kept!, "original")).status).toBe(200);
  });

  it("is 404 for an attachment that does not exist or whose file is gone", async () => {
    await refusal(attachmentResponse(999_999, "original"), "not_found");
    const [id] = await upload(new File([pngBytes], "丢失.png"));
    rmSync(storedPath(rowOf(id!).storageKey));
    await refusal(attachmentResponse(id!, "original"), "not_found");
    // The thumbnail is a file of its own and is still there.
    expect((await attachmentResponse(id!, "thumbnail")).status).toBe(200);
  });
});
