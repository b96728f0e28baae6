import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { units, users, type Role } from "@/db/schema";

const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  title: users.title,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
};

export type UserProfile = Awaited<ReturnType<typeof getUserProfile>>;

/** A user with their unit's name, or undefined; with when their sessions were last ended. */
export async function getUserProfile(id: number) {
  return getDb()
    .select({ ...publicColumns, sessionsValidAfter: users.sessionsValidAfter })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id))
    .get();
}

/** Only for checking a password at sign-in: the one query that reads the hash. */
export async function findCredentialsByUsername(username: string) {
  return getDb()
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .get();
}

/** Active people with their unit, by unit order: the choices for owners and lead leaders. */
export async function listActiveUsers() {
  return getDb()
    .select({
      id: users.id,
      name: users.displayName,
      title: users.title,
      role: users.role,
      unitId: users.unitId,
      unitName: units.name,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.active, true))
    .orderBy(asc(units.position), asc(users.id))
    .all();
}

export type UserOption = Awaited<ReturnType<typeof listActiveUsers>>[number];

/** Who may be a project's lead leader (分管领导): leaders and admins, not cadres. */
export const mayLeadProjects = (role: Role) => role === "leader" || role === "admin";

/** The choices for a project's lead leader: active leaders and admins. */
export async function listLeaderOptions() {
  return (await listActiveUsers())
    .filter((user) => mayLeadProjects(user.role))
    .map(({ id, name, title }) => ({ id, name, title }));
}

export type LeaderOption = Awaited<ReturnType<typeof listLeaderOptions>>[number];
