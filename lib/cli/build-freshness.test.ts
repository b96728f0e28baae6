import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasCurrentBuild } from "./build-freshness";

function project() {
  const root = mkdtempSync(path.join(tmpdir(), "street-goals-build-"));
  mkdirSync(path.join(root, "app/(app)"), { recursive: true });
  mkdirSync(path.join(root, "lib/progress"), { recursive: true });
  mkdirSync(path.join(root, ".next"));
  const at = (file: string, seconds: number) => {
    writeFileSync(path.join(root, file), "x");
    utimesSync(path.join(root, file), seconds, seconds);
  };
  return { root, at };
}

describe("hasCurrentBuild", () => {
  it("is false without a build", () => {
    const { root, at } = project();
    at("app/(app)/page.tsx", 1000);
    expect(hasCurrentBuild(root)).toBe(false);
  });

  it("is true when the build is newer than every source", () => {
    const { root, at } = project();
    at("app/(app)/page.tsx", 1000);
    at("lib/progress/index.ts", 1500);
    at(".next/BUILD_ID", 2000);
    expect(hasCurrentBuild(root)).toBe(true);
  });

  it("is false when a source in a nested folder changed after the build", () => {
    const { root, at } = project();
    at(".next/BUILD_ID", 2000);
    at("lib/progress/index.ts", 2500);
    expect(hasCurrentBuild(root)).toBe(false);
  });

  it("ignores tests, which are not part of the build", () => {
    const { root, at } = project();
    at(".next/BUILD_ID", 2000);
    at("lib/progress/index.test.ts", 2500);
    expect(hasCurrentBuild(root)).toBe(true);
  });
});
