import "server-only";
import { cookies, headers } from "next/headers";
import { getToken, type JWT } from "next-auth/jwt";
import { decodeRemembered } from "./remembered-decode";

/** The request's session token (the JWT's claims), or null when there is no valid one. */
export async function readSessionToken(): Promise<JWT | null> {
  const req = { cookies: await cookies(), headers: await headers() };
  return getToken({
    req: req as unknown as Parameters<typeof getToken>[0]["req"],
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeRemembered,
  });
}
