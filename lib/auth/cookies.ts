import type { CookiesOptions } from "next-auth";

/**
 * next-auth's cookies, spelled out rather than left to its defaults: all httpOnly (no script
 * reads them), SameSite=Lax (another site's page cannot post with them), and Secure with the
 * `__Secure-` / `__Host-` name prefixes when the site is served over https, which is what
 * NEXTAUTH_URL says (set it to the https address behind a TLS proxy). proxy.ts's getToken picks
 * the same session cookie name by the same rule.
 */
export function authCookies(siteUrl = process.env.NEXTAUTH_URL ?? ""): Partial<CookiesOptions> {
  const secure = siteUrl.startsWith("https://");
  const prefix = secure ? "__Secure-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options },
  };
}
