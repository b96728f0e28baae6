import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { unauthorized } from "@/lib/errors";
import { can, type Action, type ResourceOf } from "./policy";
import { getUserProfile } from "@/lib/users/queries";
import { authOptions } from "./options";

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  title: string | null;
  role: Role;
  unitId: number;
  unitName: string;
}

/**
 * The signed-in user, read fresh from the database on each request: a deactivated or deleted
 * account stops working at once, and a changed role or unit applies without signing in again.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  const profile = await getUserProfile(id);
  if (!profile || !profile.active) return null;
  return {
    id: profile.id,
    username: profile.username,
    name: profile.displayName,
    title: profile.title,
    role: profile.role,
    unitId: profile.unitId,
    unitName: profile.unitName,
  };
});

/** For route handlers: the user, or a 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw unauthorized();
  return user;
}

/** For pages: the user, or off to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
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
