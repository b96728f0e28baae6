import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's API routes and pages, read from the source at test time: a route or page added
 * without an entry in the matrix fails the matrix test.
 */

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof HTTP_METHODS)[number];

const APP = path.resolve(__dirname, "../../app");

/** next-auth's own endpoints (sign-in, CSRF, session): its library's, not the app's API. */
export const IGNORED_API_ROUTES = ["/api/auth/[...nextauth]"];

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return filesNamed(full, name);
    return item.name === name ? [full] : [];
  });
}

/** `app/(app)/tasks/[id]/route.ts` → `/tasks/[id]`: route groups are not in the URL. */
function urlPattern(file: string) {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/**
 * The HTTP methods a route file exports: `export const GET`, `export async function GET`,
 * `export { x as GET }`.
 */
export function exportedMethods(source: string): Method[] {
  const found = new Set<string>();
  for (const match of source.matchAll(
    /export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g,
  )) {
    found.add(match[1]!);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name) found.add(name);
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** Every `route × method` under app/api, next-auth's own left out. */
export function apiRoutes(): { route: string; method: Method }[] {
  return filesNamed(path.join(APP, "api"), "route.ts")
    .map((file) => ({
      route: urlPattern(file),
      methods: exportedMethods(readFileSync(file, "utf8")),
    }))
    .filter(({ route }) => !IGNORED_API_ROUTES.includes(route))
    .flatMap(({ route, methods }) => methods.map((method) => ({ route, method })))
    .sort((a, b) => `${a.route} ${a.method}`.localeCompare(`${b.route} ${b.method}`));
}

/** Every page of the app, by its URL pattern. */
export function pageRoutes(): string[] {
  return filesNamed(APP, "page.tsx").map(urlPattern).sort();
}
