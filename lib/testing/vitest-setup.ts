import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Each test file gets its own database file, so no test ever touches ./data.
process.env.DATABASE_PATH = path.join(
  mkdtempSync(path.join(tmpdir(), "street-goals-test-")),
  "test.db",
);
process.env.TZ = "UTC";
