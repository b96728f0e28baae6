import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody } from "@/lib/api/parse";
import { renewSessionCookie } from "@/lib/auth/renew-session";
import { changeOwnPassword } from "@/lib/users/change-password";
import { passwordChangeSchema } from "@/lib/users/schemas";

/**
 * POST /api/v1/me/password `{ currentPassword, newPassword }` → `{ mustChangePassword: false }`.
 * Anyone, for themselves; open while they must change their password (the one write that is).
 * Their other sessions end; this one gets a fresh cookie and goes on.
 */
export const POST = apiRoute(
  async ({ req, user }) => {
    const result = await changeOwnPassword(user.id, await parseBody(passwordChangeSchema, req));
    const response = NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    return renewSessionCookie(req, response);
  },
  { allowPasswordChange: true },
);
