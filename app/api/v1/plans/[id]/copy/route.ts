import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { parseBody, pathId } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { copyPlan } from "@/lib/plans/copy-plan";
import { planCopySchema } from "@/lib/plans/create-schema";

type Params = { id: string };

/** POST /api/v1/plans/:id/copy `{ year, title? }` → 201 with the new plan and what was copied (admins). */
export const POST = apiRoute<Params>(async ({ req, user, params }) => {
  authorize(user, "admin:manage");
  const id = pathId(params.id);
  const plan = await copyPlan(user, id, await parseBody(planCopySchema, req));
  return NextResponse.json(plan, { status: 201, headers: { "Cache-Control": "no-store" } });
});
