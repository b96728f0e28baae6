import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./path-encoding";

describe("isDecodablePath", () => {
  it.each(["/api/v1/tasks/12", "/api/v1/tasks/%E4%BB%BB%E5%8A%A1", "/tasks/%25", "/a/%20b", "/"])(
    "accepts %s",
    (path) => expect(isDecodablePath(path)).toBe(true),
  );

  it.each([
    "/api/v1/tasks/%FF",
    "/api/v1/tasks/%ED%A0%80",
    "/api/v1/tasks/%E4%B8",
    "/x/%",
    "/x/%G1",
  ])("refuses %s", (path) => expect(isDecodablePath(path)).toBe(false));
});
