/**
 * Where to go after signing in: only a path on this site. Anything else (another origin, a
 * protocol-relative or backslash trick, control characters that browsers strip) becomes "/".
 */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  // Browsers drop tabs and newlines inside URLs, so "/\t/evil.example" would leave the site.
  if (!raw || !raw.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  const base = "http://callback.invalid";
  try {
    const url = new URL(raw, base);
    return url.origin === base ? url.pathname + url.search + url.hash : "/";
  } catch {
    return "/";
  }
}
