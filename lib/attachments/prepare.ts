import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { attachments, type AttachmentType } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { validationFailed, type FieldErrors } from "@/lib/errors";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "@/lib/entries/rules";
import { cleanFileName, EXTENSIONS, sniffType } from "./sniff";
import { newStorageKey, removeStoredFiles, writeStoredFiles } from "./storage";

/** An upload checked and ready to store: its type found by content, its thumbnail made. */
export interface PreparedFile {
  fileName: string;
  contentType: AttachmentType;
  bytes: Uint8Array;
  sha256: string;
  storageKey: string;
  thumbnail: { key: string; bytes: Uint8Array } | null;
  width: number | null;
  height: number | null;
}

const THUMBNAIL_SIZE = 320;

/** Decodes an image fully (a corrupt one fails here) and makes its upright JPEG thumbnail. */
async function imageFacts(bytes: Uint8Array) {
  const image = sharp(bytes, { failOn: "error" });
  const meta = await image.metadata();
  const thumbnail = await image
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 78 })
    .toBuffer();
  // EXIF orientations 5–8 turn the picture a quarter: its upright width is its stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  return {
    width: (turned ? meta.height : meta.width) ?? null,
    height: (turned ? meta.width : meta.height) ?? null,
    thumbnail: new Uint8Array(thumbnail),
  };
}

/**
 * Checks uploads (count, size, type by content, images that decode) and prepares them, writing
 * nothing. Field errors are keyed `files.<index>`, or `files` for the count.
 */
export async function prepareFiles(files: File[], alreadyAttached = 0): Promise<PreparedFile[]> {
  const errors: FieldErrors = {};
  if (alreadyAttached + files.length > MAX_ATTACHMENTS) {
    throw validationFailed({ files: "validation.tooManyFiles" });
  }
  const prepared: PreparedFile[] = [];
  for (const [index, file] of files.entries()) {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      errors[`files.${index}`] = "validation.fileTooLarge";
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const contentType = sniffType(bytes);
    if (!contentType || bytes.length === 0) {
      errors[`files.${index}`] = "validation.fileType";
      continue;
    }
    const extension = EXTENSIONS[contentType];
    let facts: Awaited<ReturnType<typeof imageFacts>> | null = null;
    if (contentType !== "application/pdf") {
      facts = await imageFacts(bytes).catch(() => null);
      if (!facts) {
        errors[`files.${index}`] = "validation.fileUnreadable";
        continue;
      }
    }
    const storageKey = newStorageKey(extension);
    prepared.push({
      fileName: cleanFileName(file.name, contentType),
      contentType,
      bytes,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      thumbnail: facts
        ? { key: storageKey.replace(/\.[a-z]+$/, ".thumb.jpg"), bytes: facts.thumbnail }
        : null,
      width: facts?.width ?? null,
      height: facts?.height ?? null,
    });
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  return prepared;
}

const keysOf = (files: PreparedFile[]) =>
  files.flatMap((f) => [f.storageKey, ...(f.thumbnail ? [f.thumbnail.key] : [])]);

/**
 * Writes prepared files to disk, runs `commit` (the transaction that records them), and removes
 * the files again if it fails: a refused write leaves no file behind.
 */
export async function storeFilesWith<T>(files: PreparedFile[], commit: () => T): Promise<T> {
  await writeStoredFiles(
    files.flatMap((f) => [
      { key: f.storageKey, bytes: f.bytes },
      ...(f.thumbnail ? [{ key: f.thumbnail.key, bytes: f.thumbnail.bytes }] : []),
    ]),
  );
  try {
    return commit();
  } catch (error) {
    await removeStoredFiles(keysOf(files));
    throw error;
  }
}

/** Records prepared files as an entry's attachments; returns their ids. */
export function insertAttachments(
  tx: Tx,
  entryId: number,
  uploadedById: number,
  files: PreparedFile[],
): number[] {
  return files.map(
    (file) =>
      tx
        .insert(attachments)
        .values({
          entryId,
          uploadedById,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.bytes.length,
          sha256: file.sha256,
          storageKey: file.storageKey,
          thumbnailKey: file.thumbnail?.key ?? null,
          width: file.width,
          height: file.height,
        })
        .returning({ id: attachments.id })
        .get().id,
  );
}
