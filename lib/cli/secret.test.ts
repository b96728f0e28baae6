import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureAuthSecret } from "./secret";

let dir: string;
const saved = process.env.NEXTAUTH_SECRET;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "street-goals-secret-"));
  delete process.env.NEXTAUTH_SECRET;
});

afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = saved;
});

describe("ensureAuthSecret", () => {
  it("generates a strong secret once, keeps it private, and reuses it", () => {
    const first = ensureAuthSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(43);
    const file = path.join(dir, "nextauth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret(dir)).toBe(first);
  });

  it("prefers NEXTAUTH_SECRET and then writes nothing", () => {
    process.env.NEXTAUTH_SECRET = "from-the-environment-0123456789-abcdef";
    expect(ensureAuthSecret(dir)).toBe("from-the-environment-0123456789-abcdef");
    expect(() => statSync(path.join(dir, "nextauth-secret"))).toThrow();
  });

  it("replaces a stored secret that is too short to be safe", () => {
    writeFileSync(path.join(dir, "nextauth-secret"), "short\n", { mode: 0o644 });
    const secret = ensureAuthSecret(dir);
    expect(statSync(path.join(dir, "nextauth-secret")).mode & 0o777).toBe(0o600);
    expect(secret).not.toBe("short");
    expect(secret.length).toBeGreaterThanOrEqual(43);
  });
});
