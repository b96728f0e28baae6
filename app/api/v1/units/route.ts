import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { createUnit, listAdminUnits } from "@/lib/units/admin";
import { unitCreateSchema, unitListQuerySchema } from "@/lib/units/schemas";

/** GET /api/v1/units?includeArchived → units with their counts (admins). */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  const query = await parseSearchParams(unitListQuerySchema, req.nextUrl);
  return { items: await listAdminUnits(query) };
});

/** POST /api/v1/units `{ name, type }` → 201 with the new unit (admins). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  const unit = await createUnit(user, await parseBody(unitCreateSchema, req));
  return NextResponse.json(unit, { status: 201 });
});
