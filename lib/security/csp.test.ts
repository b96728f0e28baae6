import { describe, expect, it } from "vitest";
import { API_POLICY, newNonce, pagePolicy, viaHttps } from "./csp";

const directives = (policy: string) =>
  new Map(
    policy.split("; ").map((part) => {
      const [name, ...values] = part.split(" ");
      return [name!, values];
    }),
  );

describe("pagePolicy", () => {
  it("runs only scripts with the nonce (or loaded by them), never inline or eval", () => {
    const policy = directives(pagePolicy({ nonce: "abc123" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, and upgrades requests only over https", () => {
    expect(directives(pagePolicy({ nonce: "n", development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(pagePolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("API_POLICY", () => {
  it("loads nothing and may not be framed", () => {
    expect(directives(API_POLICY).get("default-src")).toEqual(["'none'"]);
    expect(directives(API_POLICY).get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("viaHttps", () => {
  it("trusts the proxy's X-Forwarded-Proto, else the URL's scheme", () => {
    const none = new Headers();
    expect(viaHttps(new URL("https://a.example/"), none)).toBe(true);
    expect(viaHttps(new URL("http://a.example/"), none)).toBe(false);
    expect(
      viaHttps(new URL("http://a.example/"), new Headers({ "x-forwarded-proto": "https,http" })),
    ).toBe(true);
    expect(
      viaHttps(new URL("https://a.example/"), new Headers({ "x-forwarded-proto": "http" })),
    ).toBe(false);
  });
});
