import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/support/browser";

// The config is evaluated again in every worker: the first evaluation picks a free port and a
// temp data folder and leaves them in the environment, which the workers inherit.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "street-goals-e2e-"));

const port = Number(process.env.E2E_PORT);
/** Specs that change the whole plan for everyone: the last project, after all the others. */
const WHOLE_PLAN = /(^|[\\/])(plan-settings|reports)\.spec\.ts$/;
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/support/global-teardown.ts",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: WHOLE_PLAN,
    },
    // Specs that change what every other spec sees run last, after all of them: plan settings
    // (lights, reporting day) and the monthly report, whose 定稿 freezes the plan's entries up to
    // the month published (it reopens it when done).
    {
      name: "whole-plan",
      use: { ...devices["Desktop Chrome"] },
      testMatch: WHOLE_PLAN,
      dependencies: ["chromium"],
    },
  ],
  webServer: {
    // The same entry point as `npm start`, on its own free port and its own temp database.
    command: "npx tsx lib/cli/start.ts",
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_PATH: path.join(process.env.E2E_DATA_DIR, "e2e.db"),
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
