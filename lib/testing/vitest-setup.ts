import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb } from "@/db/client";

// Each test file gets its own database file, so no test ever touches ./data.
const dir = mkdtempSync(path.join(tmpdir(), "street-goals-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
// A zone behind UTC, where a calendar date mistaken for a local or UTC midnight shows up as the
// wrong day (the office itself is in Asia/Shanghai, ahead of UTC).
process.env.TZ = "America/Los_Angeles";

afterAll(() => {
  closeDb();
  rmSync(dir, { recursive: true, force: true });
});
