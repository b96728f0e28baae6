/**
 * The Content-Security-Policy of the app's pages and of its API answers.
 *
 * Pages: scripts run only with this response's nonce (Next.js puts it on its own scripts, reading
 * it from the request's CSP header that proxy.ts sets) or when loaded by such a script
 * ('strict-dynamic'); no inline script an attacker could inject runs, and there is no
 * 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': React style attributes (progress bars,
 * Radix popover positions, recharts) are inline styles, which a nonce cannot cover; an injected
 * style can restyle a page but not run code. 'unsafe-eval' only under `next dev`, where React
 * rebuilds server error stacks with eval. `upgrade-insecure-requests` only when the page itself
 * came over https: many office intranets serve plain http, where it would break every request.
 *
 * API answers are JSON or files, never a page: they may load and run nothing and never be framed.
 */

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev`: React needs eval for its error overlays. */
  development?: boolean;
  /** The browser reached us over https (directly or through a proxy). */
  https?: boolean;
}

export function pagePolicy({ nonce, development = false, https = false }: PagePolicyOptions) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // blob: previews of a picture chosen for upload; data: small inline images and fonts.
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** A fresh, unguessable nonce per response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Whether the browser reached us over https, also behind a TLS-terminating proxy. */
export function viaHttps(url: URL, headers: { get(name: string): string | null }): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return (forwarded ?? url.protocol.replace(":", "")) === "https";
}
