import { describe, expect, it } from "vitest";
import { isCrossSiteWrite, ownHosts } from "./origin";

const APP_URL = "https://goals.example.gov.cn";

function request(method: string, headers: Record<string, string>) {
  const h = new Headers(headers);
  return { method, headers: h };
}

describe("isCrossSiteWrite", () => {
  it("refuses a write whose Origin is another site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(
        isCrossSiteWrite(
          request(method, { host: "localhost:3000", origin: "https://evil.example" }),
          APP_URL,
        ),
        method,
      ).toBe(true);
    }
  });

  it("accepts a write from the host the request came to", () => {
    expect(
      isCrossSiteWrite(
        request("POST", { host: "localhost:3000", origin: "http://localhost:3000" }),
      ),
    ).toBe(false);
  });

  it("accepts the configured public address (NEXTAUTH_URL) and a reverse proxy's host", () => {
    expect(
      isCrossSiteWrite(
        request("POST", { host: "127.0.0.1:3000", origin: "https://goals.example.gov.cn" }),
        APP_URL,
      ),
    ).toBe(false);
    expect(
      isCrossSiteWrite(
        request("DELETE", {
          host: "127.0.0.1:3000",
          "x-forwarded-host": "intranet.street.local, 10.0.0.2",
          origin: "https://intranet.street.local",
        }),
      ),
    ).toBe(false);
  });

  it("compares the port: another port on the same host is another origin", () => {
    expect(
      isCrossSiteWrite(
        request("POST", { host: "localhost:3000", origin: "http://localhost:4000" }),
      ),
    ).toBe(true);
  });

  it("refuses a look-alike host, an opaque origin and one that does not parse", () => {
    for (const origin of [
      "http://localhost:3000.evil.example",
      "http://evil-localhost:3000",
      "null",
      "",
      "file://",
      "not a url",
    ]) {
      expect(isCrossSiteWrite(request("POST", { host: "localhost:3000", origin })), origin).toBe(
        true,
      );
    }
  });

  it("refuses what the browser itself marks cross-site, even without an Origin", () => {
    expect(
      isCrossSiteWrite(
        request("PATCH", { host: "localhost:3000", "sec-fetch-site": "cross-site" }),
      ),
    ).toBe(true);
    expect(
      isCrossSiteWrite(
        request("POST", {
          host: "localhost:3000",
          origin: "http://localhost:3000",
          "sec-fetch-site": "same-origin",
        }),
      ),
    ).toBe(false);
  });

  it("lets through a request without Origin (scripts, curl) and every read", () => {
    expect(isCrossSiteWrite(request("POST", { host: "localhost:3000" }))).toBe(false);
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        isCrossSiteWrite(
          request(method, {
            host: "localhost:3000",
            origin: "https://evil.example",
            "sec-fetch-site": "cross-site",
          }),
        ),
        method,
      ).toBe(false);
    }
  });
});

describe("ownHosts", () => {
  it("takes the first forwarded host, the Host header and NEXTAUTH_URL's host, in lower case", () => {
    expect([
      ...ownHosts(
        new Headers({ host: "LOCALHOST:3000", "x-forwarded-host": "A.example, b.example" }),
        APP_URL,
      ),
    ]).toEqual(["a.example", "localhost:3000", "goals.example.gov.cn"]);
  });

  it("ignores a NEXTAUTH_URL that is not a web address", () => {
    expect([...ownHosts(new Headers({ host: "x" }), "mailto:a@b")]).toEqual(["x"]);
  });
});
