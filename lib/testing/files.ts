import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { attachmentsRoot } from "@/lib/attachments/storage";

/** Every file (not folder) under the attachments folder, relative to it, sorted. */
export function storedFiles(): string[] {
  const root = attachmentsRoot();
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}
