import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { requireUser, type SessionOptions, type SessionUser } from "@/lib/auth/session";
import { errorResponse } from "./respond";

interface RouteContext<P> {
  req: NextRequest;
  user: SessionUser;
  params: P;
}

/**
 * Wraps a route handler: requires a signed-in user (again, after proxy.ts) who need not change
 * their password first (`options.allowPasswordChange` lets one through: only for the routes that
 * change it), runs the handler, answers its result as JSON (or passes a Response through) and maps
 * every error in one place.
 */
export function apiRoute<P = unknown>(
  handler: (ctx: RouteContext<P>) => Promise<unknown>,
  options?: SessionOptions,
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await requireUser(options);
      const result = await handler({ req, user, params: await context.params });
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
