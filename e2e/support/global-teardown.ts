import { rmSync } from "node:fs";

/** Removes the temp data folder (database, secret) that playwright.config.ts made for the run. */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
