import type { AttachmentType } from "@/db/schema/attachments";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file told by its first bytes, never by its name or the type the browser claims;
 * null for anything that is not a JPEG, PNG, WebP or PDF. (Four signatures: the `file-type`
 * package would do the same, but its current versions need Node 22.)
 */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

export const EXTENSIONS: Record<AttachmentType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/**
 * A file name fit to show and to offer for download: no folders, no control characters, at most
 * 120 characters, with the extension of the type it really is.
 */
export function cleanFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // Control characters, and the bidi controls that can make "gpj.exe" read as "exe.jpg".
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"<>|:*?]/g, "")
    .trim();
  // Cut at 110 UTF-16 units, but never through a character outside the BMP (an emoji).
  const stem =
    base
      .replace(/\.[^.]*$/, "")
      .slice(0, 110)
      .replace(/[\uD800-\uDBFF]$/, "") || "附件";
  return `${stem}.${EXTENSIONS[type]}`;
}
