import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { findCredentialsByUsername } from "@/lib/users/queries";
import { clearAccountThrottle, recordSignInFailure, signInLock, type SignInLock } from "./lockout";
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

/** Sign-in refused unchecked: the account (the username typed) or the address is locked. */
export class SignInLockedError extends Error {
  constructor(readonly lock: SignInLock) {
    super("locked");
    this.name = "SignInLockedError";
  }
}

/**
 * Checks a username and password from the client at `address`. An unknown, inactive or wrong
 * account all answer null after the same work (one scrypt, one failure counted against the name
 * typed), so neither the answer nor its timing tells which it was. While the name typed or the
 * address is locked, it throws SignInLockedError without checking the password; the failure that
 * sets a lock off throws it too. A good sign-in clears the account's failures.
 */
export async function authenticate(
  input: unknown,
  context: { address: string | null } = { address: null },
): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const attempt = { username, address: context.address };
  const locked = signInLock(getDb(), attempt);
  if (locked) throw new SignInLockedError(locked);

  const user = await findCredentialsByUsername(username);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.active || !ok) {
    const lock = recordSignInFailure(getDb(), attempt);
    if (lock) throw new SignInLockedError(lock);
    return null;
  }
  clearAccountThrottle(getDb(), username);
  return {
    id: user.id,
    username: user.username,
    name: user.displayName,
    role: user.role,
    unitId: user.unitId,
  };
}
