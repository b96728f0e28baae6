import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("baiyang2023");
    expect(hash.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(hash).not.toContain("baiyang2023");
    await expect(verifyPassword("baiyang2023", hash)).resolves.toBe(true);
    await expect(verifyPassword("baiyang2024", hash)).resolves.toBe(false);
    await expect(verifyPassword("", hash)).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    for (const stored of [
      "",
      "plain",
      "scrypt$x$8$1$abc$def",
      "bcrypt$1$2$3$4$5",
      "scrypt$16384$8$1$abc$",
      "scrypt$3$8$1$abc$def",
      "scrypt$1099511627776$8$1$abc$def",
      "scrypt$16384$1e9$1$abc$def",
      "scrypt$1024$8$1$abc$def", // a valid cost, but not this password's hash
    ]) {
      await expect(verifyPassword("x", stored), stored).resolves.toBe(false);
    }
  });

  it("treats composed and decomposed unicode alike", async () => {
    const hash = await hashPassword("caf\u00e9-白杨");
    await expect(verifyPassword("cafe\u0301-白杨", hash)).resolves.toBe(true);
  });
});
