import { describe, expect, it } from "vitest";
import { idParam } from "./validation";

describe("idParam", () => {
  it("accepts decimal ids", () => {
    expect(idParam.parse("1")).toBe(1);
    expect(idParam.parse("4096")).toBe(4096);
  });

  it("refuses anything else", () => {
    for (const bad of [
      "",
      "0",
      "-1",
      "01",
      " 12",
      "12 ",
      "1e3",
      "0x10",
      "1.5",
      "abc",
      "99999999999999999",
    ]) {
      expect(idParam.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("idParam messages", () => {
  it("names a message key that both languages define", async () => {
    const issue = idParam.safeParse("abc").error?.issues[0];
    expect(issue?.message).toBe("validation.invalidId");
    const [zh, en] = await Promise.all([
      import("@/lib/i18n/messages/zh-CN.json"),
      import("@/lib/i18n/messages/en.json"),
    ]);
    expect(zh.default.validation.invalidId).toBeTruthy();
    expect(en.default.validation.invalidId).toBeTruthy();
    expect(idParam.safeParse("99999999999999999").error?.issues[0]?.message).toBe(
      "validation.invalidId",
    );
  });
});
