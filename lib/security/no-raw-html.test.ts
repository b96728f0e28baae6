import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Rendered user text is never HTML: React escapes whatever it renders as text, so the only ways in
 * are the escape hatches. None may appear in the app's code (e2e/xss.spec.ts checks the pages).
 */
const RAW_HTML =
  /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("no raw HTML", () => {
  it("no page or component inserts HTML from a string", () => {
    const root = process.cwd();
    const files = ["app", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offending = files
      .filter((file) => RAW_HTML.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(offending).toEqual([]);
  });
});
