import { describe, expect, it } from "vitest";
import { pickLocale } from "./config";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

describe("pickLocale", () => {
  it("prefers the chosen language, then the browser's, then Chinese", () => {
    expect(pickLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
    expect(pickLocale(undefined, "en-US,en;q=0.9")).toBe("en");
    expect(pickLocale("fr", "fr-FR")).toBe("zh-CN");
    expect(pickLocale(undefined, null)).toBe("zh-CN");
  });
});

describe("message files", () => {
  const keys = (obj: object, prefix = ""): string[] =>
    Object.entries(obj).flatMap(([k, v]) =>
      typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});
