import { apiRoute } from "@/lib/api/route";
import { parseSearchParams } from "@/lib/api/parse";
import { authorize } from "@/lib/auth/policy";
import { listInstructionsBy, listOpenInstructionsFor } from "@/lib/instructions/queries";
import { instructionListQuerySchema } from "@/lib/instructions/schemas";

/**
 * GET /api/v1/instructions?box=received|sent → `{ items }`: instructions on the caller's tasks that
 * still wait for an answer (default), or those the caller wrote.
 */
export const GET = apiRoute(async ({ req, user }) => {
  authorize(user, "plan:read");
  const { box } = await parseSearchParams(instructionListQuerySchema, req.nextUrl);
  return {
    items: box === "sent" ? await listInstructionsBy(user) : await listOpenInstructionsFor(user),
  };
});
