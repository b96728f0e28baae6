import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { ApiEntry, Call } from "./api-matrix";
import type { ActorName, World } from "./world";

/** How a cell's request is bent to test the order of checks (see the matrix spec). */
export interface Twist {
  /** A body that is not JSON at all. */
  malformedBody?: boolean;
  /** The path's id replaced by one that names nothing. */
  missingId?: boolean;
}

export const MISSING_ID = 999_999_999;

export function requestOf(w: World, actor: ActorName, call: Call): APIRequestContext {
  if (call.as) return call.as.request;
  return actor === "anonymous" ? w.anonymous : w.people[actor].request;
}

/** Who the audit log should name for the cell's request (none for anonymous). */
export function actorIdOf(w: World, actor: ActorName, call: Call): number | undefined {
  if (call.as) return call.as.id;
  return actor === "anonymous" ? undefined : w.people[actor].id;
}

export function send(
  w: World,
  entry: ApiEntry,
  actor: ActorName,
  call: Call,
  twist: Twist = {},
): Promise<APIResponse> {
  const path = twist.missingId
    ? call.path.replace(/\/\d+(?=\/|\?|$)/, `/${MISSING_ID}`)
    : call.path;
  const options: Parameters<APIRequestContext["fetch"]>[1] = {
    method: entry.method,
    maxRedirects: 0,
  };
  if (twist.malformedBody) {
    options.headers = { "content-type": "application/json" };
    options.data = "{ not json";
  } else if (call.multipart) {
    options.multipart = call.multipart;
  } else if (call.data !== undefined) {
    options.data = call.data;
  }
  return requestOf(w, actor, call).fetch(path, options);
}

/** What a probe GET answers now (as the admin, who may read everything). */
export async function probe(w: World, path: string, item?: number): Promise<unknown> {
  const response = await w.people.admin.request.get(path);
  const body: unknown = await response.json().catch(() => null);
  if (item === undefined) return { status: response.status(), body };
  const items = (body as { items?: { id: number }[] } | null)?.items ?? [];
  const found = items.find((one) => one.id === item);
  if (!found) throw new Error(`${path} does not list item ${item}`);
  return { status: response.status(), item: found };
}
