import { apiRoute } from "@/lib/api/route";
import { parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { listTasksNeedingOwner } from "@/lib/users/admin";
import { needsOwnerQuerySchema } from "@/lib/users/schemas";

/** GET /api/v1/users/needs-owner?planId= → `{ items }`: open tasks of deactivated owners (admins). */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "admin:manage");
  const { planId } = await parseSearchParams(needsOwnerQuerySchema, req.nextUrl);
  return { items: await listTasksNeedingOwner(planId) };
});
