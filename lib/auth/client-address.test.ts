import { createServer, request, type IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "./client-address";

// The preload patches node:http for this test file's process, as it does for the server's.
const { rewriteForwardedFor } = createRequire(import.meta.url)("./forwarded-for-preload.cjs") as {
  rewriteForwardedFor: (
    req: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } },
    env?: object,
  ) => void;
};

describe("clientAddress", () => {
  it("takes the last entry when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.5")).toBe("203.0.113.5");
    expect(clientAddress("1.1.1.1, 203.0.113.5", 0)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("::1", 0)).toBe("::1");
  });

  it("behind n trusted proxies, takes what the nearest one saw", () => {
    // client-sent, what the proxy appended (the client), the proxy itself (the socket)
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.3, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("counts garbage as one address, and nothing as none", () => {
    expect(clientAddress("<script>", 0)).toBe("invalid");
    expect(clientAddress("", 0)).toBeNull();
    expect(clientAddress(undefined, 0)).toBeNull();
  });

  it("reads TRUST_PROXY as a number of hops", () => {
    expect(
      [undefined, "", "0", "false", "true", "2", "x", "99"].map((v) => trustedProxyHops(v)),
    ).toEqual([0, 0, 0, 0, 1, 2, 0, 0]);
  });
});

describe("the X-Forwarded-For preload", () => {
  it("replaces what the client sent with the socket's address, or appends it behind a proxy", () => {
    const req = (sent?: string) => ({
      headers: sent ? { "x-forwarded-for": sent } : {},
      socket: { remoteAddress: "192.0.2.1" },
    });
    const direct = req("6.6.6.6");
    rewriteForwardedFor(direct, {});
    expect(direct.headers["x-forwarded-for"]).toBe("192.0.2.1");
    const proxied = req("198.51.100.7");
    rewriteForwardedFor(proxied, { TRUST_PROXY: "1" });
    expect(proxied.headers["x-forwarded-for"]).toBe("198.51.100.7, 192.0.2.1");
    const none = req();
    rewriteForwardedFor(none, { TRUST_PROXY: "1" });
    expect(none.headers["x-forwarded-for"]).toBe("192.0.2.1");
  });

  describe("in a real server", () => {
    let server: ReturnType<typeof createServer>;
    let port: number;
    beforeAll(async () => {
      server = createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("a client cannot name its own address", async () => {
      const seen = await new Promise<string>((resolve, reject) => {
        const r = request(
          { port, host: "127.0.0.1", headers: { "X-Forwarded-For": "6.6.6.6" } },
          (res) => {
            let body = "";
            res.on("data", (chunk) => (body += chunk));
            res.on("end", () => resolve(body));
          },
        );
        r.on("error", reject);
        r.end();
      });
      expect(clientAddress(seen, 0)).toBe("127.0.0.1");
    });
  });
});
