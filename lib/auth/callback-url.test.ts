import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath("/?from=bookmark")).toBe("/?from=bookmark");
    expect(safeCallbackPath("/tasks/12#history")).toBe("/tasks/12#history");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/a");
  });

  it("sends everything else to the start page", () => {
    for (const hostile of [
      undefined,
      null,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "javascript:alert(1)",
      "evil.example",
    ]) {
      expect(safeCallbackPath(hostile), String(hostile)).toBe("/");
    }
  });

  it("does not let an encoded path escape either", () => {
    // Percent-encoded slashes stay part of the path; the result is still on this site.
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});
