import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { decodeRemembered } from "@/lib/auth/remembered-decode";
import { errorBody } from "@/lib/api/error-body";
import { unauthorized } from "@/lib/errors";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

/** Paths open without a session, compared exactly: the API's description is documentation. */
const PUBLIC_PATHS = new Set(["/api/v1/openapi.json"]);

/**
 * First gate: no session, no page and no API. Pages go to the sign-in page; API calls get the
 * API's 401 JSON. Each handler and page checks the session again (see lib/auth/session.ts).
 */
export async function proxy(req: NextRequest) {
  if (PUBLIC_PATHS.has(req.nextUrl.pathname)) return NextResponse.next();
  const token = await getToken({
    req,
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeRemembered,
  });
  if (token) return NextResponse.next();

  const { pathname, search } = req.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const locale = pickLocale(
      req.cookies.get(LOCALE_COOKIE)?.value,
      req.headers.get("accept-language"),
    );
    const { status, body } = errorBody(unauthorized(), (code) => messagesFor(locale).errors[code]);
    return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
  }
  const login = new URL("/login", req.url);
  const target = pathname + search;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but sign-in itself, next-auth's own endpoints, static files, and the two upload
  // routes: Next copies every body the proxy sees into memory, cut short past 10 MB, and an entry's
  // evidence may be 100 MB. Those routes check the session themselves (apiRoute) and count the
  // bytes they read (lib/api/parse.ts).
  matcher: [
    "/((?!login|api/auth|api/v1/tasks/[^/]+/entries$|api/v1/entries/[^/]+/attachments$|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)",
  ],
};
