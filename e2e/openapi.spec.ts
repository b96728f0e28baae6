import { expect, test } from "./fixtures";

test.describe("OpenAPI document", () => {
  test("GET /api/v1/openapi.json answers the document without a session", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    expect(Object.keys(document.paths)).toContain("/tasks");
    expect(Object.keys(document.paths["/tasks"]).sort()).toEqual(["get", "post"]);
  });

  for (const path of ["/api/v1/tasks", "/api/v1/openapi.jsonx"]) {
    test(`GET ${path} still answers 401 without a session`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    });
  }
});
