import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { requireUser, type SessionOptions, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { API_POLICY } from "@/lib/security/csp";
import { isCrossSiteWrite } from "@/lib/security/origin";
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
 * every error in one place. A state-changing call from another site's page is refused first
 * (lib/security/origin.ts): every API route comes through here, the upload routes too, which
 * proxy.ts does not see. Every answer carries the API's Content-Security-Policy unless the handler
 * chose its own (attachments do).
 */
export function apiRoute<P = unknown>(
  handler: (ctx: RouteContext<P>) => Promise<unknown>,
  options?: SessionOptions,
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> =>
    withApiPolicy(await answer(req, context));

  async function answer(req: NextRequest, context: { params: Promise<P> }): Promise<Response> {
    try {
      if (isCrossSiteWrite(req, process.env.NEXTAUTH_URL)) throw new AppError("forbidden_origin");
      const user = await requireUser(options);
      const result = await handler({ req, user, params: await context.params });
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  }
}

function withApiPolicy(response: Response): Response {
  if (!response.headers.has("Content-Security-Policy")) {
    response.headers.set("Content-Security-Policy", API_POLICY);
  }
  return response;
}
