import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { decodeRemembered } from "@/lib/auth/remembered-decode";
import { errorBody } from "@/lib/api/error-body";
import { isDecodablePath } from "@/lib/api/path-encoding";
import { notFound, unauthorized } from "@/lib/errors";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { sessionIsCurrent } from "@/lib/auth/session-validity";
import { API_POLICY, newNonce, pagePolicy, viaHttps } from "@/lib/security/csp";

/** Paths open without a session, compared exactly: the API's description is documentation. */
const PUBLIC_PATHS = new Set(["/api/v1/openapi.json", "/login"]);
/** next-auth's own endpoints (sign-in, session, CSRF token) guard themselves. */
const AUTH_PREFIX = "/api/auth/";

const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/**
 * Every page gets a Content-Security-Policy with a fresh nonce (lib/security/csp.ts). Next.js
 * reads the nonce from the request's CSP header and puts it on its scripts, so the header goes on
 * the request as well as on the response. API answers get the API's policy: those passing through
 * here from lib/api/route.ts (which also covers the upload routes this proxy does not see), the
 * proxy's own 401s and next-auth's answers here.
 */
export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  // A segment that is not UTF-8 names nothing; Next.js itself would answer a bare text 500.
  if (!isDecodablePath(pathname)) return undecodable(req);
  if (isApi(pathname)) {
    if (!pathname.startsWith(AUTH_PREFIX)) return gate(req, () => NextResponse.next());
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", API_POLICY);
    return response;
  }
  const policy = pagePolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    https: viaHttps(req.nextUrl, req.headers),
  });
  const headers = new Headers(req.headers);
  headers.set("Content-Security-Policy", policy);
  const response = await gate(req, () => NextResponse.next({ request: { headers } }));
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * First gate: no session, no page and no API. Pages go to the sign-in page; API calls get the
 * API's 401 JSON. Each handler and page checks the session again (see lib/auth/session.ts).
 */
async function gate(req: NextRequest, next: () => NextResponse): Promise<NextResponse> {
  if (PUBLIC_PATHS.has(req.nextUrl.pathname)) return next();
  const token = await getToken({
    req,
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeRemembered,
  });
  // Past the absolute limit from sign-in (lib/auth/session-validity.ts) counts as no session.
  if (token && sessionIsCurrent(token.signedInAt)) return next();

  const { pathname, search } = req.nextUrl;
  if (isApi(pathname)) {
    const locale = pickLocale(
      req.cookies.get(LOCALE_COOKIE)?.value,
      req.headers.get("accept-language"),
    );
    const { status, body } = errorBody(unauthorized(), (code) => messagesFor(locale).errors[code]);
    return NextResponse.json(body, {
      status,
      headers: { "Cache-Control": "no-store", "Content-Security-Policy": API_POLICY },
    });
  }
  const login = new URL("/login", req.url);
  const target = pathname + search;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

/** 404 for a path that does not decode: the API's JSON error, or a plain page. */
function undecodable(req: NextRequest): NextResponse {
  if (!isApi(req.nextUrl.pathname)) return new NextResponse("Not Found", { status: 404 });
  const locale = pickLocale(
    req.cookies.get(LOCALE_COOKIE)?.value,
    req.headers.get("accept-language"),
  );
  const { status, body } = errorBody(notFound(), (code) => messagesFor(locale).errors[code]);
  return NextResponse.json(body, {
    status,
    headers: { "Cache-Control": "no-store", "Content-Security-Policy": API_POLICY },
  });
}

export const config = {
  // Everything but static files and the two upload routes: Next copies every body the proxy sees
  // into memory, cut short past 10 MB, and an entry's evidence may be 100 MB. Those routes check
  // the session themselves (apiRoute) and count the bytes they read (lib/api/parse.ts). Sign-in
  // and next-auth's endpoints pass through (for their headers) without the session check.
  matcher: [
    "/((?!api/v1/tasks/[0-9]+/entries$|api/v1/entries/[0-9]+/attachments$|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)",
  ],
};
