import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS, forbidden, validationFailed } from "@/lib/errors";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { errorBody } from "./error-body";

const translate = (code: keyof typeof zh.errors) => zh.errors[code];

describe("errorBody", () => {
  it("keeps an AppError's status and code, with the message in the user's language", () => {
    expect(errorBody(forbidden(), translate)).toEqual({
      status: 403,
      body: { error: { code: "forbidden", message: "您没有权限进行此操作" } },
    });
  });

  it("names the bad fields of a validation error", () => {
    const { status, body } = errorBody(validationFailed({ planId: "无效输入" }), translate);
    expect(status).toBe(400);
    expect(body.error.fields).toEqual({ planId: "无效输入" });
  });

  it("passes details through but never lets them replace the code or message", () => {
    const error = new AppError("conflict", undefined, {
      current: { version: 3 },
      code: "x",
      message: "y",
    });
    expect(errorBody(error, translate).body.error).toEqual({
      code: "conflict",
      message: "内容已被他人修改，请刷新后再试",
      current: { version: 3 },
    });
  });

  it("answers anything else as a bare 500 that shows no internals", () => {
    const { status, body } = errorBody(
      new Error("SQLITE_CORRUPT: /srv/data/street-goals.db"),
      translate,
    );
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: "internal", message: "系统出现错误，请稍后再试" } });
    expect(JSON.stringify(body)).not.toContain("SQLITE");
  });

  it("has a message for every error code in both languages", async () => {
    const en = (await import("@/lib/i18n/messages/en.json")).default;
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(zh.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });
});
