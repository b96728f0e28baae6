import { z } from "zod";
import { ROLES } from "@/db/schema/users";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { flagParam, idParam, idValue, requiredText } from "@/lib/validation";

/** What sign-in accepts and stores: lower-case letters, digits and `. _ -`, 3 to 32 of them. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;

const role = z.enum(ROLES, { error: "validation.invalidChoice" });

/** A post (职务) beside the name: empty means none. */
const title = z
  .string()
  .trim()
  .max(50, { error: "validation.tooLong" })
  .nullable()
  .transform((value) => (value ? value : null));

/** `GET /api/v1/users`: every filter optional. */
export const userListQuerySchema = z.object({
  /** Part of the username or the name. */
  q: z.string().trim().max(100, { error: "validation.tooLong" }).optional(),
  unitId: idParam.optional(),
  role: role.optional(),
  active: flagParam.optional(),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

export const userCreateSchema = z.strictObject({
  // Sign-in lower-cases what is typed, so a username is stored lower case.
  username: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .regex(USERNAME_PATTERN, { error: "validation.usernameFormat" }),
  displayName: requiredText(50),
  title: title.optional().default(null),
  unitId: idValue,
  role,
});
export type UserCreateInput = z.output<typeof userCreateSchema>;

export const userPatchSchema = z.strictObject({
  displayName: requiredText(50).optional(),
  title: title.optional(),
  unitId: idValue.optional(),
  role: role.optional(),
  active: z.boolean({ error: "validation.invalidChoice" }).optional(),
});
export type UserPatchInput = z.output<typeof userPatchSchema>;

/** `POST /api/v1/me/password`; the policy itself is checked against the username (lib). */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .max(PASSWORD_MAX_LENGTH, { error: "validation.passwordWrong" }),
  newPassword: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
});
export type PasswordChangeInput = z.output<typeof passwordChangeSchema>;

/** `GET /api/v1/users/needs-owner`. */
export const needsOwnerQuerySchema = z.object({ planId: idParam.optional() });
