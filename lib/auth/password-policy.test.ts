import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import { passwordIssue } from "./password-policy";
import { generateTemporaryPassword } from "./temporary-password";

describe("passwordIssue", () => {
  it("accepts a long, personal password", () => {
    expect(passwordIssue("青山绿水2024来了", "zhangsan")).toBeNull();
    expect(passwordIssue("Tidy-Lantern-42", "zhangsan")).toBeNull();
  });

  it("needs at least 10 characters, counted as a person counts them", () => {
    expect(passwordIssue("", "zhangsan")).toBe("validation.passwordTooShort");
    expect(passwordIssue("Abc!2345x", "zhangsan")).toBe("validation.passwordTooShort");
    expect(passwordIssue("Abc!2345xy", "zhangsan")).toBeNull();
    // Nine characters outside the BMP are 18 UTF-16 units, still nine characters.
    expect(passwordIssue("😀".repeat(9), "zhangsan")).toBe("validation.passwordTooShort");
    expect(passwordIssue("😀".repeat(10), "zhangsan")).toBeNull();
  });

  it("allows at most 256 characters", () => {
    expect(passwordIssue("Qx7".repeat(85) + "z", "zhangsan")).toBeNull();
    expect(passwordIssue("Qx7".repeat(85) + "zz", "zhangsan")).toBe("validation.passwordTooLong");
  });

  it("refuses the username in any case, and any password containing it", () => {
    expect(passwordIssue("zhangsan.wang", "zhangsan.wang")).toBe("validation.passwordIsUsername");
    expect(passwordIssue("ZhangSan.Wang", "zhangsan.wang")).toBe("validation.passwordIsUsername");
    expect(passwordIssue("my-ZHANGSAN-2024", "zhangsan")).toBe("validation.passwordIsUsername");
    // Full-width letters are the same letters.
    expect(passwordIssue("ｚｈａｎｇｓａｎ2024!", "zhangsan")).toBe(
      "validation.passwordIsUsername",
    );
  });

  it("lets a username of fewer than 3 characters appear inside a password", () => {
    expect(passwordIssue("Tidy-Lantern-li", "li")).toBeNull();
    expect(passwordIssue("Tidy-Lantern-42", "la")).toBeNull();
  });

  it("refuses common passwords, ignoring case", () => {
    for (const common of [
      "password123",
      "1qaz2wsx3edc",
      "woaini1314",
      "a123456789",
      "qwertyuiop",
    ]) {
      expect(passwordIssue(common, "zhangsan"), common).toBe("validation.passwordCommon");
    }
    expect(passwordIssue("WoAiNi1314", "zhangsan")).toBe("validation.passwordCommon");
    expect(passwordIssue("QWERTYUIOP", "zhangsan")).toBe("validation.passwordCommon");
    expect(passwordIssue("12345678910", "zhangsan")).toBe("validation.passwordCommon");
  });

  it("ships a list of about 200 distinct, lower-case common passwords", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(180);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const common of COMMON_PASSWORDS) expect(common).toBe(common.toLowerCase());
    // Most would pass the length rule, so the list is what refuses them.
    const long = COMMON_PASSWORDS.filter((p) => p.length >= 10);
    expect(long.length).toBeGreaterThan(COMMON_PASSWORDS.length * 0.8);
  });

  it("never checks the demo password: the policy is for new passwords only", () => {
    // "baiyang2023" is 11 characters and not on the list; existing passwords are not re-checked.
    expect(passwordIssue("baiyang2023", "admin")).toBeNull();
  });
});

describe("generateTemporaryPassword", () => {
  it("gives 12 unambiguous characters that keep the policy, different every time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword("zhangsan");
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(passwordIssue(password, "zhangsan")).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
