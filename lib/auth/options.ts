import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ROLES, type Role } from "@/db/schema";
import { authenticate } from "./authenticate";

/** How long a sign-in lasts, in seconds (SESSION_MAX_AGE_HOURS, default 8 hours: a working day). */
const sessionHours = Number(process.env.SESSION_MAX_AGE_HOURS);
const sessionMaxAge = Math.round(
  (sessionHours > 0 && sessionHours <= 24 * 30 ? sessionHours : 8) * 3600,
);

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: sessionMaxAge },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials) {
        let user;
        try {
          user = await authenticate(credentials);
        } catch (error) {
          // next-auth would send the error's message to the browser: log it, send a bare code.
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
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "number" && isRole(token.role)) {
        session.user = {
          id: token.uid,
          username: String(token.username),
          name: token.name ?? "",
          role: token.role,
          unitId: Number(token.unitId),
        };
      }
      return session;
    },
  },
};

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
