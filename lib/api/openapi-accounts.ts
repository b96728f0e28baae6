/**
 * The accounts part of the OpenAPI document (#7): people (admins) and one's own password. Merged
 * into `openApiDocument` by lib/api/openapi.ts; built the same way: request schemas from the
 * handlers' zod schemas, response schemas typed against the lib functions' return types.
 */
import { TASK_STATUSES } from "@/db/schema/tasks";
import { ROLES } from "@/db/schema/users";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import type { AdminUser, TaskNeedingOwner, createUser, resetPassword } from "@/lib/users/admin";
import type { changeOwnPassword } from "@/lib/users/change-password";
import {
  needsOwnerQuerySchema,
  passwordChangeSchema,
  userCreateSchema,
  userListQuerySchema,
  userPatchSchema,
} from "@/lib/users/schemas";
import {
  date,
  dateTime,
  fromZod,
  id,
  idPath,
  listOf,
  nullable,
  object,
  operation,
  queryParameters,
  ref,
  text,
  version,
  type Json,
  type PathItem,
} from "./openapi-helpers";

export const ACCOUNTS_TAGS = ["Users"] as const;

type Created = Awaited<ReturnType<typeof createUser>>;
type Reset = Awaited<ReturnType<typeof resetPassword>>;
type PasswordChanged = Awaited<ReturnType<typeof changeOwnPassword>>;

const temporaryPassword: Json = {
  type: "string",
  minLength: 12,
  maxLength: 12,
  description:
    "The one-time password (一次性密码), shown this once and stored only as a hash. Until its " +
    "holder sets their own, every call but `GET /me` and `POST /me/password` answers 403 " +
    "`password_change_required`.",
};

export const accountsSchemas = (): Record<string, Json> => ({
  // Requests: the handlers' own schemas.
  UserCreate: {
    ...fromZod(userCreateSchema),
    description:
      "`username`: 3–32 of a-z 0-9 . _ - (stored lower case), not taken (a 400 naming it). " +
      "`unitId`: a unit that exists and is not archived.",
  },
  UserPatch: {
    ...fromZod(userPatchSchema),
    description:
      "The fields given replace the user's; `title` null or empty clears it. `active: false` " +
      "ends the user's sessions and sign-ins at once; their open tasks then show in " +
      "`/users/needs-owner`. An admin cannot deactivate themselves or drop their own admin role.",
  },
  PasswordChange: {
    ...fromZod(passwordChangeSchema),
    description:
      `\`newPassword\`: ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not the ` +
      "username nor containing it, not a common password, not the current one.",
  },

  // Responses.
  AdminUser: object<AdminUser>(
    {
      id,
      username: text,
      displayName: text,
      title: nullable({ ...text, description: "The post (职务)." }),
      role: { type: "string", enum: [...ROLES] },
      unitId: id,
      unitName: text,
      active: { type: "boolean", description: "False: cannot sign in." },
      mustChangePassword: {
        type: "boolean",
        description: "Holds a one-time password: must set their own at the next sign-in.",
      },
      lockedUntil: nullable({
        ...dateTime,
        description:
          "Locked after too many wrong passwords until then (`POST /users/{id}/unlock` ends it " +
          "now); null when not locked.",
      }),
    },
    "A person, as the admin pages see them.",
  ),
  UserList: listOf("AdminUser"),
  CreatedUser: object<Created>(
    { id, temporaryPassword },
    "The new user's id and one-time password.",
  ),
  TemporaryPassword: object<Reset>({ temporaryPassword }, "The new one-time password."),
  PasswordChanged: object<PasswordChanged>(
    { mustChangePassword: { const: false } },
    "The password is changed; the one-time password, if any, is spent.",
  ),
  TaskNeedingOwner: object<TaskNeedingOwner>(
    {
      id,
      title: text,
      projectId: id,
      projectTitle: text,
      status: { type: "string", enum: [...TASK_STATUSES] },
      dueDate: date,
      leadUnitId: id,
      leadUnitName: text,
      ownerId: id,
      ownerName: { ...text, description: "The deactivated owner's name." },
      version: { ...version, description: "Send it with the PATCH that gives a new owner." },
    },
    "An open task whose owner (责任人) is deactivated.",
  ),
  TaskNeedingOwnerList: listOf("TaskNeedingOwner"),
  AccountLocked: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "lockedUntil", "fields"],
        properties: {
          code: { const: "rate_limited" },
          message: text,
          lockedUntil: { ...dateTime, description: "When the lock ends." },
          fields: {
            type: "object",
            required: ["currentPassword"],
            properties: { currentPassword: text },
          },
        },
      },
    },
  },
  OwnAccountRefusal: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "reason", "fields"],
        properties: {
          code: { const: "conflict" },
          message: text,
          reason: {
            enum: ["own_account", "last_admin"],
            description:
              "`own_account`: an admin's own account; `last_admin`: the change would leave no " +
              "active admin.",
          },
          fields: {
            type: "object",
            required: ["_"],
            properties: { _: { ...text, description: "Why, in the caller's language." } },
          },
        },
      },
    },
  },
});

export const accountsResponses = (): Record<string, Json> => ({
  OwnAccount: {
    description:
      "Nothing was changed: an admin cannot deactivate themselves or drop their own admin " +
      "role, and no change may leave the office without an active admin.",
    content: { "application/json": { schema: ref("OwnAccountRefusal") } },
  },
});

/** An operation that also answers 429 while the caller's account is locked. */
function withLockedAnswer(spec: Parameters<typeof operation>[0]): Json {
  const op = operation(spec);
  return {
    ...op,
    responses: {
      ...(op.responses as Json),
      "429": {
        description:
          "The account is locked after too many wrong passwords (at sign-in or here); nothing " +
          "was checked.",
        content: { "application/json": { schema: ref("AccountLocked") } },
      },
    },
  };
}

export const accountsPaths = (): Record<string, PathItem> => ({
  "/users": {
    get: operation({
      id: "listUsers",
      tag: "Users",
      summary: "Every user with their unit, active or not (admins)",
      parameters: queryParameters(userListQuerySchema, {
        q: "Part of the username or the name.",
        active: "Only active (`1`) or deactivated (`0`) users.",
      }),
      ok: { status: 200, description: "The users, by unit.", schema: "UserList" },
      errors: [400, 403],
    }),
    post: operation({
      id: "createUser",
      tag: "Users",
      summary: "Create a user with a one-time password (admins)",
      body: "UserCreate",
      ok: {
        status: 201,
        description: "The user's id and one-time password.",
        schema: "CreatedUser",
      },
      errors: [400, 403],
    }),
  },
  "/users/{id}": {
    parameters: [idPath],
    patch: operation({
      id: "updateUser",
      tag: "Users",
      summary: "Edit, move, deactivate or reactivate a user (admins)",
      body: "UserPatch",
      ok: { status: 200, description: "The user.", schema: "AdminUser" },
      errors: [400, 403, 404],
      conflict: { response: "OwnAccount" },
    }),
  },
  "/users/{id}/reset-password": {
    parameters: [idPath],
    post: operation({
      id: "resetUserPassword",
      tag: "Users",
      summary: "Give a user a new one-time password (admins)",
      description: "Their old password stops working; they must set their own at the next sign-in.",
      ok: { status: 200, description: "The one-time password.", schema: "TemporaryPassword" },
      errors: [403, 404],
    }),
  },
  "/users/{id}/unlock": {
    parameters: [idPath],
    post: operation({
      id: "unlockUser",
      tag: "Users",
      summary: "Unlock an account locked by wrong passwords (admins)",
      description:
        "Five wrong passwords in a day lock an account for 15 minutes, each further lock twice " +
        "as long (up to a day). Unlocking forgets its failures, so the next lock is the shortest " +
        "again. Audited, also when it was not locked.",
      ok: { status: 200, description: "The user, no longer locked.", schema: "AdminUser" },
      errors: [403, 404],
    }),
  },
  "/users/needs-owner": {
    get: operation({
      id: "listTasksNeedingOwner",
      tag: "Users",
      summary: "Open tasks whose owner is deactivated (admins)",
      description: "Live, not completed tasks of live themes, by theme and position.",
      parameters: queryParameters(needsOwnerQuerySchema, { planId: "Default: the current plan." }),
      ok: { status: 200, description: "The tasks.", schema: "TaskNeedingOwnerList" },
      errors: [400, 403, 404],
    }),
  },
  "/me/password": {
    post: withLockedAnswer({
      id: "changeMyPassword",
      tag: "Me",
      summary: "Change one's own password",
      description:
        "Open while the caller must change their password (as is `GET /me`). A wrong current " +
        "password is a 400 naming `currentPassword` and counts toward the account's sign-in " +
        "lock; a new one against the policy, a 400 naming `newPassword`. Every other session of " +
        "the caller ends; the caller's own gets a fresh session cookie (`Set-Cookie`).",
      body: "PasswordChange",
      ok: { status: 200, description: "Changed.", schema: "PasswordChanged" },
      errors: [400],
    }),
  },
});
