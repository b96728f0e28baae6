import { describe, expect, it } from "vitest";
import { authCookies } from "./cookies";

describe("auth cookies", () => {
  it("are httpOnly and SameSite=Lax, not Secure, on http", () => {
    const cookies = authCookies("http://localhost:3000");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.options).toMatchObject({
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: false,
      });
    }
    expect(cookies.sessionToken!.name).toBe("next-auth.session-token");
  });

  it("are Secure, with the __Secure- and __Host- prefixes, when the site is https", () => {
    const cookies = authCookies("https://goals.example.gov.cn");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    }
    expect(cookies.sessionToken!.name).toBe("__Secure-next-auth.session-token");
    expect(cookies.callbackUrl!.name).toBe("__Secure-next-auth.callback-url");
    expect(cookies.csrfToken!.name).toBe("__Host-next-auth.csrf-token");
  });
});
