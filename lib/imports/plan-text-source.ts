import "server-only";
import { getTranslations } from "next-intl/server";
import { parseBody, parseInput } from "@/lib/api/parse";
import { AppError, validationFailed } from "@/lib/errors";
import { MAX_PLAN_FILE_BYTES, planTextPreviewSchema, type PlanTextPreviewInput } from "./schemas";
import { checkZip, type ZipLimits } from "./zip-guard";

/** A multipart body carries one file and a short field or two: the file's limit plus room. */
const MAX_FORM_BYTES = MAX_PLAN_FILE_BYTES + 64 * 1024;

const isMultipart = (req: Request) =>
  (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/** The body, counted as it arrives: past `max` it is a 413, Content-Length or not. */
async function readBounded(req: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers.get("content-length") ?? "0") > max) {
    throw new AppError("payload_too_large");
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/**
 * Plain text in the encodings Chinese offices save it in: UTF-8 (with or without a BOM), UTF-16
 * with a BOM, else GB18030 (a superset of GBK and GB2312). Anything with NUL bytes is no text.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (startsWith(bytes, UTF16LE_BOM)) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, UTF16BE_BOM)) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(body);
    } catch {
      return null;
    }
  }
}

/** What the files of a .docx may inflate to, in all, and how many: past this it is not read. */
export const DOCX_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 30 * 1024 * 1024, maxEntries: 2000 };

/**
 * The text of a .docx (a zip holding word/document.xml): its paragraphs, one per line. A zip that
 * inflates past the limits (or is no plain zip) is refused before mammoth inflates anything.
 */
async function docxText(bytes: Uint8Array): Promise<string | null> {
  if (checkZip(bytes, DOCX_ZIP_LIMITS) !== "ok") return null;
  const mammoth = await import("mammoth");
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth ends each paragraph with a blank line; one line per paragraph reads as typed.
    return result.value.replace(/\r\n?/g, "\n").replace(/\n{2,}/g, "\n");
  } catch {
    return null;
  }
}

/**
 * The text of an uploaded work plan: a .docx is told by its content (a zip), a .txt must decode
 * as text. Other files (a .doc, a PDF, a picture) are a 415; a zip that is no Word document is a
 * 400 naming `file`.
 */
export async function planFileText(file: File): Promise<string> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw new AppError("payload_too_large");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name.toLowerCase();
  if (startsWith(bytes, ZIP)) {
    const text = await docxText(bytes);
    if (text === null) throw validationFailed({ file: "validation.importFileUnreadable" });
    return text;
  }
  if (/\.(docx?|pdf|xlsx?|pptx?|wps)$/.test(name)) throw new AppError("unsupported_media_type");
  const text = decodeText(bytes);
  if (text === null) throw new AppError("unsupported_media_type");
  return text;
}

/**
 * What `POST /imports/plan-text/preview` reads: JSON `{ text, section? }`, or multipart with the
 * document in `file` (and `section` as a field). Either way the text is checked as the JSON's.
 */
export async function readPlanTextRequest(req: Request): Promise<PlanTextPreviewInput> {
  if (!isMultipart(req)) return parseBody(planTextPreviewSchema, req);
  const bytes = await readBounded(req, MAX_FORM_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes, {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    const t = await getTranslations();
    throw validationFailed({ _: t("validation.invalidForm") });
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") {
    throw validationFailed({ file: "validation.noFiles" });
  }
  const text = await planFileText(file);
  const section = form.get("section");
  try {
    return await parseInput(planTextPreviewSchema, {
      text,
      ...(typeof section === "string" && section.trim() ? { section } : {}),
    });
  } catch (error) {
    // The text came from the file: name the file, not a field the caller never sent.
    if (error instanceof AppError && error.fields?.text) {
      throw validationFailed({ file: error.fields.text });
    }
    throw error;
  }
}
