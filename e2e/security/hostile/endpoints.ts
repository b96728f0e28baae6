/**
 * Every write endpoint of the API, read from the route files themselves (app/api/**\/route.ts
 * exporting POST, PUT, PATCH or DELETE), so that a new one shows up here without anyone listing it.
 * next-auth's own endpoints (app/api/auth) and the catch-all that answers 404 are not ours to fuzz.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
export type WriteMethod = (typeof WRITE_METHODS)[number];

/** `"PATCH /api/v1/tasks/:id"`. */
export type EndpointKey = `${WriteMethod} /api/${string}`;

const API_DIR = path.resolve(__dirname, "../../../app/api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** The methods a route file exports: `export const POST =`, `export async function PATCH(`, `export { x as DELETE }`. */
export function exportedMethods(source: string): WriteMethod[] {
  return WRITE_METHODS.filter((method) =>
    new RegExp(
      `export\\s+(const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`,
    ).test(source),
  );
}

/** Every write endpoint, as `METHOD /api/v1/...` with `:id` for each `[id]` folder. */
export function writeEndpoints(): EndpointKey[] {
  return routeFiles(API_DIR)
    .map((file) => path.relative(API_DIR, path.dirname(file)).split(path.sep))
    .filter((parts) => parts[0] !== "auth" && !parts.some((part) => part.startsWith("[[...")))
    .flatMap((parts) => {
      const route = `/api/${parts.map((part) => part.replace(/^\[(\w+)\]$/, ":$1")).join("/")}`;
      const source = readFileSync(path.join(API_DIR, ...parts, "route.ts"), "utf8");
      return exportedMethods(source).map((method) => `${method} ${route}` as EndpointKey);
    })
    .sort();
}
