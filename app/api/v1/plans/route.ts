import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { createPlan } from "@/lib/plans/create-plan";
import { planCreateSchema } from "@/lib/plans/create-schema";
import { listPlans } from "@/lib/plans/queries";

/** GET /api/v1/plans → every plan, newest first. */
export const GET = apiRoute(async ({ user }) => {
  authorize(user, "plan:read");
  const plans = await listPlans();
  return {
    items: plans.map(({ id, year, title, startDate, endDate }) => ({
      id,
      year,
      title,
      startDate,
      endDate,
    })),
  };
});

/** POST /api/v1/plans `{ year, title?, startDate?, … }` → 201 with the new plan (admins). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  const plan = await createPlan(user, await parseBody(planCreateSchema, req));
  return NextResponse.json(plan, { status: 201, headers: { "Cache-Control": "no-store" } });
});
