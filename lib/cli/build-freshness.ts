import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What a production build is made from; tests and e2e specs are left out. */
const SOURCES = [
  "app",
  "lib",
  "db",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function newestSourceChange(root: string): number {
  let newest = 0;
  for (const entry of SOURCES) {
    const full = path.join(root, entry);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile() && !/\.test\.tsx?$/.test(d.name))
          .map((d) => path.join(d.parentPath, d.name))
      : [full];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * Whether `.next` holds a production build at least as new as every source file, so that
 * `npm start` after a `git pull` rebuilds instead of serving yesterday's code.
 */
export function hasCurrentBuild(root: string = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  return statSync(buildId).mtimeMs >= newestSourceChange(root);
}
