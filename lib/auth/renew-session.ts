import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { authCookies } from "./cookies";
import { sessionMaxAgeMs } from "./session-validity";

/**
 * Re-issues the caller's session cookie as signed in at `signedInAt`: after changing their own
 * password, every other session of theirs ends (users.sessions_valid_after) but the one that did
 * it goes on, as if they had just signed in with the new password.
 */
export async function renewSessionCookie<R extends NextResponse>(
  req: NextRequest,
  response: R,
  signedInAt = Date.now(),
): Promise<R> {
  const { name, options } = authCookies().sessionToken!;
  const secret = process.env.NEXTAUTH_SECRET!;
  const token = await getToken({ req, secret, cookieName: name });
  if (!token) return response;
  const maxAge = Math.round(sessionMaxAgeMs() / 1000);
  const value = await encode({ token: { ...token, signedInAt }, secret, maxAge });
  response.cookies.set(name, value, { ...options, maxAge });
  return response;
}
