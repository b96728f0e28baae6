import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordIssue } from "@/lib/auth/password-policy";
import { notFound, validationFailed } from "@/lib/errors";
import type { PasswordChangeInput } from "./schemas";

/**
 * A user sets their own password: the current one must match (400 naming `currentPassword`), the
 * new one must keep the policy and differ from it (400 naming `newPassword`). A one-time password
 * is then spent: `mustChangePassword` is cleared. The audit row says it happened, no more.
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
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
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
      .set({ passwordHash, mustChangePassword: false })
      .where(and(eq(users.id, userId), eq(users.passwordHash, user.passwordHash)))
      .run();
    if (changes === 0) throw validationFailed({ currentPassword: "validation.passwordWrong" });
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
