import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { commitPlanImport } from "@/lib/imports/commit-plan";
import { planImportSchema } from "@/lib/imports/schemas";

/**
 * POST /api/v1/imports/plan-text/commit (admins) → 201 `{ planId, projects, tasks, indicators }`:
 * the edited preview written as a new plan, all of it or (on any bad field) none of it.
 */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  const result = await commitPlanImport(user, await parseBody(planImportSchema, req));
  return NextResponse.json(result, { status: 201 });
});
