import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ROLES, type Role } from "@/db/schema";
import { authenticate, SignInLockedError } from "./authenticate";
import { clientAddress } from "./client-address";
import { authCookies } from "./cookies";
import { sessionIsCurrent, sessionMaxAgeMs } from "./session-validity";

/** The error code the sign-in form gets for a lock: `locked-<account|address>-<until, epoch ms>`. */
export const lockedErrorCode = (error: SignInLockedError) =>
  `locked-${error.lock.scope}-${error.lock.until.getTime()}`;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The cookie's own expiry slides with use; the absolute limit is `signedInAt` (session-validity).
  session: { strategy: "jwt", maxAge: Math.round(sessionMaxAgeMs() / 1000) },
  cookies: authCookies(),
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        let user;
        try {
          const address = clientAddress(req?.headers?.["x-forwarded-for"]);
          user = await authenticate(credentials, { address });
        } catch (error) {
          // next-auth sends the error's message to the browser as the sign-in error code.
          if (error instanceof SignInLockedError) throw new Error(lockedErrorCode(error));
          console.error("Sign-in failed", error);
          throw new Error("internal");
        }
        return user ? { ...user, id: String(user.id) } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.username = user.username;
        token.role = user.role;
        token.unitId = user.unitId;
        token.name = user.name;
        // Written once, at sign-in: the JWT's own iat/exp move on every read.
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      // An expired sign-in has no user: getSessionUser and the client both see it signed out.
      if (
        typeof token.uid === "number" &&
        isRole(token.role) &&
        sessionIsCurrent(token.signedInAt)
      ) {
        session.user = {
          id: token.uid,
          username: String(token.username),
          name: token.name ?? "",
          role: token.role,
          unitId: Number(token.unitId),
          signedInAt: token.signedInAt as number,
        };
      } else {
        delete session.user;
      }
      return session;
    },
  },
};

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
