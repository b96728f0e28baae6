import { expect, signInByApi, test } from "./fixtures";
import { THEME_KEYWORDS } from "./pages/home-page";

test.describe("anonymous API calls", () => {
  for (const path of [
    "/api/v1/me",
    "/api/v1/plans",
    "/api/v1/projects",
    "/api/v1/no-such-thing",
    "/api",
  ]) {
    test(`GET ${path} answers 401 JSON`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = await response.json();
      expect(body.error.code).toBe("unauthorized");
      expect(typeof body.error.message).toBe("string");
    });
  }

  test("a forged session cookie is not a session", async ({ request }) => {
    const response = await request.get("/api/v1/me", {
      headers: { cookie: "next-auth.session-token=not-a-real-token" },
    });
    expect(response.status()).toBe(401);
  });
});

test.describe("signed-in API", () => {
  test.beforeEach(async ({ request }) => {
    await signInByApi(request, "leader");
  });

  test("GET /api/v1/me describes the user", async ({ request }) => {
    const body = await (await request.get("/api/v1/me")).json();
    expect(Object.keys(body).sort()).toEqual([
      "id",
      "mustChangePassword",
      "name",
      "role",
      "unitId",
      "username",
    ]);
    expect(body.mustChangePassword).toBe(false);
    expect(body).toMatchObject({ username: "leader", role: "leader" });
    expect(Number.isInteger(body.id) && Number.isInteger(body.unitId)).toBe(true);
  });

  test("GET /api/v1/plans lists the 2023 plan", async ({ request }) => {
    const body = await (await request.get("/api/v1/plans")).json();
    expect(body.items).toContainEqual({
      id: expect.any(Number),
      year: 2023,
      title: "白杨街道2023年工作计划",
      startDate: "2023-01-01",
      endDate: "2023-12-31",
    });
  });

  test("GET /api/v1/projects gives the current plan's five themes with task counts", async ({
    request,
  }) => {
    const body = await (await request.get("/api/v1/projects")).json();
    // Other tests may add projects after the five themes while this one runs.
    expect(body.items.length).toBeGreaterThanOrEqual(5);
    expect(body.items.slice(0, 5).map((p: { position: number }) => p.position)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    for (const [i, keyword] of THEME_KEYWORDS.entries()) {
      expect(body.items[i].title).toContain(keyword);
      expect(body.items[i].taskCount).toBeGreaterThan(0);
    }
    const total = body.items.reduce(
      (sum: number, p: { taskCount: number }) => sum + p.taskCount,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(35);

    // The 2023 plan by its year: other specs add plans for far years, which list first.
    const plans = (await (await request.get("/api/v1/plans")).json()) as {
      items: { id: number; year: number }[];
    };
    const plan2023 = plans.items.find((p) => p.year === 2023)!;
    const byId = await (await request.get(`/api/v1/projects?planId=${plan2023.id}`)).json();
    const outline = (items: { id: number; title: string }[]) =>
      items.slice(0, 5).map(({ id, title }) => ({ id, title }));
    expect(outline(byId.items)).toEqual(outline(body.items));
  });

  test("a malformed planId is a 400 naming the field, in Chinese", async ({ request }) => {
    const response = await request.get("/api/v1/projects?planId=abc");
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("提交的内容有误，请检查标出的字段");
    expect(body.error.fields).toEqual({ planId: "请填写有效的编号（正整数）" });
  });

  test("an unknown plan is a 404, an unknown path too", async ({ request }) => {
    const missing = await request.get("/api/v1/projects?planId=999999");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    for (const path of ["/api/v1/no-such-thing", "/api/v1", "/api", "/api/v2/projects"]) {
      const unknown = await request.get(path);
      expect(unknown.status(), path).toBe(404);
      expect((await unknown.json()).error.code, path).toBe("not_found");
    }
    const post = await request.post("/api/v1/no-such-thing", { data: {} });
    expect(post.status()).toBe(404);
  });

  test("errors follow the chosen language", async ({ request }) => {
    const response = await request.get("/api/v1/projects?planId=abc", {
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect((await response.json()).error.message).toBe(
      "Some fields are not valid; please check them",
    );
  });
});
