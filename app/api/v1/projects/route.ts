import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { parseBody, parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { listPlanProjects } from "@/lib/projects/queries";
import { projectCreateSchema } from "@/lib/projects/schemas";
import { createProject } from "@/lib/projects/write";
import { idParam } from "@/lib/validation";

const querySchema = z.object({ planId: idParam.optional() });

/** GET /api/v1/projects?planId= → the plan's projects with task counts (default: current plan). */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:read");
  const { planId } = await parseSearchParams(querySchema, req.nextUrl);
  return { items: await listPlanProjects(planId) };
});

/** POST /api/v1/projects → 201 with the new project (leaders and admins). */
export const POST = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:edit"); // 403 before a word of the body is read
  const project = await createProject(user, await parseBody(projectCreateSchema, req));
  return NextResponse.json(project, { status: 201 });
});
