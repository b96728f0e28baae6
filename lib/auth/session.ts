import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { AppError, unauthorized } from "@/lib/errors";
import { can, type Action, type ResourceOf } from "./policy";
import { getUserProfile } from "@/lib/users/queries";
import { readSessionToken } from "./session-token";
import { sessionIsCurrent } from "./session-validity";

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  title: string | null;
  role: Role;
  unitId: number;
  unitName: string;
  /** Signed in with a one-time password: nothing but setting a new one until it is set. */
  mustChangePassword: boolean;
}

/** Where a user with a one-time password is sent, and the only page they may see. */
export const PASSWORD_CHANGE_PATH = "/account/password";

export interface SessionOptions {
  /**
   * Let a user who must change their password through. Only for what changing it needs:
   * `GET /api/v1/me`, `POST /api/v1/me/password` and the page at PASSWORD_CHANGE_PATH.
   */
  allowPasswordChange?: boolean;
}

/** The one rule: a user who must change their password may do nothing else until they have. */
const mustChangeFirst = (user: SessionUser, options?: SessionOptions) =>
  user.mustChangePassword && !options?.allowPasswordChange;

/**
 * The signed-in user, read fresh from the database on each request: a deactivated or deleted
 * account stops working at once, and a changed role or unit applies without signing in again.
 * A session is over SESSION_MAX_AGE_HOURS after its sign-in however much it is used, and when the
 * user's sessions were ended after it signed in (password changed or reset, deactivation).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken();
  const id = token?.uid;
  if (typeof id !== "number") return null;
  const profile = await getUserProfile(id);
  if (!profile || !profile.active) return null;
  if (!sessionIsCurrent(token?.signedInAt, Date.now(), profile.sessionsValidAfter)) {
    return null;
  }
  return {
    id: profile.id,
    username: profile.username,
    name: profile.displayName,
    title: profile.title,
    role: profile.role,
    unitId: profile.unitId,
    unitName: profile.unitName,
    mustChangePassword: profile.mustChangePassword,
  };
});

/**
 * For route handlers: the user, or a 401; a 403 `password_change_required` while they must change
 * their password (unless `allowPasswordChange`).
 */
export async function requireUser(options?: SessionOptions): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw unauthorized();
  if (mustChangeFirst(user, options)) throw new AppError("password_change_required");
  return user;
}

/**
 * For pages: the user, or off to the sign-in page; off to PASSWORD_CHANGE_PATH while they must
 * change their password (unless `allowPasswordChange`).
 */
export async function requirePageUser(options?: SessionOptions): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (mustChangeFirst(user, options)) redirect(PASSWORD_CHANGE_PATH);
  return user;
}

/** For pages: the user if the policy allows the action, else the 403 page (app/forbidden.tsx). */
export async function requirePagePermission<A extends Action>(
  action: A,
  ...resource: ResourceOf<A> extends undefined ? [] : [ResourceOf<A>]
): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!can(user, action, ...resource)) forbidden();
  return user;
}
