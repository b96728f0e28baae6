import "server-only";
import path from "node:path";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { databasePath } from "@/db/client";

/** Evidence lives beside the database, in the data folder: `<data>/attachments/YYYY/MM/…`. */
export function attachmentsRoot(): string {
  return path.join(path.dirname(databasePath()), "attachments");
}

/** The absolute path of a stored key; keys are made here, but a bad one still cannot escape. */
export function storedPath(key: string): string {
  const root = attachmentsRoot();
  const file = path.resolve(root, key);
  if (!file.startsWith(root + path.sep)) throw new Error(`Bad storage key: ${key}`);
  return file;
}

/** A new, unguessable key for a file of the given extension. */
export function newStorageKey(extension: string, now: Date = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}.${extension}`;
}

/** Writes files under their keys; on any failure removes what it wrote, then rethrows. */
export async function writeStoredFiles(files: { key: string; bytes: Uint8Array }[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const file of files) {
      const target = storedPath(file.key);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.bytes, { flag: "wx" });
      written.push(file.key);
    }
  } catch (error) {
    await removeStoredFiles(written);
    throw error;
  }
}

/** Removes stored files (those of a refused entry); a file already gone is no error. */
export async function removeStoredFiles(keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => rm(storedPath(key), { force: true })));
}
