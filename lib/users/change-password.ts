import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import {
  clearAccountThrottle,
  recordPasswordFailure,
  signInLock,
  type SignInLock,
} from "@/lib/auth/lockout";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordIssue } from "@/lib/auth/password-policy";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import type { PasswordChangeInput } from "./schemas";

/** 429 while the account is locked: guessing the current password here is guessing at sign-in. */
const locked = (lock: SignInLock) =>
  new AppError(
    "rate_limited",
    { currentPassword: "validation.accountLocked" },
    { lockedUntil: lock.until.toISOString() },
  );

/**
 * A user sets their own password: the current one must match (400 naming `currentPassword`), the
 * new one must keep the policy and differ from it (400 naming `newPassword`). A wrong current
 * password counts toward the account's sign-in lock, and while it is locked this answers 429
 * `rate_limited` (with `lockedUntil`) unchecked. A one-time password is then spent:
 * `mustChangePassword` is cleared. Every session of the user signed in before now ends (the
 * caller's own is renewed by the route). The audit row says it happened, no more.
 */
export async function changeOwnPassword(
  userId: number,
  input: PasswordChangeInput,
): Promise<{ mustChangePassword: false }> {
  // The hash is read here and in sign-in only (lib/users/queries.ts).
  const user = getDb()
    .select({
      username: users.username,
      passwordHash: users.passwordHash,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) throw notFound();
  const lock = signInLock(getDb(), { username: user.username, address: null });
  if (lock) throw locked(lock);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    const lock = recordPasswordFailure(getDb(), user.username);
    if (lock) throw locked(lock);
    throw validationFailed({ currentPassword: "validation.passwordWrong" });
  }
  const issue =
    passwordIssue(input.newPassword, user.username) ??
    (input.newPassword === input.currentPassword ? "validation.passwordUnchanged" : null);
  if (issue) throw validationFailed({ newPassword: issue });

  const passwordHash = await hashPassword(input.newPassword);
  getDb().transaction((tx) => {
    // Only over the password just checked: one changed meanwhile is not overwritten unseen.
    const { changes } = tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionsValidAfter: new Date() })
      .where(and(eq(users.id, userId), eq(users.passwordHash, user.passwordHash)))
      .run();
    if (changes === 0) throw validationFailed({ currentPassword: "validation.passwordWrong" });
    clearAccountThrottle(tx, user.username);
    recordAudit(tx, {
      actorId: userId,
      action: "update",
      entityType: "user",
      entityId: userId,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, passwordChanged: true },
    });
  });
  return { mustChangePassword: false };
}
