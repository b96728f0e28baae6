import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { createUser, listUsers } from "@/lib/users/admin";
import { userCreateSchema, userListQuerySchema } from "@/lib/users/schemas";

/** GET /api/v1/users?q=&unitId=&role=&active= → `{ items }`, every user with their unit (admins). */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  return { items: await listUsers(await parseSearchParams(userListQuerySchema, req.nextUrl)) };
});

/** POST /api/v1/users → 201 `{ id, temporaryPassword }`: the one-time password, shown once (admins). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  const created = await createUser(user, await parseBody(userCreateSchema, req));
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
