import { apiRoute } from "@/lib/api/route";
import { parseBody } from "@/lib/api/parse";
import { markNotificationsRead } from "@/lib/notifications/queries";
import { markReadSchema } from "@/lib/notifications/schemas";

/** POST /api/v1/notifications/read `{ ids }` or `{ all: true }` → `{ unread }`. */
export const POST = apiRoute(async ({ req, user }) => {
  return markNotificationsRead(user, await parseBody(markReadSchema, req));
});
