/**
 * Cross-site request refusal (CSRF). The session cookie goes with any request the browser sends to
 * us, even from another site's page; so a state-changing API call is accepted only when the
 * browser says it comes from our own pages. Browsers always send `Origin` on a cross-origin POST,
 * PUT, PATCH or DELETE (and `Sec-Fetch-Site`), and a page cannot forge either. A request without
 * them is not a browser's cross-site request (curl, scripts, tests): it passes, and needs the
 * session like any other. SameSite=Lax on the session cookie is the second wall.
 *
 * "Our own origin" is the host the request came to — `X-Forwarded-Host` when a reverse proxy sets
 * it, else `Host` — or NEXTAUTH_URL's, the public address an operator configures. Hosts are
 * compared with their ports but without the scheme: behind a TLS-terminating proxy the server sees
 * http while the browser's Origin says https (as Next.js compares for Server Actions). A page
 * cannot set `Host` or `X-Forwarded-Host` on a request to another site without a CORS preflight,
 * which this app never grants, so trusting them here is safe.
 */

/** Methods that change state; GET, HEAD and OPTIONS never do here. */
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RequestFacts {
  method: string;
  headers: { get(name: string): string | null };
}

/** The host (with port) of a URL or origin, lower case; undefined when it does not parse. */
function hostOf(url: string): string | undefined {
  try {
    const { host, protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** The hosts that count as this app for this request. */
export function ownHosts(headers: RequestFacts["headers"], appUrl?: string): Set<string> {
  const hosts = new Set<string>();
  // A proxy chain lists hosts comma-separated; the first is what the browser asked for.
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  for (const host of [forwarded, headers.get("host")?.trim()]) {
    if (host) hosts.add(host.toLowerCase());
  }
  const configured = appUrl ? hostOf(appUrl) : undefined;
  if (configured) hosts.add(configured);
  return hosts;
}

/**
 * Whether a request is a state-changing call from another site, to be refused: the browser says
 * so (`Sec-Fetch-Site: cross-site`), or its `Origin` is present and is not ours (`null` included,
 * which sandboxed frames and privacy-sensitive redirects send).
 */
export function isCrossSiteWrite(req: RequestFacts, appUrl?: string): boolean {
  if (!STATE_CHANGING.has(req.method.toUpperCase())) return false;
  if (req.headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") return true;
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  const host = hostOf(origin.trim());
  return host === undefined || !ownHosts(req.headers, appUrl).has(host);
}
