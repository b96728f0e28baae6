/**
 * The client's address, for counting failed sign-ins per address.
 *
 * Route handlers have no socket. Next 16's server (base-server.js) only fills `X-Forwarded-For`
 * with the socket's address when the request has none (`??=`): a client talking to `next start`
 * directly can send its own and be believed. lib/auth/forwarded-for-preload.cjs, loaded into the
 * server process, makes the header trustworthy: without TRUST_PROXY it is replaced by the socket's
 * address; with TRUST_PROXY it gets the socket's address appended, as a proxy would.
 *
 * So the client is the last entry, or — behind TRUST_PROXY=n reverse proxies (`true` means 1) —
 * the entry n places before it: what the nearest trusted proxy saw. Anything further left was
 * written by the client.
 */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (!value || value === "false" || value === "0") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  return Number.isSafeInteger(hops) && hops > 0 && hops < 10 ? hops : 0;
}

/** A plausible address: IPv4 or IPv6 characters only, and not too long. */
const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;

export function clientAddress(
  forwardedFor: string | string[] | null | undefined,
  hops = trustedProxyHops(),
): string | null {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  if (!header) return null;
  const chain = header
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const entry = chain[Math.max(0, chain.length - 1 - hops)];
  if (!entry) return null;
  // "::ffff:127.0.0.1" is an IPv4 client on an IPv6 socket: count it as the IPv4 address.
  const address = entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  // Garbage is still someone: counted together, so it buys no fresh counter.
  return ADDRESS.test(address) ? address.toLowerCase() : "invalid";
}
