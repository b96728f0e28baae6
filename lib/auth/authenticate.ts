import "server-only";
import { z } from "zod";
import type { Role } from "@/db/schema";
import { findCredentialsByUsername } from "@/lib/users/queries";
import { dummyPasswordHash, verifyPassword } from "./password";

export const credentialsSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

export interface AuthenticatedUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  unitId: number;
}

/**
 * Checks a username and password. An unknown, inactive or wrong account all answer null after
 * the same scrypt work, so the answer and its timing do not tell which it was.
 */
export async function authenticate(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const user = await findCredentialsByUsername(username);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.active || !ok) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.displayName,
    role: user.role,
    unitId: user.unitId,
  };
}
