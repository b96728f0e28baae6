import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { HomePage, THEME_KEYWORDS } from "./pages/home-page";
import { ImportPage } from "./pages/import-page";
import { apiAs } from "./support/api";

/** The demo document's section 二 (2023年工作思路): five themes, each a paragraph of work items. */
const SECTION_TWO = readFileSync(path.join(__dirname, "fixtures/baiyang-plan-2023.txt"), "utf8");

test.describe("导入工作计划", () => {
  test("admin imports section 二, edits a task in the preview and commits a new plan", async ({
    page,
    signInAs,
  }) => {
    await signInAs("admin");
    const importPage = new ImportPage(page);
    await importPage.goto();

    await importPage.preview(SECTION_TWO);
    await expect(importPage.themes).toHaveCount(5);
    const titles = await importPage.themeTitles();
    THEME_KEYWORDS.forEach((keyword, i) => expect(titles[i]).toContain(keyword));

    // 惠民生's first task gets a title of its own.
    const edited = `站稳人民立场，办好民生实事（导入测试${Date.now().toString(36)}）`;
    await importPage.taskTitle(2, 0).fill(edited);
    await expect(importPage.taskTitle(2, 0)).toHaveValue(edited);

    // Without owners nothing is sent: each task says what it lacks.
    await importPage.commitButton.click();
    await expect(importPage.error).toContainText("需要修改");
    await expect(importPage.themes.first().getByText("此项为必填").first()).toBeVisible();

    await importPage.assignEveryTaskTo("系统管理员");
    const year = await importPage.commitWithFreeYear();
    await expect(importPage.done).toContainText(`已导入 ${year} 年度计划：5 个工作板块`);

    await importPage.openPlan.click();
    await expect(page).toHaveURL(/\/projects\?planId=\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(year);
    const home = new HomePage(page);
    await expect(home.projects).toHaveCount(5);
    for (const [i, keyword] of THEME_KEYWORDS.entries()) {
      await expect(home.projects.nth(i).getByRole("heading")).toContainText(keyword);
    }
    await expect(home.project("惠民生").getByTestId("task-row").first()).toContainText(edited);
    await expect(home.project("惠民生").getByTestId("task-row").first()).toContainText(
      "系统管理员",
    );

    // The current plan is still the 2023 one.
    await home.goto();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2023");
  });

  test("the preview API answers the five themes, and refuses non-admins", async ({
    page,
    signInAs,
    browser,
  }) => {
    await signInAs("admin");
    const preview = await page.request.post("/api/v1/imports/plan-text/preview", {
      data: { text: SECTION_TWO },
    });
    expect(preview.status()).toBe(200);
    const body = (await preview.json()) as {
      projects: {
        title: string;
        tasks: { title: string; indicators: { target: number; unit: string }[] }[];
      }[];
    };
    expect(body.projects.map((p) => p.title.slice(0, 3))).toEqual([...THEME_KEYWORDS]);
    const estates = body.projects[2]!.tasks.flatMap((t) => t.indicators);
    expect(estates).toContainEqual(expect.objectContaining({ target: 3, unit: "个" }));

    // The same section as a Word file reads the same.
    const docx = await page.request.post("/api/v1/imports/plan-text/preview", {
      multipart: {
        file: {
          name: "白杨街道2023年工作计划.docx",
          mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          buffer: readFileSync(path.join(__dirname, "fixtures/baiyang-plan-2023.docx")),
        },
      },
    });
    expect(docx.status()).toBe(200);
    expect(((await docx.json()) as typeof body).projects.map((p) => p.title)).toEqual(
      body.projects.map((p) => p.title),
    );

    // A PDF is no work plan this reads.
    const pdf = await page.request.post("/api/v1/imports/plan-text/preview", {
      multipart: {
        file: {
          name: "plan.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from("%PDF-1.7\n\0\0"),
        },
      },
    });
    expect(pdf.status()).toBe(415);

    const leader = await apiAs(browser, "leader");
    try {
      const refused = await leader.request.post("/api/v1/imports/plan-text/preview", {
        data: { text: SECTION_TWO },
      });
      expect(refused.status()).toBe(403);
      const commit = await leader.request.post("/api/v1/imports/plan-text/commit", {
        data: { plan: { year: 2999 }, projects: [] },
      });
      expect(commit.status()).toBe(403);
    } finally {
      await leader.close();
    }
  });
});
