/**
 * Whether every segment of a URL path decodes: `%FF` or `%ED%A0%80` (half a surrogate) is no
 * UTF-8, and Next.js answers such a path, on any route, with a bare text 500 before a handler runs.
 * proxy.ts refuses it first, as a path that names nothing (404).
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
