import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

const jwt = vi.hoisted(() => ({ decodes: 0 }));
vi.mock("next-auth/jwt", async (original) => {
  const actual = await original<typeof import("next-auth/jwt")>();
  return {
    ...actual,
    decode: async (params: Parameters<typeof actual.decode>[0]) => {
      jwt.decodes++;
      return actual.decode(params);
    },
  };
});

const { decodeRemembered } = await import("./remembered-decode");
const secret = "a-secret-for-the-test-only";

afterEach(() => {
  vi.useRealTimers();
  jwt.decodes = 0;
});

describe("decodeRemembered", () => {
  it("decodes a token once, then answers the same claims from memory", async () => {
    const token = await encode({ token: { uid: 7, signedInAt: 1 }, secret, maxAge: 3600 });
    const first = await decodeRemembered({ token, secret });
    const second = await decodeRemembered({ token, secret });
    expect(first).toMatchObject({ uid: 7, signedInAt: 1 });
    expect(second).toEqual(first);
    expect(jwt.decodes).toBe(1);
  });

  it("refuses a remembered token once it has expired", async () => {
    const token = await encode({ token: { uid: 8 }, secret, maxAge: 60 });
    expect(await decodeRemembered({ token, secret })).toMatchObject({ uid: 8 });
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    expect(await decodeRemembered({ token, secret })).toBeNull();
  });

  it("remembers nothing for a token that does not decode", async () => {
    const token = await encode({ token: { uid: 9 }, secret: "another-secret", maxAge: 3600 });
    await expect(decodeRemembered({ token, secret })).rejects.toThrow();
    await expect(decodeRemembered({ token, secret })).rejects.toThrow();
    expect(jwt.decodes).toBe(2);
    expect(await decodeRemembered({ token: undefined, secret })).toBeNull();
  });
});
