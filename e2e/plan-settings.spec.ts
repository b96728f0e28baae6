import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";
import { apiAs, me } from "./support/api";
import { expectDocumented, failure, json } from "./support/responses";

// The plan's settings change what every other spec sees (lights, reporting day), so this file runs
// in its own Playwright project after all the others (playwright.config.ts), one test at a time.
test.describe.configure({ mode: "default" });

type Lights = Record<"green" | "yellow" | "red" | "blue", number>;

const dashboardOf = async (request: APIRequestContext) => {
  const response = await request.get("/api/v1/dashboard");
  expect(response.status()).toBe(200);
  return (await response.json()) as { planId: number; plan: { lights: Lights } };
};

interface Plan {
  id: number;
  year: number;
  reportingDay: number;
  greenMaxGap: number;
  yellowMaxGap: number;
  version: number;
}

test("plan settings: a stale save is refused; a new green gap relights the dashboard", async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs("leader");
  const dashboard = new DashboardPage(page);
  const api = await dashboardOf(page.request);
  const planUrl = `/api/v1/plans/${api.planId}`;
  const original = (await (await page.request.get(planUrl)).json()) as {
    version: number;
    greenMaxGap: number;
  };
  expect(original.greenMaxGap).toBeGreaterThan(0);
  const other = await apiAs(browser, "shuji");

  try {
    await dashboard.goto();
    await page.getByRole("link", { name: "计划设置" }).click();
    await expect(page).toHaveURL(`/plan/settings?planId=${api.planId}`);
    const form = page.getByTestId("plan-settings-form");
    const green = form.getByLabel("绿灯最大差距（百分点）");
    await expect(green).toHaveValue(String(original.greenMaxGap));

    // Checked in the browser first: green may not exceed yellow.
    await green.fill("40");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByTestId("greenMaxGap-error")).toHaveText("绿灯差距不能大于黄灯差距");

    // Someone else saves first: this save is refused and says who.
    const theirs = await other.request.patch(planUrl, {
      data: { version: original.version, greenMaxGap: original.greenMaxGap / 2 },
    });
    expect(theirs.status()).toBe(200);
    await green.fill("0");
    await form.getByRole("button", { name: "保存" }).click();
    const conflict = page.getByTestId("conflict-alert");
    await expect(conflict).toContainText((await me(other.request)).name);
    await conflict.getByRole("button", { name: "载入最新内容" }).click();
    await expect(green).toHaveValue(String(original.greenMaxGap / 2));

    await green.fill("0");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId("settings-saved")).toHaveText("已保存，亮灯已按新设置重新计算。");

    // With no room for a gap, fewer tasks are green; the page shows the API's new figures.
    await page.getByRole("link", { name: "← 返回领导驾驶舱" }).click();
    await expect(dashboard.heading).toBeVisible();
    const relit = await dashboardOf(page.request);
    expect(relit.plan.lights.green).toBeLessThan(api.plan.lights.green);
    expect(relit.plan.lights.yellow).toBeGreaterThan(api.plan.lights.yellow);
    await expect(dashboard.lightCount("green")).toHaveText(String(relit.plan.lights.green));
  } finally {
    // Put the demo back as it was, whatever happened above: other specs share it.
    const current = (await (await page.request.get(planUrl)).json()) as { version: number };
    const restored = await page.request.patch(planUrl, {
      data: { version: current.version, greenMaxGap: original.greenMaxGap },
    });
    expect(restored.status()).toBe(200);
    await other.close();
  }
});

test.describe("plan settings", () => {
  test("a leader changes them with the version; a stale one, a cadre and green > yellow are refused", async ({
    browser,
  }) => {
    const leaderSession = await apiAs(browser, "leader");
    const cadreSession = await apiAs(browser, "cadre");
    const leader = leaderSession.request;
    const cadre = cadreSession.request;
    const { planId } = await json<{ planId: number }>(
      await leader.get(`/api/v1/tasks?limit=1`),
      200,
    );
    const planUrl = `/api/v1/plans/${planId}`;
    const original = await json<Plan>(await leader.get(planUrl), 200);
    expect(original).toMatchObject({
      id: planId,
      year: 2023,
      reportingDay: expect.any(Number),
      greenMaxGap: expect.any(Number),
      yellowMaxGap: expect.any(Number),
      version: expect.any(Number),
    });
    await expectDocumented(leader, "Plan", original);
    expect(await json<Plan>(await cadre.get(planUrl), 200)).toMatchObject({
      id: planId,
      reportingDay: original.reportingDay,
    });

    // Only the reporting day is changed, and put back. A save that meets another change is made
    // again on the version it left.
    const reportingDay = original.reportingDay === 28 ? 27 : original.reportingDay + 1;
    const saveReportingDay = async (day: number) => {
      let saved: Plan | undefined;
      await expect(async () => {
        const current = await json<Plan>(await leader.get(planUrl), 200);
        saved = await json<Plan>(
          await leader.patch(planUrl, { data: { version: current.version, reportingDay: day } }),
          200,
        );
        // A save that changes nothing keeps the version.
        const version = current.reportingDay === day ? current.version : current.version + 1;
        expect(saved).toMatchObject({ reportingDay: day, version });
      }).toPass({ timeout: 10_000 });
      return saved!;
    };
    try {
      const changed = await saveReportingDay(reportingDay);

      const stale = await failure(
        await leader.patch(planUrl, {
          data: { version: changed.version - 1, reportingDay: original.reportingDay },
        }),
        409,
        "conflict",
      );
      expect(stale.error.current).toMatchObject({ id: planId, reportingDay });
      expect(stale.error.changedBy).toMatchObject({ name: expect.any(String) });

      await failure(
        await cadre.patch(planUrl, {
          data: { version: changed.version, reportingDay: original.reportingDay },
        }),
        403,
        "forbidden",
      );

      // Checked before the version: the order of the thresholds, the ranges, unknown fields.
      const order = await failure(
        await leader.patch(planUrl, {
          data: { version: changed.version, greenMaxGap: 60, yellowMaxGap: 50 },
        }),
        400,
        "validation_failed",
      );
      expect(Object.keys(order.error.fields ?? {})).toEqual(["greenMaxGap"]);
      for (const data of [
        { version: changed.version, reportingDay: 29 },
        { version: changed.version, yellowMaxGap: 101 },
        { version: changed.version, colour: "red" },
        { reportingDay: 20 },
      ]) {
        await failure(await leader.patch(planUrl, { data }), 400, "validation_failed");
      }
      expect(await json<Plan>(await leader.get(planUrl), 200)).toMatchObject({ reportingDay });
      await failure(await leader.get("/api/v1/plans/999999999"), 404, "not_found");
    } finally {
      // Put the shared plan's reporting day back, whatever version it is at now.
      await saveReportingDay(original.reportingDay);
      await leaderSession.close();
      await cadreSession.close();
    }
  });
});
